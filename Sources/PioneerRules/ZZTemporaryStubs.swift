// TEMPORARY: replaced by the real rules language on merge of branch rules-lang.
public struct Diagnostic: Sendable { public enum Severity: Sendable { case error, warning, note }; public var severity: Severity }
public struct RulesLoadResult: Sendable { public var rules: CompiledRules?; public var diagnostics: [Diagnostic]; public var sources: [String: String]; public var files: [String] }
public enum RulesLoader {
    public static func load(path: String) -> RulesLoadResult { RulesLoadResult(rules: nil, diagnostics: [Diagnostic(severity: .error)], sources: [:], files: []) }
    public static func compile(files: [String: String], entry: String) -> RulesLoadResult { load(path: entry) }
}
public struct FormatFailure: Error { public var diagnostics: [Diagnostic] }
public enum RulesFormatter { public static func format(source: String, file: String) -> Result<String, FormatFailure> { .success(source) } }
public enum DiagnosticRenderer { public static func render(_ d: [Diagnostic], sources: [String: String], colour: Bool) -> String { "error: rules language not merged yet\n" } }
