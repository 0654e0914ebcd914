import Testing
@testable import PioneerRules

@Suite struct LargeRuleSetTests {
    @Test func compilesWithoutDiagnosticsAndFormatsStably() throws {
        let text = LargeSample.text()
        let result = Compile.source(text)
        #expect(result.diagnostics.isEmpty)
        let rules = try #require(result.rules)
        #expect(rules.allConsiderations.count == 48)
        // termSets[0] is the signal; each phrase of a set has 2 (wellbeing: "well-being" and "well being"
        // are the same words) × 2 (organisation) spellings.
        #expect(rules.termSets[1].phrases.count == 24 * 4)
        #expect(rules.termSets[1].afterFirst.count == 1)
        let formatted = try RulesFormatter.format(source: text, file: "large.rules").get()
        #expect(try RulesFormatter.format(source: formatted, file: "large.rules").get() == formatted)
        #expect(Compile.source(formatted).rules?.fingerprint == rules.fingerprint)
    }
}
