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

    @Test func orderKeysOrderAsStringsDoOrGiveWay() {
        let texts = ["", "a", "ab", "ab\u{0}", "abcdefgh", "abcdefgi", "abcdefghij", "abcdefgh\u{301}", "abcdefgé",
                     "abcde\u{301}fg", "b", "Zeta", "zeta", "abc def", "abc-def"]
        for first in texts {
            for second in texts {
                let firstKey = PhraseSources.orderKey(of: first), secondKey = PhraseSources.orderKey(of: second)
                if firstKey != secondKey && firstKey != PhraseSources.noKey && secondKey != PhraseSources.noKey {
                    #expect((firstKey < secondKey) == (first < second), "\(first) \(second)")
                }
            }
        }
        #expect(PhraseSources.orderKey(of: "abcdefgh\u{301}") == PhraseSources.noKey)
        #expect(PhraseSources.orderKey(of: "abcdefgé") == PhraseSources.noKey)
        #expect(PhraseSources.orderKey(of: "abcdefghij") == PhraseSources.orderKey(of: "abcdefgh"))
        #expect(PhraseSources.orderKey(of: "ab") == 0x6162 << 48)
    }

    @Test func sourcesSortAsStringsDo() {
        let texts = ["evidence of delivery", "evidence of design", "évidence", "evidence", "e\u{301}vidence", "zeta",
                     "evidence of delivery", "Evidence", "abcdefghi", "abcdefgh", "abcdefgh\u{301}", "abcdefgi"]
        let phrases = texts.map { CompiledPhrase(words: [$0], lastWordIsPrefix: false, source: $0) }
        let sources = PhraseSources(phrases)
        let all = (0..<texts.count).compactMap { sources.source(ofRank: Int32($0)) }
        var expected: [String] = []
        for text in texts.sorted() where expected.last != text { expected.append(text) }
        #expect(all == expected)
        for (index, text) in texts.enumerated() {
            #expect(sources.source(ofRank: sources.rank(of: Int32(index))) == text)
        }
    }
}
