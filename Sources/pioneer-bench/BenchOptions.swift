import Foundation

/// `pioneer-bench [--quick] [--json FILE] [--docs N] [--rules PATH] [--samples DIR]`.
struct BenchOptions: Sendable {
    var quick = false
    var jsonPath: String?
    var documents = 1_000
    var rulesPath: String
    var samplesPath: String
    /// The parts to run (`--only`); every part when empty.
    var only: Set<String> = []
    static let parts = ["rules", "single", "batch", "scaling", "machine", "side", "file"]

    static let help = """
        OVERVIEW: Pioneer Assessor benchmark: rules compile time, per-bid latency, batch throughput,
        scaling with rules and text size, memory, and side-by-side rg, grep, pdftotext.

        USAGE: pioneer-bench [--quick] [--json FILE] [--docs N] [--rules PATH] [--samples DIR] [--only PARTS]

        OPTIONS:
          --quick          100 documents and fewer repetitions
          --json FILE      also write every figure as JSON to FILE (atomically)
          --docs N         documents in the generated corpus (default 1000, --quick 100)
          --rules PATH     rules file or folder (default: the bundled rules/)
          --samples DIR    sample bids the corpus is generated from (default: the bundled submissions/)
          --only PARTS     run only these comma-separated parts: rules, single, batch, scaling,
                           machine (how much faster this processor runs a branch on bytes
                           that repeat), side (rg, grep, pioneer batch), file (pioneer check,
                           pdftotext);
                           for profiling one part under valgrind or perf
          -h, --help       show this help

        """

    /// Parses `arguments` (without the program name); `nil` when help was asked for.
    static func parse(_ arguments: [String]) throws(BenchError) -> BenchOptions? {
        var options = BenchOptions(rulesPath: locate("rules", marker: "main.rules"), samplesPath: locate("submissions", marker: nil))
        var documents: Int?
        var index = 0
        func value(_ name: String) throws(BenchError) -> String {
            index += 1
            guard index < arguments.count else { throw .usage("option '\(name)' needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help": return nil
            case "--quick": options.quick = true
            case "--json": options.jsonPath = try value(argument)
            case "--rules": options.rulesPath = try value(argument)
            case "--samples": options.samplesPath = try value(argument)
            case "--only":
                let parts = try value(argument).split(separator: ",").map { String($0) }
                if let unknown = parts.first(where: { !Self.parts.contains($0) }) {
                    throw .usage("unknown part '\(unknown)' for '--only'; expected \(Self.parts.joined(separator: ", "))")
                }
                options.only = Set(parts)
            case "--docs":
                let text = try value(argument)
                guard let count = Int(text), (1...1_000_000).contains(count) else {
                    throw .usage("'--docs' expects a number from 1 to 1000000, not '\(text)'")
                }
                documents = count
            default: throw .usage("unknown option '\(argument)'; see --help")
            }
            index += 1
        }
        options.documents = documents ?? (options.quick ? 100 : 1_000)
        return options
    }

    /// True when `part` is to be measured.
    func runs(_ part: String) -> Bool { only.isEmpty || only.contains(part) }

    /// Repetitions: the full count, or the `--quick` one.
    func runs(_ full: Int, quick fewer: Int) -> Int { quick ? fewer : full }
}

private extension BenchOptions {
    /// `name` in the current directory, else beside the package the executable was built in
    /// (it lives in `.build/<config>/`).
    static func locate(_ name: String, marker: String?) -> String {
        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: marker.map { path + "/" + $0 } ?? path)
        }
        if exists(name) { return name }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name).path
            if exists(candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return name
    }
}
