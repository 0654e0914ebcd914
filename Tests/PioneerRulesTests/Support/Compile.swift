@testable import PioneerRules

/// Helpers shared by the tests.
enum Compile {
    static let header = """
    ruleset "Test" { version "1" source "tests" }
    document { page_limit 10 }

    """

    /// Compiles one in-memory file.
    static func source(_ text: String, file: String = "test.rules") -> RulesLoadResult {
        RulesLoader.compile(files: [file: text], entry: file)
    }

    /// Renders the diagnostics of compiling `text` (no colour).
    static func rendered(_ text: String, file: String = "test.rules") -> String {
        let result = source(text, file: file)
        return DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: false)
    }

    /// Only the `severity: message` parts, for checks that do not care about positions.
    static func messages(_ text: String) -> [String] {
        source(text).diagnostics.map { "\($0.severity.rawValue): \($0.message)" }
    }
}
