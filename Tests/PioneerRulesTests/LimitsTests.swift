import Testing
@testable import PioneerRules

/// Hostile inputs end in clear errors, quickly, without crashing.
@Suite struct LimitsTests {
    @Test func hundredThousandNestedParenthesesGiveOneError() {
        let depth = 100_000
        let source = Compile.header + "criterion c \"C\" { consideration c.a \"A\" { evidence "
            + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + " } }\n"
        let result = Compile.source(source)
        #expect(result.rules == nil)
        #expect(result.diagnostics.map(\.message) == ["nested too deeply (the limit is 64 levels)"])
        // Blocks count too: criterion, consideration and the evidence expression leave 61 parentheses;
        // the error points at the first token of the 65th level, just after the 62nd.
        #expect(result.diagnostics.first?.location?.column == 52 + 62)
    }

    @Test func deepNotChainsAndDeepCallsAreBounded() {
        let nots = Compile.header + "criterion c \"C\" { consideration c.a \"A\" { evidence "
            + String(repeating: "not ", count: 50_000) + "x } }\n"
        #expect(Compile.messages(nots) == ["error: nested too deeply (the limit is 64 levels)"])
        let calls = Compile.header + "criterion c \"C\" { consideration c.a \"A\" { evidence "
            + String(repeating: "any(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + " } }\n"
        #expect(Compile.messages(calls) == ["error: nested too deeply (the limit is 64 levels)"])
    }

    @Test func sixtyFourLevelsCountingBlocksAreAllowed() throws {
        let source = Compile.header + "terms x { \"x\" }\ncriterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence "
            + String(repeating: "(", count: 61) + "x" + String(repeating: ")", count: 61) + " example met \"x\" } }\n"
        let result = Compile.source(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.rules?.criteria.first?.considerations.first?.evidence == .termSet(0))
    }

    @Test func unterminatedStringAtEndOfFile() {
        let result = Compile.source("ruleset \"R")
        #expect(result.diagnostics.map(\.message).first == "unterminated string")
        #expect(result.rules == nil)
    }

    @Test func tenThousandLexicalErrorsAreCapped() {
        let source = String(repeating: "@\n", count: 10_000)
        let diagnostics = Compile.source(source).diagnostics
        #expect(diagnostics.count == DiagnosticBag.limit + 1)
        #expect(diagnostics.last?.message == "too many errors; stopping")
        #expect(diagnostics.last?.location == nil)
    }

    @Test func tenThousandParseErrorsAreCapped() {
        let source = String(repeating: "criterion c \"C\" { bogus 1 }\n", count: 10_000)
        let result = Compile.source(source)
        #expect(result.diagnostics.count == DiagnosticBag.limit + 1)
        #expect(result.diagnostics.dropLast().allSatisfy { $0.message == "unexpected 'bogus' in criterion 'c'" })
        #expect(result.diagnostics.last?.message == "too many errors; stopping")
        #expect(DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: false)
            .hasSuffix("error: too many errors; stopping\n"))
    }

    @Test func fileSizeLimit() {
        let big = String(repeating: "# padding\n", count: 420_000)
        let result = Compile.source(big)
        #expect(result.diagnostics.map(\.message) == ["file 'test.rules' is too large (4200000 bytes; the limit is 4 MiB)"])
        guard case .failure(let diagnostics) = RulesFormatter.format(source: big, file: "big.rules") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostics.count == 1)
    }

    @Test func phrasesOfMoreThan200Words() {
        let phrase = Array(repeating: "word", count: 201).joined(separator: " ")
        let source = Compile.header + "criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence \"\(phrase)\" example met \"x\" } }"
        #expect(Compile.messages(source).first?.hasSuffix("has more than 200 words") == true)
    }

    @Test func everyTruncatedPrefixOfTheSampleIsHandled() {
        let scalars = Array(Samples.full.unicodeScalars)
        for end in stride(from: 0, to: scalars.count, by: 7) {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[0..<end])
            let result = Compile.source(prefix)
            #expect(result.rules == nil || !result.hasErrors)
            _ = RulesFormatter.format(source: prefix, file: "p.rules")
        }
    }
}
