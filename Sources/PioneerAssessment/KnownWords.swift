import Foundation

/// Every word that the rules' vocabulary, the `Lexicon` or the detectors (`Substance.Marks`) know by
/// name, with its `WordTable.Entry` worked out once per `PhraseMatcher`, keyed by its UTF-8 bytes.
///
/// A document's `WordTable` looks each new word up here by the hash it already has, so a known word
/// costs one probe and a comparison. A word that is not here and is ASCII is nobody's by name: its
/// entry follows from its spelling (`WordTable`), which is why every ASCII spelling a listed word may
/// have must be here.
struct KnownWords: Sendable {
    /// Prefix ranges index `prefixIDs` here, not in a document's table.
    private var entries: [WordTable.Entry] = []
    private var prefixIDs: [Int32] = []
    /// Entry i's bytes are `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Entry index + 1 per slot, 0 when empty; the count is a power of two, at most a quarter full.
    private var slots: [Int32] = [0]

    init() {}

    /// The known words of `matcher`'s vocabulary and of the built-in word lists.
    init(matcher: PhraseMatcher) {
        var words = Lexicon.listedWords + Substance.markedWords
        for word in matcher.vocabulary.keys {
            words.append(word)
            // "K" (the Kelvin sign) is the ASCII "k" to `String`'s `==`: list the ASCII spelling too.
            let decomposed = word.decomposedStringWithCanonicalMapping
            if !word.utf8.allSatisfy({ $0 < 0x80 }), decomposed.utf8.allSatisfy({ $0 < 0x80 }), decomposed == word {
                words.append(decomposed)
            }
        }
        var capacity = 64
        while capacity < words.count * 4 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        for word in words { insert(word, matcher: matcher) }
    }

    /// The index of the word spelled by `word` (canonical bytes) whose `WordTable.hash` is `hash`, or `nil`.
    func index(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let id = Int(stored - 1)
            if hashes[id] == hash, keyBytes[keyStarts[id]..<keyStarts[id + 1]].elementsEqual(word) { return id }
            slot = (slot + 1) & mask
        }
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
        let bytes = Array(word.utf8)
        var hash = WordTable.hashSeed
        for byte in bytes { hash = WordTable.hash(hash, byte) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if keyBytes[keyStarts[id]..<keyStarts[id + 1]].elementsEqual(bytes) { return }
            slot = (slot + 1) & mask
        }
        var (entry, prefixes) = WordTable.Entry.describing(word, matcher: matcher)
        entry.prefixes = Int32(prefixIDs.count)..<Int32(prefixIDs.count + prefixes.count)
        prefixIDs.append(contentsOf: prefixes)
        slots[slot] = Int32(entries.count + 1)
        entries.append(entry)
        hashes.append(hash)
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
    }
}
