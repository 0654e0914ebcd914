import Foundation

/// Every word that the rules' vocabulary, the `Lexicon` or the detectors (`Substance.Marks`) know by
/// name, with its `WordTable.Entry` worked out once per `PhraseMatcher`, keyed by its UTF-8 bytes.
///
/// A document's `WordTable` looks each new word up here by the `Spelling` hash it already has, so a
/// known word costs one probe and a comparison. A word that is not here and is ASCII is nobody's by name: its
/// entry follows from its spelling (`WordTable`), which is why every ASCII spelling a listed word may
/// have must be here.
struct KnownWords: Sendable {
    /// Prefix ranges index `prefixIDs` here, not in a document's table.
    private var entries: [WordTable.Entry] = []
    private var prefixIDs: [Int32] = []
    private var keys = WordKeys(capacity: 0)

    init() {}

    /// The known words of `matcher`'s vocabulary and of the built-in word lists.
    init(matcher: PhraseMatcher) {
        var words = Lexicon.listedWords + Substance.markedWords
        for word in matcher.vocabulary.keys {
            words.append(word)
            // "K" (the Kelvin sign) is the ASCII "k" to `String`'s `==`: list the ASCII spelling too.
            // (Only non-ASCII words can have one; decomposing every word cost ~8 M instructions per Assessor.)
            guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            let decomposed = word.decomposedStringWithCanonicalMapping
            if decomposed.utf8.allSatisfy({ $0 < 0x80 }), decomposed == word {
                words.append(decomposed)
            }
        }
        // Sparse, so that a probe for an unknown word mostly meets an empty slot.
        keys = WordKeys(capacity: words.count * 2)
        for word in words { insert(word, matcher: matcher) }
    }

    /// The index of the word `spelling` spells, whose hash is `hash`, or `nil`.
    func index(of spelling: Spelling, hash: UInt64) -> Int? {
        let id = keys.find(spelling, hash: hash).id
        return id >= 0 ? Int(id) : nil
    }

    subscript(_ index: Int) -> WordTable.Entry { entries[index] }

    /// The ids of the rule prefixes a known entry's word begins with.
    func prefixIDs(of entry: WordTable.Entry) -> ArraySlice<Int32> {
        prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)]
    }

    var count: Int { entries.count }
}

private extension KnownWords {
    mutating func insert(_ word: String, matcher: PhraseMatcher) {
        Array(word.utf8).withUnsafeBufferPointer { bytes in
            let spelling = Spelling(bytes)
            let hash = spelling.hash
            let (found, slot) = keys.find(spelling, hash: hash)
            guard found < 0 else { return }
            _ = keys.insert(spelling, hash: hash, at: slot)
            var (entry, prefixes) = WordTable.Entry.describing(word, matcher: matcher)
            entry.prefixes = Int32(prefixIDs.count)..<Int32(prefixIDs.count + prefixes.count)
            prefixIDs.append(contentsOf: prefixes)
            entries.append(entry)
        }
    }
}
