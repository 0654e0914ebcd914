import PioneerRules

/// One occurrence of a rule phrase in the document: tokens `start..<end` (document-wide indices).
struct PhraseMatch: Sendable, Hashable {
    var phrase: Int32
    var start: Int32
    var end: Int32
    /// Set by `Negation`: the match sits in a negated statement.
    var negated: Bool = false
}

/// Every rule phrase compiled once into a trie over word ids, so a document is scanned once
/// whatever the number of rules.
///
/// Words of the rules get ids in a vocabulary; document words outside it can never match a full
/// word. A phrase whose last word is a prefix (`integrat*`) hangs off the trie node of its other
/// words as a prefix edge; which prefixes a document word begins with is worked out once per
/// distinct word (`WordTable`).
struct PhraseMatcher: Sendable {
    struct PrefixEdge: Sendable, Hashable {
        var prefix: Int32
        var phrase: Int32
    }

    private(set) var vocabulary: [String: Int32] = [:]
    /// The keys of `vocabulary` in order of id.
    private(set) var words: [String] = []
    private(set) var prefixes: [String: Int32] = [:]
    /// The keys of `prefixes` in order of id.
    private var prefixWords: [String] = []
    /// `prefixes` as a byte trie for `lookUp`.
    private var prefixTrie = BytePrefixTrie([:])
    private var rootChildren: [Int32] = []
    /// The trie's edges below the root, (node, word id) → child node.
    private var edgeTable = EdgeTable()
    /// The number of trie nodes; node 0 is the root.
    private var nodeCount: Int32 = 1
    /// The phrases ending at each node, and the prefix edges leaving it, while compiling.
    private var terminals = FlatLists<Int32>()
    private var prefixEdges = FlatLists<PrefixEdge>()
    /// `terminals` and `prefixEdges` flattened for the scan: node n's are `flat…[starts[n]..<starts[n + 1]]`.
    private var flatTerminals: [Int32] = []
    private var terminalStarts: [Int32] = []
    private var flatPrefixEdges: [PrefixEdge] = []
    private var prefixEdgeStarts: [Int32] = []
    /// One-word prefix phrases ("integrat*") by prefix id, flattened: the root's prefix edges, looked up
    /// from the few prefixes a word has rather than tried one by one against every word.
    private var rootPrefixPhrases: [Int32] = []
    private var rootPrefixStarts: [Int32] = []
    /// The entries of every word the vocabulary and the built-in word lists know, for `WordTable`.
    private(set) var known = KnownWords()

    /// Compiles `phrases`; a phrase's index in the array is the index reported in matches.
    init(phrases: [CompiledPhrase]) {
        vocabulary.reserveCapacity(phrases.count)
        words.reserveCapacity(phrases.count)
        rootChildren.reserveCapacity(phrases.count)
        edgeTable = EdgeTable(capacity: phrases.count)
        for (index, phrase) in phrases.enumerated() where !phrase.words.isEmpty {
            insert(phrase, index: Int32(index))
        }
        prefixTrie = BytePrefixTrie(prefixes: prefixWords)
        (flatTerminals, terminalStarts) = terminals.layout(keyCount: Int(nodeCount))
        (flatPrefixEdges, prefixEdgeStarts) = prefixEdges.layout(keyCount: Int(nodeCount))
        terminals = FlatLists()
        prefixEdges = FlatLists()
        var byPrefix = FlatLists<Int32>()
        for edge in flatPrefixEdges[Int(prefixEdgeStarts[0])..<Int(prefixEdgeStarts[1])] {
            byPrefix.append(edge.phrase, to: edge.prefix)
        }
        (rootPrefixPhrases, rootPrefixStarts) = byPrefix.layout(keyCount: prefixes.count)
        known = KnownWords(matcher: self)
    }

    /// The vocabulary id of `word` (-1 when no phrase uses it) and the ids of the prefixes it begins with.
    func lookUp(_ word: String) -> (vocab: Int32, prefixes: [Int32]) {
        let vocab = vocabulary[word] ?? -1
        guard !prefixTrie.isEmpty else { return (vocab, []) }
        return (vocab, prefixTrie.prefixes(of: word.utf8))
    }

    /// Appends the ids of the prefixes `word` (canonical UTF-8) begins with, shortest first, to `found`.
    func appendPrefixIDs(of word: UnsafeBufferPointer<UInt8>, to found: inout [Int32]) {
        prefixTrie.appendPrefixes(of: word, to: &found)
    }

    /// Appends every phrase match starting at tokens `range` and lying inside it, in order of start.
    func scan(_ tokens: [DocToken], table: WordTable, range: Range<Int>, into matches: inout [PhraseMatch]) {
        guard range.lowerBound >= 0, range.upperBound <= tokens.count else { return }
        tokens.withUnsafeBufferPointer { tokens in
            table.withEntries { entries, prefixIDs in
                for first in range {
                    scan(from: first, to: range.upperBound, tokens: tokens, entries: entries, prefixIDs: prefixIDs, into: &matches)
                }
            }
        }
    }
}

private extension PhraseMatcher {
    /// Appends the matches that start at token `first` and end by `end`, walking the trie word by word.
    func scan(from first: Int, to end: Int, tokens: UnsafeBufferPointer<DocToken>, entries: UnsafeBufferPointer<WordTable.Entry>,
              prefixIDs: UnsafeBufferPointer<Int32>, into matches: inout [PhraseMatch]) {
        var node: Int32 = 0
        var position = first
        while position < end {
            let entry = entries[Int(tokens[position].word)]
            let prefixes = prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)]
            if node == 0 {
                for prefix in prefixes where Int(prefix) + 1 < rootPrefixStarts.count {
                    for item in Int(rootPrefixStarts[Int(prefix)])..<Int(rootPrefixStarts[Int(prefix) + 1]) {
                        matches.append(PhraseMatch(phrase: rootPrefixPhrases[item], start: Int32(first), end: Int32(position + 1)))
                    }
                }
            } else {
                for edge in Int(prefixEdgeStarts[Int(node)])..<Int(prefixEdgeStarts[Int(node) + 1])
                where prefixes.contains(flatPrefixEdges[edge].prefix) {
                    matches.append(PhraseMatch(phrase: flatPrefixEdges[edge].phrase, start: Int32(first), end: Int32(position + 1)))
                }
            }
            guard entry.vocab >= 0 else { return }
            let next = node == 0 ? rootChildren[Int(entry.vocab)] : edgeTable.child(of: node, word: entry.vocab)
            guard next > 0 else { return }
            node = next
            for terminal in Int(terminalStarts[Int(node)])..<Int(terminalStarts[Int(node) + 1]) {
                matches.append(PhraseMatch(phrase: flatTerminals[terminal], start: Int32(first), end: Int32(position + 1)))
            }
            position += 1
        }
    }

    func child(of node: Int32, word: Int32) -> Int32? {
        if node == 0 {
            let child = rootChildren[Int(word)]
            return child > 0 ? child : nil
        }
        let child = edgeTable.child(of: node, word: word)
        return child > 0 ? child : nil
    }

    mutating func insert(_ phrase: CompiledPhrase, index: Int32) {
        let fullWords = phrase.lastWordIsPrefix ? phrase.words.dropLast() : phrase.words[...]
        var node: Int32 = 0
        for word in fullWords {
            let id = vocabularyID(word)
            if let next = child(of: node, word: id) {
                node = next
                continue
            }
            let next = nodeCount
            nodeCount += 1
            if node == 0 { rootChildren[Int(id)] = next } else { edgeTable.insert(node: node, word: id, child: next) }
            node = next
        }
        if phrase.lastWordIsPrefix, let last = phrase.words.last {
            let id = Self.idInserting(last, into: &prefixes)
            if id == prefixWords.count { prefixWords.append(last) }
            prefixEdges.append(PrefixEdge(prefix: id, phrase: index), to: node)
        } else {
            // Each phrase index is inserted once, so a node never lists a phrase twice.
            terminals.append(index, to: node)
        }
    }

    mutating func vocabularyID(_ word: String) -> Int32 {
        let id = Self.idInserting(word, into: &vocabulary)
        if id == words.count {
            words.append(word)
            rootChildren.append(0)
        }
        return id
    }

    /// The id of `key` in `ids`, which gives ids in order of insertion: a new key gets the next one.
    /// One hash either way (the defaulted subscript's accessor adds the key when it is new).
    static func idInserting(_ key: String, into ids: inout [String: Int32]) -> Int32 {
        func read(_ id: inout Int32) -> Int32 { id }
        let next = Int32(ids.count)
        return read(&ids[key, default: next])
    }
}

/// The trie's edges below the root, (node, word id) → child node, in an open-addressing table with a
/// multiplicative hash: cheaper to probe per document word than a `Dictionary`, and built in place
/// (no `Dictionary<UInt64, Int32>` to instantiate and copy from).
struct EdgeTable: Sendable {
    /// `node << 32 | word` per slot, 0 when empty (nodes below the root are never 0).
    private var keys: [UInt64]
    private var children: [Int32]
    private var shift: UInt64
    /// The number of edges stored.
    private(set) var count = 0

    /// An empty table with room for `capacity` edges before it grows (at most half its slots are used).
    init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        children = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Sets the child of `node` (not the root, so above 0) along `word`.
    mutating func insert(node: Int32, word: Int32, child: Int32) {
        guard node > 0 else { return }
        if (count + 1) * 2 > keys.count { grow() }
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))
        let mask = keys.count - 1
        var position = slot(of: key)
        while keys[position] != 0, keys[position] != key { position = (position + 1) & mask }
        if keys[position] == 0 { count += 1 }
        keys[position] = key
        children[position] = child
    }

    /// The child of `node` (not the root) along `word`, or 0.
    func child(of node: Int32, word: Int32) -> Int32 {
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))
        let mask = keys.count - 1
        var position = slot(of: key)
        while true {
            let stored = keys[position]
            if stored == key { return children[position] }
            if stored == 0 { return 0 }
            position = (position + 1) & mask
        }
    }

    /// Doubles the slots and puts every edge back.
    private mutating func grow() {
        var bigger = EdgeTable(capacity: keys.count)
        for (key, child) in zip(keys, children) where key != 0 {
            bigger.insert(node: Int32(truncatingIfNeeded: key >> 32), word: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), child: child)
        }
        self = bigger
    }

    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
