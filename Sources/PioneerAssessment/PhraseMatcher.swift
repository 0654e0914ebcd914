import PioneerRules
import PioneerText

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

    /// The rule words, with ids in order of first use.
    private(set) var vocabulary = StringIDs()
    /// The prefixes of prefix phrases (`integrat*`), with ids in order of first use.
    private(set) var prefixes = StringIDs()
    /// `prefixes` as a byte trie for `lookUp`.
    private var prefixTrie = BytePrefixTrie(prefixes: [])
    /// The root's child along each rule word, by vocabulary id + 1 (0: none); slot 0, for the words no
    /// phrase uses (id -1), is always 0, so a token's child is read without testing its id.
    private var rootChildren: [Int32] = [0]
    /// The trie's edges below the root, (node, word id) → child node.
    private var edgeTable = EdgeTable()
    /// The number of trie nodes; node 0 is the root.
    private var nodeCount: Int32 = 1
    /// The phrases ending at each node, and the prefix edges leaving it, while compiling.
    private var terminals = FlatLists<Int32>()
    private var prefixEdges = FlatLists<PrefixEdge>()
    /// `terminals` and `prefixEdges` flattened for the scan: node n's are `flatTerminals[nodes[n].terminals]`
    /// and `flatPrefixEdges[nodes[n].prefixEdges]`.
    private var flatTerminals: [Int32] = []
    private var flatPrefixEdges: [PrefixEdge] = []
    private var nodes: [Node] = []
    /// One-word prefix phrases ("integrat*") by prefix id, flattened: the root's prefix edges, looked up
    /// from the few prefixes a word has rather than tried one by one against every word.
    private var rootPrefixPhrases: [Int32] = []
    private var rootPrefixStarts: [Int32] = []
    /// The entries of every word the vocabulary and the built-in word lists know, for `WordTable`.
    private(set) var known = KnownWords()

    /// Compiles `phrases`; a phrase's index in the array is the index reported in matches.
    init(phrases: [CompiledPhrase]) {
        vocabulary = StringIDs(capacity: phrases.count)
        rootChildren.reserveCapacity(phrases.count + 1)
        edgeTable = EdgeTable(capacity: phrases.count)
        for (index, phrase) in phrases.enumerated() where !phrase.words.isEmpty {
            insert(phrase, index: Int32(index))
        }
        prefixTrie = BytePrefixTrie(prefixes: prefixes.strings)
        let terminalStarts: [Int32], prefixEdgeStarts: [Int32]
        (flatTerminals, terminalStarts) = terminals.layout(keyCount: Int(nodeCount))
        (flatPrefixEdges, prefixEdgeStarts) = prefixEdges.layout(keyCount: Int(nodeCount))
        nodes = (0..<Int(nodeCount)).map { node in
            Node(terminals: terminalStarts[node]..<terminalStarts[node + 1], prefixEdges: prefixEdgeStarts[node]..<prefixEdgeStarts[node + 1])
        }
        edgeTable.forEachEdge { node, word, _ in nodes[Int(node)].childBits |= Node.bit(of: word) }
        terminals = FlatLists()
        prefixEdges = FlatLists()
        var byPrefix = FlatLists<Int32>()
        for edge in flatPrefixEdges[Int(prefixEdgeStarts[0])..<Int(prefixEdgeStarts[1])] {
            byPrefix.append(edge.phrase, to: edge.prefix)
        }
        (rootPrefixPhrases, rootPrefixStarts) = byPrefix.layout(keyCount: prefixes.count)
        known = KnownWords(matcher: self)
    }

    /// The rule words in order of id.
    var words: [String] { vocabulary.strings }

    /// The vocabulary id of `word` (-1 when no phrase uses it) and the ids of the prefixes it begins with.
    func lookUp(_ word: String) -> (vocab: Int32, prefixes: [Int32]) {
        let vocab = vocabulary.id(of: word)
        guard !prefixTrie.isEmpty else { return (vocab, []) }
        return (vocab, prefixTrie.prefixes(of: word.utf8))
    }

    /// Appends the ids of the prefixes `word` (canonical UTF-8) begins with, shortest first, to `found`.
    func appendPrefixIDs(of word: UnsafeBufferPointer<UInt8>, to found: inout [Int32]) {
        prefixTrie.appendPrefixes(of: word, to: &found)
    }

    /// Appends every phrase match starting at tokens `range` of `view` and lying inside it, in order of
    /// start (then of end; at the same end, prefix phrases first).
    ///
    /// Most words start no phrase, and which do follows the text, not a pattern a processor can
    /// predict from text it has not seen. So a first pass without branches lists the tokens that may
    /// start one (a rule word with a root child, or a word with a rule prefix), and only those are tried.
    func scan(_ view: TokenView, range: Range<Int>, into matches: inout [PhraseMatch]) {
        guard range.lowerBound >= 0, range.upperBound <= view.tokens.count, !range.isEmpty else { return }
        rootChildren.withUnsafeBufferPointer { rootChild in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: range.count) { candidates in
                guard let list = candidates.baseAddress else { return }
                var count = 0
                for first in range {
                    let entry = view.entry(first)
                    list[count] = Int32(truncatingIfNeeded: first)
                    // vocab + 1 is 0 for a word no phrase uses, whose slot holds 0. Either a root child
                    // (never negative) or a prefix count makes `either` nonzero: then the token stays listed,
                    // counted by arithmetic, as a comparison might become a branch.
                    let either = UInt32(bitPattern: rootChild[Int(entry.vocab) &+ 1])
                        | UInt32(bitPattern: entry.prefixes.upperBound &- entry.prefixes.lowerBound)
                    count &+= Int(truncatingIfNeeded: (either | (0 &- either)) &>> 31)
                }
                for index in 0..<count {
                    let first = Int(list[index])
                    let entry = view.entry(first)
                    if !entry.prefixes.isEmpty { appendRootPrefixMatches(of: entry.prefixes, view: view, at: first, to: &matches) }
                    let child = rootChild[Int(entry.vocab) &+ 1]
                    if child > 0 { walk(from: child, first: first, end: range.upperBound, view: view, into: &matches) }
                }
            }
        }
    }
}

private extension PhraseMatcher {
    /// What the scan reads of one trie node: where its phrases and its prefix edges lie in the flat
    /// arrays, and which words may lead on from it.
    struct Node: Sendable, Hashable {
        var terminals: Range<Int32>
        var prefixEdges: Range<Int32>
        /// `bit(of:)` of the word along each edge to a child: a word whose bit is clear leads nowhere,
        /// and the edge table need not be probed.
        var childBits: UInt64 = 0

        static func bit(of word: Int32) -> UInt64 { 1 << (UInt64(truncatingIfNeeded: word) & 63) }
    }

    /// Appends the one-word prefix phrases ("integrat*") that token `first`, whose word begins with the
    /// prefixes `view.prefixIDs[prefixes]`, matches.
    /// (Not inlined, nor are the other appends: the loops over every token in `scan` stay small.)
    @inline(never)
    func appendRootPrefixMatches(of prefixes: Range<Int32>, view: TokenView, at first: Int, to matches: inout [PhraseMatch]) {
        for id in prefixes {
            let prefix = Int(view.prefixIDs[Int(id)])
            guard prefix + 1 < rootPrefixStarts.count else { continue }
            for item in Int(rootPrefixStarts[prefix])..<Int(rootPrefixStarts[prefix + 1]) {
                matches.append(PhraseMatch(phrase: rootPrefixPhrases[item], start: Int32(first), end: Int32(first + 1)))
            }
        }
    }

    /// Appends the matches that start at token `first`, whose word led from the root to `node`, and end
    /// by `end`, walking the trie word by word.
    @inline(__always)
    func walk(from node: Int32, first: Int, end: Int, view: TokenView, into matches: inout [PhraseMatch]) {
        var node = node
        var position = first
        while true {
            let lists = nodes[Int(node)]
            // One phrase ending here, the usual case, is appended in place.
            if lists.terminals.count == 1 {
                matches.append(PhraseMatch(phrase: flatTerminals[Int(lists.terminals.lowerBound)], start: Int32(first), end: Int32(position + 1)))
            } else if !lists.terminals.isEmpty {
                appendTerminals(lists.terminals, start: first, end: position + 1, to: &matches)
            }
            position += 1
            guard position < end else { return }
            let entry = view.entry(position)
            if !lists.prefixEdges.isEmpty, !entry.prefixes.isEmpty {
                appendPrefixEdgeMatches(lists.prefixEdges, of: entry, view: view, start: first, end: position + 1, to: &matches)
            }
            guard entry.vocab >= 0, lists.childBits & Node.bit(of: entry.vocab) != 0 else { return }
            node = edgeTable.child(of: node, word: entry.vocab)
            guard node > 0 else { return }
        }
    }

    /// Appends a match of tokens `start..<end` for each of the phrases `flatTerminals[terminals]`.
    @inline(never)
    func appendTerminals(_ terminals: Range<Int32>, start: Int, end: Int, to matches: inout [PhraseMatch]) {
        for terminal in terminals {
            matches.append(PhraseMatch(phrase: flatTerminals[Int(terminal)], start: Int32(start), end: Int32(end)))
        }
    }

    /// Appends a match of tokens `start..<end` for each of the prefix edges `flatPrefixEdges[edges]` whose
    /// prefix the word of `entry` begins with.
    @inline(never)
    func appendPrefixEdgeMatches(_ edges: Range<Int32>, of entry: WordTable.Entry, view: TokenView, start: Int, end: Int,
                                 to matches: inout [PhraseMatch]) {
        let prefixes = view.prefixIDs[Int(entry.prefixes.lowerBound)..<Int(entry.prefixes.upperBound)]
        for edge in edges where prefixes.contains(flatPrefixEdges[Int(edge)].prefix) {
            matches.append(PhraseMatch(phrase: flatPrefixEdges[Int(edge)].phrase, start: Int32(start), end: Int32(end)))
        }
    }

    func child(of node: Int32, word: Int32) -> Int32? {
        if node == 0 {
            let child = rootChildren[Int(word) + 1]
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
            if node == 0 { rootChildren[Int(id) + 1] = next } else { edgeTable.insert(node: node, word: id, child: next) }
            node = next
        }
        if phrase.lastWordIsPrefix, let last = phrase.words.last {
            let id = prefixes.insert(last)
            prefixEdges.append(PrefixEdge(prefix: id, phrase: index), to: node)
        } else {
            // Each phrase index is inserted once, so a node never lists a phrase twice.
            terminals.append(index, to: node)
        }
    }

    mutating func vocabularyID(_ word: String) -> Int32 {
        let id = vocabulary.insert(word)
        if Int(id) + 1 == rootChildren.count { rootChildren.append(0) }
        return id
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
    @inline(__always)
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

    /// Calls `body` with every edge: its node, its word and the child it leads to.
    func forEachEdge(_ body: (_ node: Int32, _ word: Int32, _ child: Int32) -> Void) {
        for (key, child) in zip(keys, children) where key != 0 {
            body(Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), child)
        }
    }

    /// Doubles the slots and puts every edge back.
    private mutating func grow() {
        var bigger = EdgeTable(capacity: keys.count)
        forEachEdge { bigger.insert(node: $0, word: $1, child: $2) }
        self = bigger
    }

    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
