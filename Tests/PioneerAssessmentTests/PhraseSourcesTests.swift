import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct PhraseSourcesTests {
    @Test func sourcesAreSortedOnceAndTheFirstSpellingStandsForEqualOnes() {
        // "café" decomposed (index 1) and composed (index 2) are equal Strings: one source, spelt as the first.
        let texts = ["zeta", "cafe\u{301}", "caf\u{E9}", "alpha", "zeta"]
        let phrases = texts.map { CompiledPhrase(words: [$0], lastWordIsPrefix: false, source: $0) }
        let sources = PhraseSources(phrases)
        #expect(sources.rank(of: 1) == sources.rank(of: 2))
        #expect(sources.rank(of: 0) == sources.rank(of: 4))
        let all = (0..<5).compactMap { sources.source(ofRank: Int32($0)) }
        #expect(all == ["alpha", "café", "zeta"])
        #expect(all.map { Array($0.unicodeScalars) } == [Array("alpha".unicodeScalars), Array("cafe\u{301}".unicodeScalars), Array("zeta".unicodeScalars)])
        #expect(sources.rank(of: -1) == -1 && sources.rank(of: 5) == -1)
        #expect(sources.source(ofRank: -1) == nil && sources.source(ofRank: 3) == nil)
    }
}
