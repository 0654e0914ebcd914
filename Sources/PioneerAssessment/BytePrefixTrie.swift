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

    init(_ prefixes: [String: Int32]) {
        var children: [[(UInt8, Int32)]] = [[]]
        var ends: [Int32] = [-1]
        for (prefix, id) in prefixes.sorted(by: { $0.key < $1.key }) {
            var node = 0
            for byte in prefix.utf8 {
                if let next = children[node].first(where: { $0.0 == byte })?.1 {
                    node = Int(next)
                } else {
                    children.append([])
                    ends.append(-1)
                    children[node].append((byte, Int32(children.count - 1)))
                    node = children.count - 1
                }
            }
            ends[node] = id
        }
        ids = ends
        for list in children {
            edgeStarts.append(Int32(edgeBytes.count))
            for (byte, target) in list.sorted(by: { $0.0 < $1.0 }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        edgeStarts.append(Int32(edgeBytes.count))
        for (byte, target) in children[0] { rootChildren[Int(byte)] = target }
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
