/// The distinct words of one document, each looked up once: its rule vocabulary id, the rule
/// prefixes it begins with, and its word classes. Tokens refer to entries by index, so later
/// stages work over integers instead of strings.
///
/// Words are interned by their UTF-8 bytes in an open-addressing hash table, so a word seen
/// before costs a hash and a comparison, never a `String`.
struct WordTable: Sendable {
    struct Entry: Sendable, Hashable {
        var text: String
        /// Vocabulary id in the `PhraseMatcher`, -1 when no rule phrase uses the word.
        var vocab: Int32
        /// Ids of the rule prefixes the word begins with.
        var prefixes: [Int32]
        var flags: Lexicon.Flags
        var isNumber: Bool
        var isSymbol: Bool
    }

    private(set) var entries: [Entry] = []
    /// The UTF-8 bytes of every entry, back to back; `keyEnds[i]` ends entry i's.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    /// Entry index + 1 per slot, 0 when empty; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The entry index of the word spelled by `bytes` (canonical, lower-case), adding it on first sight.
    mutating func intern(_ bytes: [UInt8], matcher: PhraseMatcher) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            let lower = id == 0 ? 0 : keyEnds[id - 1]
            if keyEnds[id] - lower == bytes.count, keyBytes[lower..<keyEnds[id]].elementsEqual(bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(entries.count)
        entries.append(Self.entry(String(decoding: bytes, as: UTF8.self), matcher: matcher))
        keyBytes.append(contentsOf: bytes)
        keyEnds.append(keyBytes.count)
        slots[slot] = id + 1
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    subscript(_ id: Int32) -> Entry { entries[Int(id)] }
}

private extension WordTable {
    static func entry(_ word: String, matcher: PhraseMatcher) -> Entry {
        let (vocab, prefixes) = matcher.lookUp(word)
        let first = word.utf8.first ?? 0
        let isNumber = first >= 0x30 && first <= 0x39
        let isSymbol = !isNumber && word.unicodeScalars.count == 1 && !(word.unicodeScalars.first?.properties.isAlphabetic ?? false)
        return Entry(text: word, vocab: vocab, prefixes: prefixes, flags: Lexicon.flags(of: word), isNumber: isNumber, isSymbol: isSymbol)
    }

    mutating func grow() {
        var grown = [Int32](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for id in entries.indices {
            let lower = id == 0 ? 0 : keyEnds[id - 1]
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in keyBytes[lower..<keyEnds[id]] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(id + 1)
        }
        slots = grown
    }
}
