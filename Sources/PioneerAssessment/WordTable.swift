/// The distinct words of one document, each looked up once: its rule vocabulary id, the rule
/// prefixes it begins with, and its word classes. Tokens refer to entries by index, so later
/// stages work over integers instead of strings.
///
/// Words are interned by their UTF-8 bytes in an open-addressing hash table, so a word seen
/// before costs a hash and a comparison, never a `String`. A new word is looked up in the
/// matcher's `KnownWords` by the same hash; only a word that is neither known nor ASCII is
/// described through a `String`.
struct WordTable: Sendable {
    /// What the stages need to know of a word; plain data, cheap to copy.
    struct Entry: Sendable, Hashable {
        /// Vocabulary id in the `PhraseMatcher`, -1 when no rule phrase uses the word.
        var vocab: Int32
        var flags: Lexicon.Flags
        var marks: Substance.Marks
        var isNumber: Bool
        var isSymbol: Bool
        /// The ids of the rule prefixes the word begins with: `prefixIDs[prefixes]`.
        var prefixes: Range<Int32>
    }

    private var entries: [Entry] = []
    private var prefixIDs: [Int32] = []
    /// The UTF-8 bytes of every entry, back to back: entry i's are `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    /// The hash of every entry, so that growing never hashes again.
    private var hashes: [UInt64] = []
    /// Per slot, entry index + 1 in the low 32 bits (0 when empty) and the entry's hash in the high
    /// ones, so a probe rarely compares bytes in vain; the count is a power of two.
    private var slots = [UInt64](repeating: 0, count: 2048)
    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// FNV-1a, the hash of a word's canonical bytes here and in `KnownWords`.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The entry index of the word spelled by `bytes` (canonical, lower-case), adding it on first sight.
    mutating func intern(_ bytes: [UInt8], matcher: PhraseMatcher) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0, 0..<$0.count, matcher: matcher) }
    }

    /// The entry index of the word spelled by `source[range]` with ASCII letters lower-cased.
    mutating func intern(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, matcher: PhraseMatcher) -> Int32 {
        var hash = Self.hashSeed
        for index in range { hash = Self.hash(hash, Self.lower(source[index])) }
        return intern(source, range, hash: hash, matcher: matcher)
    }

    /// `intern(_:_:matcher:)` with the word's hash already worked out (`hash` over the lower-cased bytes).
    mutating func intern(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64, matcher: PhraseMatcher) -> Int32 {
        let (found, slot) = find(source, range, hash: hash)
        if found >= 0 { return found }
        let id = Int32(entries.count)
        let keyStart = keyBytes.count
        for index in range { keyBytes.append(Self.lower(source[index])) }
        keyStarts.append(keyBytes.count)
        hashes.append(hash)
        entries.append(describe(keyStart..<keyBytes.count, hash: hash, matcher: matcher))
        slots[slot] = UInt64(id + 1) | (hash & Self.tagMask)
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    subscript(_ id: Int32) -> Entry { entries[Int(id)] }

    /// The canonical word.
    func text(_ id: Int32) -> String {
        String(decoding: keyBytes[keyStarts[Int(id)]..<keyStarts[Int(id) + 1]], as: UTF8.self)
    }

    /// The ids of the rule prefixes the entry's word begins with.
    func prefixIDs(of entry: Entry) -> ArraySlice<Int32> {
        prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)]
    }

    /// Whether the word begins with the rule prefix `prefix`.
    func hasPrefix(_ entry: Entry, _ prefix: Int32) -> Bool {
        prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)].contains(prefix)
    }

    /// Calls `body` with every entry and the prefix ids they refer to, for loops over many tokens.
    func withEntries<Result>(_ body: (UnsafeBufferPointer<Entry>, UnsafeBufferPointer<Int32>) -> Result) -> Result {
        entries.withUnsafeBufferPointer { entries in prefixIDs.withUnsafeBufferPointer { body(entries, $0) } }
    }

    var count: Int { entries.count }
}

extension WordTable.Entry {
    /// The entry of `word` (canonical), with its prefix ids: what every faster path must agree with.
    static func describing(_ word: String, matcher: PhraseMatcher) -> (entry: WordTable.Entry, prefixes: [Int32]) {
        let (vocab, prefixes) = matcher.lookUp(word)
        let first = word.utf8.first ?? 0
        let isNumber = first >= 0x30 && first <= 0x39
        let isSymbol = !isNumber && word.unicodeScalars.count == 1 && !(word.unicodeScalars.first?.properties.isAlphabetic ?? false)
        let entry = WordTable.Entry(vocab: vocab, flags: Lexicon.flags(of: word), marks: Substance.marks(of: word), isNumber: isNumber,
                                    isSymbol: isSymbol, prefixes: 0..<0)
        return (entry, prefixes)
    }
}

private extension WordTable {
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The entry index of the word spelled by `source[range]` (ASCII letters lower-cased), or -1 and the
    /// empty slot where it belongs.
    func find(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64) -> (id: Int32, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            keyStarts.withUnsafeBufferPointer { starts in
                keyBytes.withUnsafeBufferPointer { keys in
                    let mask = slots.count - 1
                    let tag = hash & Self.tagMask
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let stored = slots[slot]
                        if stored == 0 { return (-1, slot) }
                        let id = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
                        if stored & Self.tagMask == tag, Self.equals(keys, starts[id]..<starts[id + 1], source, range) {
                            return (Int32(id), slot)
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `key[keyRange]` is `source[range]` with ASCII letters lower-cased.
    static func equals(_ key: UnsafeBufferPointer<UInt8>, _ keyRange: Range<Int>, _ source: UnsafeBufferPointer<UInt8>,
                       _ range: Range<Int>) -> Bool {
        guard keyRange.count == range.count else { return false }
        var offset = keyRange.lowerBound
        for index in range {
            if key[offset] != lower(source[index]) { return false }
            offset += 1
        }
        return true
    }

    /// The entry of the word whose canonical bytes are `keyBytes[key]`: a known word's precomputed one,
    /// an unknown ASCII word's from its bytes, any other word's through a `String`.
    mutating func describe(_ key: Range<Int>, hash: UInt64, matcher: PhraseMatcher) -> Entry {
        let prefixStart = Int32(prefixIDs.count)
        let keys = keyBytes
        var entry: Entry
        if let known = keys.withUnsafeBufferPointer({ matcher.known.index(of: UnsafeBufferPointer(rebasing: $0[key]), hash: hash) }) {
            entry = matcher.known[known]
            prefixIDs.append(contentsOf: matcher.known.prefixIDs(of: entry))
        } else if keys[key].allSatisfy({ $0 < 0x80 }) {
            entry = keys.withUnsafeBufferPointer { bytes in
                let word = UnsafeBufferPointer(rebasing: bytes[key])
                matcher.appendPrefixIDs(of: word, to: &prefixIDs)
                return Self.unknownASCIIEntry(word)
            }
        } else {
            let described = Entry.describing(String(decoding: keys[key], as: UTF8.self), matcher: matcher)
            prefixIDs.append(contentsOf: described.prefixes)
            entry = described.entry
        }
        entry.prefixes = prefixStart..<Int32(prefixIDs.count)
        return entry
    }

    /// `Entry.describing` of an ASCII word that is not in `KnownWords`: no vocabulary id, and classes
    /// and marks that follow from its spelling alone.
    static func unknownASCIIEntry(_ word: UnsafeBufferPointer<UInt8>) -> Entry {
        let first = word.first ?? 0
        let isNumber = first >= 0x30 && first <= 0x39
        let isLetter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
        return Entry(vocab: -1, flags: Lexicon.flags(ofUnlistedASCII: word), marks: Substance.marks(ofUnmarkedASCII: word),
                     isNumber: isNumber, isSymbol: !isNumber && word.count == 1 && !isLetter, prefixes: 0..<0)
    }

    mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = UInt64(id + 1) | (hash & Self.tagMask)
        }
        slots = grown
    }
}
