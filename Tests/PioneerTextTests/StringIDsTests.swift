import Testing
@testable import PioneerText

/// `StringIDs` must give what a `[String: Int32]` of ids in order of insertion gives, including for
/// strings that are equal to `String`'s `==` with different bytes.
@Suite struct StringIDsTests {
    @Test func givesIdsInOrderOfFirstInsertion() {
        var ids = StringIDs()
        #expect(ids.insert("health") == 0)
        #expect(ids.insert("wellbeing") == 1)
        #expect(ids.insert("health") == 0)
        #expect(ids.id(of: "wellbeing") == 1)
        #expect(ids.id(of: "board") == -1)
        #expect(ids.strings == ["health", "wellbeing"])
        #expect(ids.count == 2)
    }

    @Test func canonicallyEquivalentStringsShareAnId() {
        var ids = StringIDs()
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(ids.insert(composed) == 0)
        #expect(ids.insert(decomposed) == 0)
        // The Kelvin sign, the Greek question mark and varia decompose to ASCII characters.
        #expect(ids.insert("K") == 1)
        #expect(ids.id(of: "\u{212A}") == 1)
        #expect(ids.insert("a\u{37E}b\u{1FEF}") == 2)
        #expect(ids.id(of: "a;b`") == 2)
        #expect(ids.id(of: "k") == -1)
    }

    @Test func matchesADictionaryOverManyStringsAndGrowths() {
        var ids = StringIDs(capacity: 2)
        var reference: [String: Int32] = [:]
        let pieces = ["a", "b", "\u{E9}", "e\u{301}", "\u{212A}", "K", "z", "\u{1F600}"]
        for i in 0..<3_000 {
            let word = pieces[i % pieces.count] + String(i % 701) + pieces[(i / 7) % pieces.count]
            let expected = reference[word] ?? Int32(reference.count)
            if reference[word] == nil { reference[word] = expected }
            #expect(ids.insert(word) == expected)
        }
        #expect(ids.count == reference.count)
        for (word, id) in reference { #expect(ids.id(of: word) == id) }
    }
}
