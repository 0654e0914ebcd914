import Testing
@testable import PioneerAssessment

/// The built-in words' entries are worked out from whole tables; each must be what describing the word
/// on its own gives (`Lexicon.flags(of:)` and `Substance.marks(of:)`).
@Suite struct KnownWordsTests {
    @Test func builtInEntriesAgreeWithDescribingEachWord() {
        let builtIn = BuiltInWords.shared
        #expect(builtIn.count > 300)
        var described = 0
        for index in 0..<builtIn.count {
            builtIn.withWord(index) { bytes, entry in
                let word = String(decoding: bytes, as: UTF8.self)
                guard let entry else {
                    #expect(!bytes.allSatisfy { $0 < 0x80 }, "\(word)")
                    return
                }
                let expected = WordTable.Entry.describing(word)
                #expect(entry.flags == expected.flags, "\(word)")
                #expect(entry.marks == expected.marks, "\(word)")
                described += 1
            }
        }
        #expect(described > 300)
        let all = Set(Lexicon.listedWords + Substance.markedWords)
        #expect(Set(Lexicon.listedWordsWithFlags.map(\.word)) == Set(Lexicon.listedWords))
        for (word, flags) in Lexicon.listedWordsWithFlags { #expect(flags == Lexicon.flags(of: word), "\(word)") }
        #expect(all.count <= builtIn.count)
    }
}
