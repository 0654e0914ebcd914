/// The distinct words of one document, each looked up once: its rule vocabulary id, the rule
/// prefixes it begins with, and its word classes. Tokens refer to entries by index, so later
/// stages work over integers instead of strings.
///
/// Words are interned by their UTF-8 bytes in an open-addressing hash table, so a word seen
/// before costs a hash and a comparison, never a `String`.
struct WordTable: Sendable {
    /// What the stages need to know of a word; plain data, cheap to copy.
    struct Entry: Sendable, Hashable {
        /// Vocabulary id in the `PhraseMatcher`, -1 when no rule phrase uses the word.
        var vocab: Int32
        var flags: Lexicon.Flags
        var isNumber: Bool
        var isSymbol: Bool
        /// The ids of the rule prefixes the word begins with: `prefixIDs[prefixes]`.
        var prefixes: Range<Int32>
    }

    private var entries: [Entry] = []
    private var texts: [String] = []
    private var prefixIDs: [Int32] = []
    /// The UTF-8 bytes of every entry, back to back; `keyEnds[i]` ends entry i's.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    /// Entry index + 1 per slot, 0 when empty; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The entry index of the word spelled by `bytes` (canonical, lower-case), adding it on first sight.
    mutating func intern(_ bytes: [UInt8], matcher: PhraseMatcher) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0, 0..<$0.count, matcher: matcher) }
    }

    /// The entry index of the word spelled by `source[range]` with ASCII letters lower-cased.
    mutating func intern(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, matcher: PhraseMatcher) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range { hash = (hash ^ UInt64(Self.lower(source[index]))) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if equals(id, source, range) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(entries.count)
        let text = String(decoding: source[range].map(Self.lower), as: UTF8.self)
        entries.append(entry(text, matcher: matcher))
        texts.append(text)
        keyBytes.append(contentsOf: text.utf8)
        keyEnds.append(keyBytes.count)
        slots[slot] = id + 1
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    subscript(_ id: Int32) -> Entry { entries[Int(id)] }

    /// The canonical word.
    func text(_ id: Int32) -> String { texts[Int(id)] }

    /// Whether the word begins with the rule prefix `prefix`.
    /// The ids of the rule prefixes the entry's word begins with.
    func prefixIDs(of entry: Entry) -> ArraySlice<Int32> {
        prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)]
    }

    func hasPrefix(_ entry: Entry, _ prefix: Int32) -> Bool {
        prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)].contains(prefix)
    }

    var count: Int { entries.count }
}

private extension WordTable {
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    func equals(_ id: Int, _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let lower = id == 0 ? 0 : keyEnds[id - 1]
        guard keyEnds[id] - lower == range.count else { return false }
        return keyBytes.withUnsafeBufferPointer { key in
            var offset = lower
            for index in range {
                if key[offset] != Self.lower(source[index]) { return false }
                offset += 1
            }
            return true
        }
    }

    mutating func entry(_ word: String, matcher: PhraseMatcher) -> Entry {
        let (vocab, prefixes) = matcher.lookUp(word)
        let prefixStart = Int32(prefixIDs.count)
        prefixIDs.append(contentsOf: prefixes)
        let first = word.utf8.first ?? 0
        let isNumber = first >= 0x30 && first <= 0x39
        let isSymbol = !isNumber && word.unicodeScalars.count == 1 && !(word.unicodeScalars.first?.properties.isAlphabetic ?? false)
        return Entry(vocab: vocab, flags: Lexicon.flags(of: word), isNumber: isNumber, isSymbol: isSymbol,
                     prefixes: prefixStart..<Int32(prefixIDs.count))
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
