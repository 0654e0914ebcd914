/// The distinct words of one document, each looked up once: its rule vocabulary id, the rule
/// prefixes it begins with, and its word classes. Tokens refer to entries by index, so later
/// stages work over integers instead of strings.
///
/// Words are interned by their canonical UTF-8 bytes (`WordKeys`), so a word seen before costs a
/// hash and a comparison, never a `String`. A new word is looked up in the matcher's `KnownWords`
/// by the same hash; only a word that is neither known nor ASCII is described through a `String`.
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
    private var keys = WordKeys(capacity: 1024)
    /// Room for the bytes of the word being described.
    private var scratch: [UInt8] = []

    /// The entry index of the word spelled by `bytes` (canonical, lower-case), adding it on first sight.
    mutating func intern(_ bytes: [UInt8], matcher: PhraseMatcher) -> Int32 {
        bytes.withUnsafeBufferPointer { intern($0, 0..<$0.count, matcher: matcher) }
    }

    /// The entry index of the word spelled by `source[range]` with ASCII letters lower-cased.
    mutating func intern(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, matcher: PhraseMatcher) -> Int32 {
        let lowered = source[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return lowered.withUnsafeBufferPointer { intern(Spelling($0), matcher: matcher) }
    }

    /// The entry index of the word `spelling` spells, adding it on first sight.
    mutating func intern(_ spelling: Spelling, matcher: PhraseMatcher) -> Int32 {
        let hash = spelling.hash
        let (found, slot) = keys.find(spelling, hash: hash)
        if found >= 0 { return found }
        let id = keys.insert(spelling, hash: hash, at: slot)
        entries.append(describe(id, spelling, hash: hash, matcher: matcher))
        return id
    }

    /// Calls `body` with a lookup of the words held now, whose ids are entry indices: for loops that
    /// look up many words and `intern` only those it does not hold.
    func withLookup<Result>(_ body: (WordKeys.Lookup) -> Result) -> Result {
        keys.withLookup(body)
    }

    subscript(_ id: Int32) -> Entry { entries[Int(id)] }

    /// The canonical word.
    func text(_ id: Int32) -> String {
        String(decoding: keys.bytes(id), as: UTF8.self)
    }

    /// The ids of the rule prefixes the entry's word begins with.
    func prefixIDs(of entry: Entry) -> ArraySlice<Int32> {
        prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)]
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
        var entry = describing(word)
        entry.vocab = vocab
        return (entry, prefixes)
    }

    /// The entry of `word` (canonical) as far as it does not depend on the rules: no vocabulary id, no prefixes.
    static func describing(_ word: String) -> WordTable.Entry {
        let first = word.utf8.first ?? 0
        let isNumber = first >= 0x30 && first <= 0x39
        let isSymbol = !isNumber && word.unicodeScalars.count == 1 && !(word.unicodeScalars.first?.properties.isAlphabetic ?? false)
        return WordTable.Entry(vocab: -1, flags: Lexicon.flags(of: word), marks: Substance.marks(of: word), isNumber: isNumber,
                               isSymbol: isSymbol, prefixes: 0..<0)
    }
}

extension WordTable {
    /// The entry of word `id`, spelled by `spelling`: a known word's precomputed one, an unknown ASCII
    /// word's from its bytes, any other word's through a `String`.
    private mutating func describe(_ id: Int32, _ spelling: Spelling, hash: UInt64, matcher: PhraseMatcher) -> Entry {
        let prefixStart = Int32(prefixIDs.count)
        var entry: Entry
        if let known = matcher.known.index(of: spelling, hash: hash) {
            entry = matcher.known[known]
            prefixIDs.append(contentsOf: matcher.known.prefixIDs(of: entry))
        } else if spelling.isASCII {
            // The word's bytes in a buffer reused from word to word: a new word costs no allocation.
            scratch.removeAll(keepingCapacity: true)
            spelling.appendCanonicalBytes(to: &scratch)
            let word = scratch
            entry = word.withUnsafeBufferPointer { word in
                matcher.appendPrefixIDs(of: word, to: &prefixIDs)
                return Self.unknownASCIIEntry(word)
            }
        } else {
            let described = Entry.describing(text(id), matcher: matcher)
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
}
