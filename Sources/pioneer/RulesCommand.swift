import Foundation
import PioneerAssessment
import PioneerReports
import PioneerRules

/// `pioneer rules check|test|fmt|list|phrases`: the rules authors' tools.
enum RulesCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        guard let sub = args.first, sub != "--help", sub != "-h" else {
            console.out(Help.rules)
            return args.isEmpty ? ExitCode.usageOrRules : ExitCode.success
        }
        let rest = Array(args.dropFirst())
        if CLI.wantsHelp(rest) { console.out(Help.rules); return ExitCode.success }
        switch sub {
        case "check": return try check(rest, console: console)
        case "test": return try RulesTestCommand.run(rest, console: console)
        case "fmt": return try RulesFormatCommand.run(rest, console: console)
        case "list": return try list(rest, console: console)
        case "phrases": return try phrases(rest, console: console)
        default:
            let hint = Suggestion.closest(to: sub, in: ["check", "test", "fmt", "list", "phrases"]).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown rules subcommand '\(sub)'\(hint)", command: "rules")
        }
    }

    static func path(_ arguments: Arguments, command: String) throws(CLIError) -> String {
        guard arguments.positionals.count <= 1 else { throw .usage("expected at most one rules path", command: command) }
        return arguments.positionals.first ?? BundledRules.path()
    }

    static func check(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        let arguments = try Arguments(args, spec: OptionSpec(), command: "rules check")
        let path = try path(arguments, command: "rules check")
        let result = RulesLoader.load(path: path)
        if !result.diagnostics.isEmpty {
            console.err(DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: console.colourErr))
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if let rules = result.rules, errors == 0 {
            let considerations = rules.criteria.reduce(0) { $0 + $1.considerations.count }
            console.out("\(path): ok: \(rules.criteria.count) criteria, \(considerations) considerations, \(rules.principles.considerations.count) principles, "
                + "\(rules.gates.count) gate\(rules.gates.count == 1 ? "" : "s"), \(rules.phrases.count) phrases; \(counts); fingerprint \(rules.fingerprint)\n")
            return ExitCode.success
        }
        console.out("\(path): \(counts)\n")
        return ExitCode.failed
    }

    static func list(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        let arguments = try Arguments(args, spec: OptionSpec(valued: ["--format"]), command: "rules list")
        let format = try arguments.choice("--format", allowed: ["text", "json"], default: "text", command: "rules list")
        let rules = try RulesSession.load(try path(arguments, command: "rules list"), console: console)
        console.out(format == "json" ? RulesListing.json(rules).serialised() : RulesListing.text(rules))
        return ExitCode.success
    }

    static func phrases(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        let arguments = try Arguments(args, spec: OptionSpec(), command: "rules phrases")
        let rules = try RulesSession.load(try path(arguments, command: "rules phrases"), console: console)
        let lines = Set(rules.phrases.map { $0.words.joined(separator: " ") }).sorted()
        console.out(lines.joined(separator: "\n") + "\n")
        return ExitCode.success
    }
}

/// `rules list`: every criterion, consideration, principle and gate.
enum RulesListing {
    static func text(_ rules: CompiledRules) -> String {
        var lines = ["\(rules.header.name) \(rules.header.version)", "source: \(rules.header.source)",
                     "page limit: \(rules.pageLimit.limit)", ""]
        for criterion in rules.criteria {
            lines.append("criterion \(criterion.id) (weight \(JSONValue.format(criterion.weight))): \(criterion.title)")
            for c in criterion.considerations {
                lines.append("  \(c.id) (weight \(JSONValue.format(c.weight))): \(c.title)")
            }
        }
        lines.append("")
        lines.append("principles (weight \(JSONValue.format(rules.principles.weight))): \(rules.principles.title)")
        for p in rules.principles.considerations { lines.append("  \(p.id) (weight \(JSONValue.format(p.weight))): \(p.title)") }
        lines.append("")
        for gate in rules.gates {
            let caps = Verdict.allCases.compactMap { v in gate.caps[v].map { "\(v.rawValue) caps at \($0.rawValue)" } }
            lines.append("gate \(gate.id): requires \(gate.considerationID); \(caps.joined(separator: ", ")): \(gate.title)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ rules: CompiledRules) -> JSONValue {
        func item(_ c: CompiledConsideration) -> JSONValue {
            .object([("id", .string(c.id)), ("title", .string(c.title)), ("weight", .number(c.weight))])
        }
        return .object([
            ("name", .string(rules.header.name)), ("version", .string(rules.header.version)), ("source", .string(rules.header.source)),
            ("fingerprint", .string(rules.fingerprint)), ("pageLimit", .number(Double(rules.pageLimit.limit))),
            ("criteria", .array(rules.criteria.map { criterion in
                .object([("id", .string(criterion.id)), ("title", .string(criterion.title)), ("weight", .number(criterion.weight)),
                         ("considerations", .array(criterion.considerations.map(item)))])
            })),
            ("principles", .object([("title", .string(rules.principles.title)), ("weight", .number(rules.principles.weight)),
                                    ("considerations", .array(rules.principles.considerations.map(item)))])),
            ("gates", .array(rules.gates.map { gate in
                .object([("id", .string(gate.id)), ("title", .string(gate.title)), ("requires", .string(gate.considerationID)),
                         ("caps", .object(Verdict.allCases.compactMap { v in gate.caps[v].map { (v.rawValue, JSONValue.string($0.rawValue)) } }))])
            })),
        ])
    }
}
