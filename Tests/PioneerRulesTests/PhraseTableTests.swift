import Testing
@testable import PioneerRules

/// `PhraseTable` interns a phrase once per distinct word sequence and prefix marker, with words
/// compared by `String`'s `==`, as the table keyed by joined strings it replaced did.
@Suite struct PhraseTableTests {
    @Test func internsEachPhraseOnceKeepingTheFirstSource() {
        var table = PhraseTable()
        #expect(table.intern(words: ["health", "board"], prefix: false, source: "Health Board") == 0)
        #expect(table.intern(words: ["health", "board"], prefix: true, source: "Health board*") == 1)
        #expect(table.intern(words: ["health"], prefix: false, source: "health") == 2)
        #expect(table.intern(words: ["health", "board"], prefix: false, source: "HEALTH BOARD") == 0)
        #expect(table.phrases[0].source == "Health Board")
        #expect(table.phrases.count == 3)
    }

    @Test func equalWordsWithDifferentBytesAreOnePhrase() {
        var table = PhraseTable()
        table.reserveCapacity(1)
        #expect(table.intern(words: ["caf\u{E9}", "k"], prefix: false, source: "a") == 0)
        #expect(table.intern(words: ["cafe\u{301}", "k"], prefix: false, source: "b") == 0)
        #expect(table.intern(words: ["caf\u{E9}", "\u{212A}"], prefix: false, source: "c") == 1)
        #expect(table.intern(words: ["caf\u{E9}", "K"], prefix: false, source: "d") == 1)
    }

    @Test func keepsEveryPhraseFindableAcrossGrowth() {
        var table = PhraseTable()
        for i in 0..<500 { #expect(table.intern(words: ["w\(i)", "x\(i % 7)"], prefix: i % 2 == 0, source: "\(i)") == i) }
        for i in 0..<500 { #expect(table.intern(words: ["w\(i)", "x\(i % 7)"], prefix: i % 2 == 0, source: "again") == i) }
        #expect(table.phrases.count == 500)
    }
}
