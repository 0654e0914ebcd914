import Testing
@testable import PioneerRules

@Suite struct SpellingExpanderTests {
    private func expander(_ groups: [[String]]) -> SpellingExpander {
        var expander = SpellingExpander()
        for group in groups { _ = expander.add(group: group.map { PhraseWords($0).words }) }
        return expander
    }

    @Test func expandsEveryVariantPhraseFirst() {
        let spellings = expander([["wellbeing", "well-being", "well being"], ["organisation", "organization"]])
        let variants = spellings.expand(["health", "and", "wellbeing", "organisation"])
        #expect(variants == [
            ["health", "and", "wellbeing", "organisation"],
            ["health", "and", "wellbeing", "organization"],
            ["health", "and", "well", "being", "organisation"],
            ["health", "and", "well", "being", "organization"],
        ])
    }

    @Test func multiWordVariantsMatchLongestFirst() {
        let spellings = expander([["wellbeing", "well being"], ["well", "good"]])
        #expect(spellings.expand(["well", "being", "board"]) == [["well", "being", "board"], ["wellbeing", "board"]])
        #expect(spellings.expand(["well", "led"]) == [["well", "led"], ["good", "led"]])
    }

    @Test func capsAt64Variants() {
        let spellings = expander([["a", "b"]])
        #expect(spellings.expand(Array(repeating: "a", count: 6))?.count == 64)
        #expect(spellings.expand(Array(repeating: "a", count: 7)) == nil)
    }

    @Test func tooManyVariantsIsAnError() {
        let phrase = Array(repeating: "a", count: 7).joined(separator: " ")
        let source = Compile.header + """
        spellings { "a" = "b" }
        criterion c "C" { consideration c.a "A" { guidance "g" evidence "\(phrase)" example met "x" } }
        """
        #expect(Compile.messages(source) == ["error: phrase '\(phrase)' has more than 64 spelling variants"])
    }

    @Test func compiledTermSetsHoldEveryVariant() throws {
        let source = Compile.header + """
        spellings { "wellbeing" = "well-being" }
        terms hwb { "health and wellbeing board" "health and well being board" }
        criterion c "C" { consideration c.a "A" { guidance "g" evidence hwb example met "x" } }
        """
        let rules = try #require(Compile.source(source).rules)
        #expect(rules.phrases.map { $0.words.joined(separator: " ") }
                == ["health and wellbeing board", "health and well being board"])
        #expect(rules.termSets[0].phrases == [0, 1])
        #expect(rules.phrases.allSatisfy { $0.source == "health and wellbeing board" })
    }
}

@Suite struct SpellingConditionTests {
    @Test func inlinePhraseSpellingsBecomeOneFlatAny() throws {
        let source = Compile.header + """
        spellings { "organisation" = "organization" }
        criterion c "C" {
          consideration c.a "A" { guidance "g" evidence near(any("organisation", "trust"), date, 5) example met "x" }
        }
        """
        let rules = try #require(Compile.source(source).rules)
        #expect(rules.criteria[0].considerations[0].evidence
                == .near(.any([.phrase(0), .phrase(1), .phrase(2)]), .signal(.date), words: 5))
    }
}
