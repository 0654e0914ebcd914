/// The `pioneer` command: dispatches to a subcommand and maps every error to an exit code here.
enum CLI {
    static let version = "0.1.0"

    static let commands: [(name: String, summary: String)] = [
        ("check", "Assess bids and print a gap report for each"),
        ("batch", "Assess every bid in a folder and rank them"),
        ("pages", "Count pages and check them against the page limit"),
        ("text", "Show the text the tool reads from a document"),
        ("rules", "Check, test, format and list the rules (see 'pioneer rules --help')"),
    ]

    static func run(_ args: [String], console: Console) -> Int32 {
        guard let first = args.first else {
            console.out(Help.main)
            return ExitCode.usageOrRules
        }
        let rest = Array(args.dropFirst())
        do {
            switch first {
            case "-h", "--help", "help":
                console.out(rest.first.flatMap(Help.text(for:)) ?? Help.main)
                return ExitCode.success
            case "--version": console.out("pioneer \(version)\n"); return ExitCode.success
            case "check": return try CheckCommand.run(rest, console: console)
            case "batch": return try BatchCommand.run(rest, console: console)
            case "pages": return try PagesCommand.run(rest, console: console)
            case "text": return try TextCommand.run(rest, console: console)
            case "rules": return try RulesCommand.run(rest, console: console)
            default:
                let hint = Suggestion.closest(to: first, in: commands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                throw CLIError.usage("unknown command '\(first)'\(hint)", command: "")
            }
        } catch let error as CLIError {
            console.err(error.message)
            return error.exitCode
        } catch {
            console.err("error: \(error)")
            return ExitCode.usageOrRules
        }
    }

    /// True when `args` asks for help; the command then prints its help and stops.
    static func wantsHelp(_ args: [String]) -> Bool {
        args.contains("--help") || args.contains("-h")
    }
}
