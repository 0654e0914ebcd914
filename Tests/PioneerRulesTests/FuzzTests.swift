import Testing
@testable import PioneerRules

/// Deterministic token soup: no input may crash the lexer, parser, resolver or formatter, and
/// whatever formats must format to itself.
@Suite struct FuzzTests {
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let vocabulary = [
        "ruleset", "document", "terms", "signal", "criterion", "consideration", "principles", "principle", "gate",
        "scoring", "negation", "spellings", "defaults", "include", "{", "}", "(", ")", ",", "=", "*", "\"a\"",
        "\"b c\"", "\"\"\"\n  x\n  \"\"\"", "x", "c.a", "not", "and", "or", "any", "all", "near", "of", "2", "0.5",
        "evidence", "strong", "when", "weight", "guidance", "example", "met", "cap", "not-met", "band", "at",
        "points", "after_first", "# note\n", "\n", "\"open", "\\", "@", "\u{00A0}", "é",
    ]

    @Test func tokenSoupNeverCrashes() throws {
        var generator = Generator(state: 2013)
        var formatted = 0
        for _ in 0..<400 {
            var source = ""
            for _ in 0..<generator.next(60) {
                source += Self.vocabulary[generator.next(Self.vocabulary.count)] + " "
            }
            let result = Compile.source(source)
            #expect(result.rules == nil || !result.hasErrors)
            _ = DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: true)
            if case .success(let once) = RulesFormatter.format(source: source, file: "z.rules") {
                formatted += 1
                #expect(try RulesFormatter.format(source: once, file: "z.rules").get() == once, "\(source)")
            }
        }
        #expect(formatted > 0)
    }
}
