/// Everything that ends a command early, and the one place that maps it to an exit code.
enum CLIError: Error {
    /// Bad arguments: exit 2, with a pointer to `--help`.
    case usage(String, command: String)
    /// Rules that do not load: exit 2 (diagnostics already rendered).
    case rules(String)
    /// A document that could not be read: exit 3.
    case document(String)
    /// An output that could not be written: exit 2.
    case output(String)

    var exitCode: Int32 {
        switch self {
        case .usage, .rules, .output: return ExitCode.usageOrRules
        case .document: return ExitCode.unreadable
        }
    }

    var message: String {
        switch self {
        case .usage(let text, let command):
            return "error: \(text)\nsee 'pioneer \(command.isEmpty ? "" : command + " ")--help'"
        case .rules(let text): return text
        case .document(let text): return "error: \(text)"
        case .output(let text): return "error: \(text)"
        }
    }
}

/// The documented exit codes.
enum ExitCode {
    /// Assessed (or the rules command succeeded).
    static let success: Int32 = 0
    /// Assessed but below `--fail-under`, or `not-met` with `--strict`; rule tests failed; files not formatted.
    static let failed: Int32 = 1
    /// Usage or rules error.
    static let usageOrRules: Int32 = 2
    /// A document could not be read.
    static let unreadable: Int32 = 3
}
