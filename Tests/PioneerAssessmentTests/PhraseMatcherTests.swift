import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct PhraseMatcherTests {
    func matches(_ phrases: [String], in text: String) -> [String] {
        var builder = RulesBuilder()
        for phrase in phrases { _ = builder.phrase(phrase) }
        let rules = builder.build()
        return Assessor(rules: rules).analyse(text: text).matchedSources(rules)
    }

    @Test func matchesMultiWordPhrasesCaseInsensitively() {
        #expect(matches(["Health and Wellbeing Board", "board"], in: "The HEALTH & Wellbeing Board met.")
                == ["Health and Wellbeing Board", "board"])
    }

    @Test func reportsOverlappingMatches() {
        #expect(matches(["pooled budget", "budget", "pooled budget plan"], in: "A pooled budget plan.")
                == ["pooled budget", "pooled budget plan", "budget"])
    }

    @Test func prefixPhrasesMatchAnyWordTheyBegin() {
        #expect(matches(["integrat*", "care integrat*"], in: "Integration, integrated care integrates; integral")
                == ["integrat*", "integrat*", "care integrat*", "integrat*"])
    }

    @Test func prefixMatchesTheWholeWordToo() {
        #expect(matches(["integrat*"], in: "integrat") == ["integrat*"])
    }

    @Test func spellingVariantsAreSeparatePhrases() {
        var builder = RulesBuilder()
        builder.phrases = [CompiledPhrase(words: ["wellbeing"], source: "wellbeing"),
                           CompiledPhrase(words: ["well", "being"], source: "wellbeing")]
        let rules = builder.build()
        let analysis = Assessor(rules: rules).analyse(text: "Well-being and wellbeing.")
        #expect(analysis.matches.map(\.phrase) == [1, 0])
        #expect(analysis.matchedSources(rules) == ["wellbeing", "wellbeing"])
    }

    @Test func matchesNeverCrossSentences() {
        #expect(matches(["care plan"], in: "We provide care. Plan ahead.") == [])
    }

    @Test func unknownWordsNeverMatch() {
        #expect(matches(["carers"], in: "Care and caring.") == [])
    }

    @Test func buildsTheTrieOnceWithSharedPrefixes() {
        let matcher = PhraseMatcher(phrases: [CompiledPhrase(words: ["a", "b"], source: "a b"),
                                              CompiledPhrase(words: ["a", "c"], source: "a c"),
                                              CompiledPhrase(words: ["a", "b"], source: "a b again")])
        #expect(matcher.vocabulary.count == 3)
        #expect(matcher.lookUp("zzz").vocab == -1)
    }
}
