import Testing
@testable import PioneerRules

/// Hostile rules files through `RulesLoader.compile`: deep nesting, unterminated strings, floods of
/// errors and bytes that are not rules at all. Each must end in diagnostics that name the file and
/// a line, in bounded time, never a crash or a stack overflow.
@Suite(.timeLimit(.minutes(2)))
struct HostileRulesTests {
    let file = "hostile.rules"

    func compile(_ source: String) -> RulesLoadResult {
        RulesLoader.compile(files: [file: source], entry: file)
    }

    /// The errors of `result`, checked to name the file, and the rendered text.
    func errors(of result: RulesLoadResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (errors: [Diagnostic], rendered: String) {
        let errors = result.diagnostics.filter(\.isError)
        #expect(result.rules == nil, sourceLocation: sourceLocation)
        #expect(!errors.isEmpty, sourceLocation: sourceLocation)
        // Every error names the file, except the one that says the rest were dropped.
        #expect(errors.allSatisfy { $0.location?.file == file || ($0.location == nil && $0.message.contains("too many")) },
                sourceLocation: sourceLocation)
        let rendered = DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: false)
        #expect(rendered.contains("\(file):"), sourceLocation: sourceLocation)
        return (errors, rendered)
    }

    @Test(arguments: [100_000, 1_000])
    func deeplyNestedParenthesesAreAnError(depth: Int) {
        let expression = String(repeating: "(", count: depth) + "\"care\"" + String(repeating: ")", count: depth)
        let source = "criterion c \"C\" {\n  consideration c.a \"A\" {\n    evidence \(expression)\n  }\n}\n"
        let (errors, _) = errors(of: compile(source))
        #expect(errors.contains { $0.message.contains("nested too deeply") && $0.location?.line == 3 })
        #expect(errors.count < 100)
    }

    @Test func deeplyNestedNotAndCallsAreAnError() {
        let nots = String(repeating: "not ", count: 100_000) + "\"care\""
        let calls = String(repeating: "any(", count: 50_000) + "\"care\"" + String(repeating: ")", count: 50_000)
        let nears = String(repeating: "near(", count: 50_000) + "a" + String(repeating: ", b, 3)", count: 50_000)
        for expression in [nots, calls, nears] {
            let source = "criterion c \"C\" { consideration c.a \"A\" { evidence \(expression) } }\n"
            let (errors, _) = errors(of: compile(source))
            #expect(errors.contains { $0.message.contains("nested too deeply") })
        }
    }

    @Test func deeplyNestedBracesAreAnError() {
        let source = String(repeating: "criterion c \"C\" {", count: 100_000) + String(repeating: "}", count: 100_000)
        _ = errors(of: compile(source))
    }

    @Test(arguments: ["ruleset \"Pioneers {\n  version \"1\"\n}\n", "ruleset \"\"\"\n  never closed\n", "ruleset \"bad \\u{110000} escape\" {}\n",
                      "ruleset \"tab\\q\" {}\n", "ruleset \"x\\"])
    func unterminatedOrBadStringIsAnError(source: String) {
        let (errors, rendered) = errors(of: compile(source))
        #expect(errors.allSatisfy { ($0.location?.line ?? 0) >= 1 })
        #expect(rendered.contains("error:"))
    }

    @Test func unterminatedStringPointsAtItsStart() {
        let (errors, _) = errors(of: compile("# header\n\nruleset \"Pioneers {\n  version \"1\"\n}\n"))
        #expect(errors.first?.location?.line == 3)
        #expect(errors.first?.message.contains("unterminated") == true)
    }

    @Test func tenThousandErrorsAreCappedAndReported() {
        let source = (1...10_000).map { "criterion \($0) { @@ }" }.joined(separator: "\n")
        let result = compile(source)
        let (errors, rendered) = errors(of: result)
        #expect(errors.count <= 1_001)
        #expect(errors.first?.location?.line == 1)
        #expect(rendered.utf8.count < 2_000_000)
    }

    /// Regression: the renderer printed the whole source line under each diagnostic, so a 200 KB
    /// one-line file with 1,000 errors rendered 200 MB (and a 1.7 MB one ran for over a minute).
    @Test func oneLineFileWithAThousandErrorsRendersBoundedText() {
        let (errors, rendered) = errors(of: compile(String(repeating: "@", count: 200_000)))
        #expect(errors.count == 1_001)
        #expect(rendered.utf8.count < 1_000_000)
    }

    @Test func longLineSnippetKeepsTheCaretUnderTheError() {
        let source = String(repeating: "a", count: 5_000) + " @"
        let (errors, rendered) = errors(of: compile(source))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(errors.first?.location?.column == 5_002)
        guard let header = lines.firstIndex(where: { $0.contains(":1:5002: error:") }), header + 2 < lines.count else {
            Issue.record("no diagnostic at column 5002 in \(rendered.prefix(500))")
            return
        }
        let text = Array(lines[header + 1]), caret = Array(lines[header + 2])
        #expect(text.count <= 300)
        #expect(caret.last == "^")
        #expect(text[caret.count - 1] == "@")
    }

    @Test func tenThousandStrayCharactersAreCapped() {
        let (errors, _) = errors(of: compile(String(repeating: "@", count: 10_000)))
        #expect(errors.count <= 1_001)
    }

    @Test func bytesThatAreNotRulesAreAnError() {
        var state: UInt64 = 42
        let junk = (0..<65_536).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        _ = errors(of: compile(String(decoding: junk, as: UTF8.self)))
    }

    @Test func hugeNumbersAndLongIdentifiersAreErrorsOrValues() {
        let source = """
        document { page_limit 99999999999999999999999999999 }
        criterion \(String(repeating: "x", count: 100_000)) "C" { weight 1e400 }
        """
        _ = errors(of: compile(source))
    }

    @Test func includeCycleAndMissingIncludeAreErrors() {
        let result = RulesLoader.compile(files: ["a.rules": "include \"b.rules\"\n", "b.rules": "include \"a.rules\"\ninclude \"missing.rules\"\n"], entry: "a.rules")
        #expect(result.rules == nil)
        #expect(result.diagnostics.filter(\.isError).allSatisfy { $0.location?.file == "b.rules" || $0.location?.file == "a.rules" })
        #expect(result.diagnostics.contains { $0.message.contains("missing.rules") })
    }

    @Test func includeOutsideTheFilesIsAnError() {
        let result = RulesLoader.compile(files: [file: "include \"../../../../etc/passwd\"\ninclude \"/etc/passwd\"\n"], entry: file)
        #expect(result.rules == nil)
        #expect(result.sources.keys.allSatisfy { !$0.contains("passwd") })
    }
}
