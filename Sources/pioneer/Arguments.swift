/// The options a command accepts: flags (`--strict`) and options with a value (`--format json`).
struct OptionSpec {
    var flags: Set<String> = []
    var valued: Set<String> = []
}

/// A command line split into positionals, options and flags, checked against an `OptionSpec`.
struct Arguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    /// Parses `args`; `--name=value` and `--name value` are both accepted; `--` ends options.
    init(_ args: [String], spec: OptionSpec, command: String) throws(CLIError) {
        var index = 0
        var optionsEnded = false
        while index < args.count {
            let arg = args[index]
            index += 1
            guard !optionsEnded, arg.hasPrefix("-"), arg != "-" else { positionals.append(arg); continue }
            if arg == "--" { optionsEnded = true; continue }
            var name = arg
            var inlineValue: String?
            if let equals = arg.firstIndex(of: "=") {
                name = String(arg[..<equals])
                inlineValue = String(arg[arg.index(after: equals)...])
            }
            if spec.flags.contains(name) {
                if inlineValue != nil { throw .usage("option '\(name)' takes no value", command: command) }
                flags.insert(name)
            } else if spec.valued.contains(name) {
                if let inlineValue {
                    values[name] = inlineValue
                } else if index < args.count {
                    values[name] = args[index]
                    index += 1
                } else {
                    throw .usage("option '\(name)' needs a value", command: command)
                }
            } else {
                let known = Array(spec.flags) + Array(spec.valued) + ["--help"]
                let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
                throw .usage("unknown option '\(name)'\(hint)", command: command)
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The value of `name` if it is one of `allowed`, else a usage error with a suggestion.
    func choice(_ name: String, allowed: [String], default fallback: String, command: String) throws(CLIError) -> String {
        guard let value = values[name] else { return fallback }
        guard allowed.contains(value) else {
            let hint = Suggestion.closest(to: value, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown \(name.dropFirst(2)) '\(value)' (expected \(allowed.joined(separator: ", ")))\(hint)", command: command)
        }
        return value
    }

    /// A whole number option within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>, command: String) throws(CLIError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .usage("option '\(name)' needs a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'", command: command)
        }
        return number
    }

    /// A number option within `range`.
    func number(_ name: String, in range: ClosedRange<Double>, command: String) throws(CLIError) -> Double? {
        guard let text = values[name] else { return nil }
        guard let number = Double(text), range.contains(number) else {
            throw .usage("option '\(name)' needs a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), not '\(text)'", command: command)
        }
        return number
    }
}

/// Did-you-mean by edit distance.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
