import Foundation

/// Every word that the rules' vocabulary, the `Lexicon` or the detectors (`Substance.Marks`) know by
/// name, with its `WordTable.Entry` worked out once per `PhraseMatcher`, keyed by its UTF-8 bytes.
///
/// A document's `WordTable` looks each new word up here by the `Spelling` hash it already has, so a
/// known word costs one probe and a comparison. A word that is not here and is ASCII is nobody's by name: its
/// entry follows from its spelling (`WordTable`), which is why every ASCII spelling a listed word may
/// have must be here.
///
/// Building it works on bytes too: a vocabulary word's id is its place in `PhraseMatcher.words`, the
/// classes and marks of a built-in word come from `BuiltInWords` (once per process), and those of any
/// other ASCII word from its spelling, as for a document word. Only non-ASCII words go through
/// `WordTable.Entry.describing`.
struct KnownWords: Sendable {
    /// Prefix ranges index `prefixIDs` here, not in a document's table.
    private var entries: [WordTable.Entry] = []
    private var prefixIDs: [Int32] = []
    private var keys = WordKeys(capacity: 0)

    init() {}

    /// The known words of `matcher`'s vocabulary and of the built-in word lists.
    init(matcher: PhraseMatcher) {
        let builtIn = BuiltInWords.shared
        let capacity = matcher.words.count + builtIn.count
        // Sparse, so that a probe for an unknown word mostly meets an empty slot.
        keys = WordKeys(capacity: capacity * 2)
        entries.reserveCapacity(capacity)
        for (id, word) in matcher.words.enumerated() {
            var word = word
            let isASCII = word.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                insertASCII(bytes, vocab: Int32(id), builtIn: builtIn, matcher: matcher)
                return true
            }
            guard !isASCII else { continue }
            insertDescribed(word, matcher: matcher)
            // "K" (the Kelvin sign) is the ASCII "k" to `String`'s `==`: list the ASCII spelling too.
            var decomposed = word.decomposedStringWithCanonicalMapping
            if decomposed.utf8.allSatisfy({ $0 < 0x80 }), decomposed == word {
                decomposed.withUTF8 { insertASCII($0, vocab: Int32(id), builtIn: builtIn, matcher: matcher) }
            }
        }
        for index in 0..<builtIn.count {
            builtIn.withWord(index) { bytes, entry in
                if let entry {
                    // Not in the vocabulary by its bytes: a `String`-equal vocabulary word is ASCII and
                    // then has these bytes, or was listed above by its ASCII spelling.
                    insert(bytes, entry: entry, matcher: matcher)
                } else {
                    insertDescribed(String(decoding: bytes, as: UTF8.self), matcher: matcher)
                }
            }
        }
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
    /// Adds the ASCII vocabulary word `bytes` with id `vocab`: a built-in word's classes, or those its spelling gives.
    mutating func insertASCII(_ bytes: UnsafeBufferPointer<UInt8>, vocab: Int32, builtIn: BuiltInWords, matcher: PhraseMatcher) {
        let spelling = Spelling(bytes)
        let hash = spelling.hash
        var entry = builtIn.entry(of: spelling, hash: hash) ?? WordTable.unknownASCIIEntry(bytes)
        entry.vocab = vocab
        insert(bytes, spelling, hash: hash, entry: entry, matcher: matcher)
    }

    /// Adds `word` (canonical) as `WordTable.Entry.describing` has it.
    mutating func insertDescribed(_ word: String, matcher: PhraseMatcher) {
        var utf8 = word
        utf8.withUTF8 { bytes in
            let spelling = Spelling(bytes)
            let hash = spelling.hash
            guard keys.find(spelling, hash: hash).id < 0 else { return }
            let entry = WordTable.Entry.describing(word, matcher: matcher).entry
            insert(bytes, spelling, hash: hash, entry: entry, matcher: matcher)
        }
    }

    /// Adds the word `bytes` with `entry` unless it is already here.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, entry: WordTable.Entry, matcher: PhraseMatcher) {
        let spelling = Spelling(bytes)
        insert(bytes, spelling, hash: spelling.hash, entry: entry, matcher: matcher)
    }

    /// Adds the word `bytes`, spelled by `spelling`, with `entry` (whose prefixes are set here) unless it
    /// is already here.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ spelling: Spelling, hash: UInt64, entry: WordTable.Entry,
                         matcher: PhraseMatcher) {
        let (found, slot) = keys.find(spelling, hash: hash)
        guard found < 0 else { return }
        _ = keys.insert(spelling, hash: hash, at: slot)
        var entry = entry
        let start = Int32(prefixIDs.count)
        matcher.appendPrefixIDs(of: bytes, to: &prefixIDs)
        entry.prefixes = start..<Int32(prefixIDs.count)
        entries.append(entry)
    }
}

/// The words the `Lexicon` and the detectors (`Substance.Marks`) know by name, with their classes and
/// marks (no vocabulary id, no prefixes): the same for every rule set, so worked out once per process.
struct BuiltInWords: Sendable {
    static let shared = BuiltInWords()

    /// Word i's bytes are `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// The entry of each ASCII word; `nil` for the others, which `KnownWords` describes through a `String`.
    private var entries: [WordTable.Entry?] = []
    /// The ASCII words, by id in `entries`.
    private var keys = WordKeys(capacity: 0)
    /// `entries` index of each word of `keys`.
    private var keyEntries: [Int] = []

    /// Each listed word once (the first time), with `Lexicon.flags(of:)` and then the marks
    /// `Substance.namedMarks(of:)` gives it: those are read from `Substance.namedMarkTable` as it is
    /// walked and given to the words held here, rather than looked up once per word.
    private init() {
        let markedWords = Substance.markedWords
        let words = Lexicon.listedWordsWithFlags + markedWords.map { (word: $0, flags: Lexicon.flags(of: $0)) }
        keys = WordKeys(capacity: words.count)
        for (word, flags) in words {
            var copy = word
            copy.withUTF8 { utf8 in
                let isASCII = utf8.allSatisfy { $0 < 0x80 }
                let spelling = Spelling(utf8)
                let hash = spelling.hash
                let (found, slot) = keys.find(spelling, hash: hash)
                // A repeated word once (a non-ASCII one may repeat: `KnownWords` skips it then).
                guard found < 0 else { return }
                bytes.append(contentsOf: utf8)
                starts.append(bytes.count)
                guard isASCII else {
                    entries.append(nil)
                    return
                }
                // `WordTable.Entry.describing(word)`, with what follows from the spelling read from the bytes.
                var entry = WordTable.unknownASCIIEntry(utf8)
                entry.flags = flags
                entries.append(entry)
                _ = keys.insert(spelling, hash: hash, at: slot)
                keyEntries.append(entries.count - 1)
            }
        }
        for (word, marks) in Substance.namedMarkTable {
            var copy = word
            copy.withUTF8 { utf8 in
                let spelling = Spelling(utf8)
                let id = keys.find(spelling, hash: spelling.hash).id
                if id >= 0 { entries[keyEntries[Int(id)]]?.marks.formUnion(marks) }
            }
        }
    }

    var count: Int { entries.count }

    /// Calls `body` with word `index`'s bytes and its entry (`nil` when the word is not ASCII).
    func withWord<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>, WordTable.Entry?) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]), entries[index])
        }
    }

    /// The entry of the ASCII built-in word `spelling` spells (whose hash is `hash`), or `nil`.
    func entry(of spelling: Spelling, hash: UInt64) -> WordTable.Entry? {
        let id = keys.find(spelling, hash: hash).id
        return id >= 0 ? entries[keyEntries[Int(id)]] : nil
    }
}
