/// The prefixes of the rules (`"integrat*"`) as a trie over UTF-8 bytes, so the prefixes a word
/// begins with are found in one walk down the word, without building a string for each length.
struct BytePrefixTrie: Sendable {
    /// Children of node n: `edgeBytes/edgeTargets[edgeStarts[n]..<edgeStarts[n + 1]]`.
    private var edgeStarts: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// The prefix id that ends at each node, or -1.
    private var ids: [Int32] = []
    /// The root's child along each byte, or -1: the first step of every walk, without a search.
    private var rootChildren = [Int32](repeating: -1, count: 256)

    /// The trie of `prefixes`, each reported by its id.
    init(_ prefixes: [String: Int32]) {
        self.init(entries: prefixes.map { (prefix: $0.key, id: $0.value) })
    }

    /// The trie of `prefixes`, each reported by its position in the array.
    init(prefixes: [String]) {
        self.init(entries: prefixes.enumerated().map { (prefix: $0.element, id: Int32(truncatingIfNeeded: $0.offset)) })
    }

    /// Builds the nodes with their children as linked lists in flat arrays (no array per node, no sort:
    /// a node's children are searched by byte, so their order does not matter), then lays the edges
    /// out node by node.
    private init(entries: [(prefix: String, id: Int32)]) {
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var nodeBytes: [UInt8] = [0]
        var ends: [Int32] = [-1]
        for entry in entries {
            var prefix = entry.prefix
            let node = prefix.withUTF8 { bytes -> Int in
                var node = 0
                for byte in bytes {
                    if node == 0, rootChildren[Int(byte)] >= 0 {
                        node = Int(rootChildren[Int(byte)])
                        continue
                    }
                    var child = firstChild[node]
                    var last: Int32 = -1
                    while child >= 0, nodeBytes[Int(child)] != byte {
                        last = child
                        child = nextSibling[Int(child)]
                    }
                    if child < 0 {
                        child = Int32(truncatingIfNeeded: ends.count)
                        firstChild.append(-1)
                        nextSibling.append(-1)
                        nodeBytes.append(byte)
                        ends.append(-1)
                        if last < 0 { firstChild[node] = child } else { nextSibling[Int(last)] = child }
                        if node == 0 { rootChildren[Int(byte)] = child }
                    }
                    node = Int(child)
                }
                return node
            }
            ends[node] = entry.id
        }
        ids = ends
        edgeStarts.reserveCapacity(ends.count + 1)
        edgeBytes.reserveCapacity(ends.count)
        edgeTargets.reserveCapacity(ends.count)
        for node in ends.indices {
            edgeStarts.append(Int32(truncatingIfNeeded: edgeBytes.count))
            var child = firstChild[node]
            while child >= 0 {
                edgeBytes.append(nodeBytes[Int(child)])
                edgeTargets.append(child)
                child = nextSibling[Int(child)]
            }
        }
        edgeStarts.append(Int32(truncatingIfNeeded: edgeBytes.count))
    }

    var isEmpty: Bool { ids.count <= 1 }

    /// Ids of every prefix `word` begins with, shortest first.
    func prefixes<Bytes: Sequence>(of word: Bytes) -> [Int32] where Bytes.Element == UInt8 {
        var found: [Int32] = []
        appendPrefixes(of: word, to: &found)
        return found
    }

    /// Appends the ids of every prefix `word` begins with, shortest first, to `found`.
    func appendPrefixes<Bytes: Sequence>(of word: Bytes, to found: inout [Int32]) where Bytes.Element == UInt8 {
        guard !isEmpty else { return }
        var node = 0
        for byte in word {
            var next = -1
            if node == 0 {
                next = Int(rootChildren[Int(byte)])
            } else {
                for edge in Int(edgeStarts[node])..<Int(edgeStarts[node + 1]) where edgeBytes[edge] == byte {
                    next = Int(edgeTargets[edge])
                    break
                }
            }
            guard next >= 0 else { break }
            node = next
            if ids[node] >= 0 { found.append(ids[node]) }
        }
    }
}
