import PioneerDocuments
import PioneerReports

/// `pioneer pages FILE...`: pages, exact or estimated, against the rules' page limit.
enum PagesCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        if CLI.wantsHelp(args) { console.out(Help.pages); return ExitCode.success }
        let arguments = try Arguments(args, spec: OptionSpec(valued: ["--format", "--rules"]), command: "pages")
        let format = try arguments.choice("--format", allowed: ["text", "json"], default: "text", command: "pages")
        guard !arguments.positionals.isEmpty else { throw .usage("expected at least one file", command: "pages") }
        let limit = try RulesSession.load(arguments.value("--rules"), console: console).pageLimit.limit
        var rows: [JSONValue] = []
        var lines: [String] = []
        var unreadable = false
        for path in DocumentFiles.expand(arguments.positionals) {
            do {
                let document = try DocumentReader.read(path: path)
                let count = document.pageCount
                let within = count.value <= Double(limit)
                let shown = count.exact ? JSONValue.format(count.value) : "~" + JSONValue.format(count.value)
                lines.append("\(path): \(shown) page\(count.value == 1 ? "" : "s") (\(count.exact ? "exact" : "estimated"), \(count.source.rawValue)), "
                    + (within ? "within the limit of \(limit)" : "OVER the limit of \(limit)"))
                lines += document.warnings.map { "  warning: \($0.message)" }
                rows.append(.object([
                    ("path", .string(path)), ("pages", .number(count.value)), ("pagesExact", .bool(count.exact)),
                    ("source", .string(count.source.rawValue)), ("limit", .number(Double(limit))), ("within", .bool(within)),
                    ("warnings", .array(document.warnings.map { .string($0.message) })),
                ]))
            } catch {
                unreadable = true
                lines.append("\(path): error: \(error.message)")
                rows.append(.object([("path", .string(path)), ("error", .string(error.message))]))
            }
        }
        console.out(format == "json" ? JSONValue.array(rows).serialised() : lines.joined(separator: "\n") + "\n")
        return unreadable ? ExitCode.unreadable : ExitCode.success
    }
}
