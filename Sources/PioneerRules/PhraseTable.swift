import PioneerText

/// Interns compiled phrases so each distinct word sequence is stored once in `CompiledRules.phrases`.
///
/// Phrases are equal when their prefix markers are and their words are, word by word, to `String`'s
/// `==`. The phrases are found through an `InternTable`, hashed with `StringIDs.hash` word by word:
/// no key string is built and no seeded SipHash is run for a phrase.
struct PhraseTable: Sendable {
    private(set) var phrases: [CompiledPhrase] = []
    /// Phrase indices by `hash(words:prefix:)`.
    private var table = InternTable()

    /// Makes room for `count` phrases, so the table grows without rehashing.
    mutating func reserveCapacity(_ count: Int) {
        phrases.reserveCapacity(count)
        table.reserveCapacity(count)
    }

    /// The index of the phrase, adding it on first sight (the first source spelling is kept).
    mutating func intern(words: [String], prefix: Bool, source: String) -> Int {
        let hash = Int(truncatingIfNeeded: Self.hash(words: words, prefix: prefix))
        let (found, slot) = table.find(hash: hash) { index in
            phrases[Int(index)].lastWordIsPrefix == prefix && phrases[Int(index)].words == words
        }
        if let found { return Int(found) }
        phrases.append(CompiledPhrase(words: words, lastWordIsPrefix: prefix, source: source))
        table.insert(hash: hash, at: slot)
        return phrases.count - 1
    }

    /// The words' hashes and the prefix marker mixed: equal phrases share it.
    static func hash(words: [String], prefix: Bool) -> UInt64 {
        var hash: UInt64 = prefix ? 0x9E37_79B9_7F4A_7C15 : 0x2545_F491_4F6C_DD1D
        for word in words {
            let mixed = (hash ^ StringIDs.hash(word)) &* 0xBF58_476D_1CE4_E5B9
            hash = mixed ^ (mixed >> 31)
        }
        return hash
    }
}

/// A phrase split into canonical words, with its trailing-'*' prefix marker.
struct PhraseWords: Sendable, Hashable {
    static let maxWords = 200

    var words: [String]
    var prefix: Bool

    /// Splits a phrase as the rules author wrote it: `"integrat*"` is `["integrat"]` with a prefix.
    init(_ text: String) {
        var text = text
        let ascii = text.withUTF8 { bytes -> (words: [String], prefix: Bool)? in
            guard let body = Self.asciiBody(of: bytes) else { return nil }
            return (WordTokenizer.words(ofASCII: UnsafeBufferPointer(rebasing: bytes[..<body.end])), body.prefix)
        }
        if let ascii {
            (words, prefix) = ascii
            return
        }
        var body = Substring(text)
        while let last = body.last, last == " " || last == "\t" || last == "\n" { body.removeLast() }
        prefix = body.hasSuffix("*")
        if prefix { body.removeLast() }
        words = WordTokenizer.words(of: String(body))
    }

    /// For ASCII text (nearly every phrase), the same trimming on bytes instead of Characters: trailing
    /// spaces, tabs and line feeds (not the '\n' of a "\r\n", one Character), then one '*'; the end of the
    /// body and whether there was a '*'. Nil for other text.
    private static func asciiBody(of bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, prefix: Bool)? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A {
            if bytes[end - 1] == 0x0A, end > 1, bytes[end - 2] == 0x0D { break }
            end -= 1
        }
        let prefix = end > 0 && bytes[end - 1] == UInt8(ascii: "*")
        return (prefix ? end - 1 : end, prefix)
    }
}

/// Expands a phrase into every spelling variant declared in `spellings` blocks.
struct SpellingExpander: Sendable {
    static let maxVariants = 64

    /// Each group lists equal spellings as word sequences; the first is canonical.
    private(set) var groups: [[[String]]] = []
    /// Variants by their first word: (group, variant) pairs.
    private var byFirstWord: [String: [(group: Int, words: [String])]] = [:]
    /// A Bloom-style filter over the first words of `byFirstWord`, one bit per `filterBit` value: a word
    /// whose bit is clear starts no declared spelling, so nearly every word of nearly every phrase is
    /// turned away with a few instructions per byte instead of a full hash and dictionary probe.
    private var firstWordFilter = FirstWordFilter()

    /// Adds a group; returns the variants that were already in another group.
    mutating func add(group variants: [[String]]) -> [[String]] {
        let group = Self.withoutRepeats(variants)
        var clashes: [[String]] = []
        for variant in group {
            guard let first = variant.first else { continue }
            if byFirstWord[first, default: []].contains(where: { $0.words == variant }) {
                clashes.append(variant)
                continue
            }
            byFirstWord[first, default: []].append((groups.count, variant))
            firstWordFilter.insert(first)
        }
        groups.append(group)
        return clashes
    }

    /// Every spelling of `words` (the phrase itself first), or nil beyond `maxVariants`.
    /// At each position the longest declared spelling that matches is replaced by each of its group's.
    func expand(_ words: [String]) -> [[String]]? {
        // Most phrases hold no declared spelling: they are their only variant.
        guard mayHaveVariants(words) else { return [words] }
        var results: [[String]] = [[]]
        var position = 0
        while position < words.count {
            guard let match = longestMatch(in: words, at: position) else {
                for i in results.indices { results[i].append(words[position]) }
                position += 1
                continue
            }
            var next: [[String]] = []
            for result in results {
                next.append(result + match.words)
                for variant in groups[match.group] where variant != match.words {
                    next.append(result + variant)
                }
            }
            guard next.count <= Self.maxVariants else { return nil }
            results = next
            position += match.words.count
        }
        return Self.withoutRepeats(results)
    }

    /// `variants` with later repeats dropped, in order. Up to `maxVariants` (every expansion, nearly every
    /// group) by linear search: a `Set<[String]>` would cost a scan of the conformance tables at start-up
    /// (each distinct `Hashable` key type does) to save a few comparisons.
    static func withoutRepeats(_ variants: [[String]]) -> [[String]] {
        guard variants.count <= maxVariants else {
            var seen = Set<[String]>()
            return variants.filter { seen.insert($0).inserted }
        }
        var unique: [[String]] = []
        unique.reserveCapacity(variants.count)
        for variant in variants where !unique.contains(variant) { unique.append(variant) }
        return unique
    }

    /// False when no word of `words` begins a declared spelling: then `expand(words)` is `[words]`.
    func mayHaveVariants(_ words: [String]) -> Bool {
        words.contains { firstWordFilter.mayContain($0) && byFirstWord[$0] != nil }
    }

    private func longestMatch(in words: [String], at position: Int) -> (group: Int, words: [String])? {
        guard firstWordFilter.mayContain(words[position]) else { return nil }
        var best: (group: Int, words: [String])?
        for candidate in byFirstWord[words[position]] ?? [] {
            let end = position + candidate.words.count
            guard end <= words.count, Array(words[position..<end]) == candidate.words else { continue }
            if candidate.words.count > (best?.words.count ?? 0) { best = candidate }
        }
        return best
    }
}

/// A fixed 1,024-bit set of word fingerprints (FNV-1a over the UTF-8 bytes): `mayContain` is false
/// only for words never inserted, and true for a few others (then the caller asks the dictionary).
struct FirstWordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 16)

    mutating func insert(_ word: String) {
        let bit = Self.bit(of: word)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func mayContain(_ word: String) -> Bool {
        let bit = Self.bit(of: word)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The word's bit: 10 bits of its FNV-1a hash, over the contiguous UTF-8 (iterating `utf8` costs
    /// tens of instructions a byte, more than the full hash this filter saves).
    private static func bit(of word: String) -> Int {
        // In place for every native string; a copy only for one that is not contiguous.
        if let bit = word.utf8.withContiguousStorageIfAvailable(bit(ofBytes:)) { return bit }
        var word = word
        return word.withUTF8(bit(ofBytes:))
    }

    private static func bit(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash & 1_023)
    }
}
