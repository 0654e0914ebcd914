import Testing
import PioneerText
@testable import PioneerAssessment

@Suite struct InternTableTests {
    /// Interns `values` and returns each one's index, growing the table well past its first size.
    func indices(of values: [String], hash: (String) -> Int) -> (indices: [Int32], stored: [String]) {
        var table = InternTable()
        var stored: [String] = []
        var indices: [Int32] = []
        for value in values {
            let (found, slot) = table.find(hash: hash(value)) { stored[Int($0)] == value }
            if let found {
                indices.append(found)
                continue
            }
            table.insert(hash: hash(value), at: slot)
            stored.append(value)
            indices.append(Int32(stored.count - 1))
        }
        #expect(table.count == stored.count)
        return (indices, stored)
    }

    @Test func findsEqualValuesAndNumbersNewOnesInOrder() {
        let values = (0..<200).map { "w\($0 % 70)" }
        let mixed = indices(of: values) { var hash = MixHash(); hash.mix($0); return hash.value }
        #expect(mixed.stored == (0..<70).map { "w\($0)" })
        #expect(mixed.indices == (0..<200).map { Int32($0 % 70) })
        // Every value colliding: equality alone tells them apart.
        let colliding = indices(of: values) { _ in 7 }
        #expect(colliding.indices == mixed.indices)
    }

    @Test func hashesStringsConsistentlyWithEquality() {
        func hash(_ text: String) -> Int { var hash = MixHash(); hash.mix(text); return hash.value }
        #expect(hash("health and wellbeing board") == hash("health and wellbeing board"))
        #expect(hash("board") != hash("boards"))
        // Canonically equivalent, different bytes: equal strings must hash equal.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(hash("caf\u{E9}") == hash("cafe\u{301}"))
    }

    @Test func edgeTableKeepsEveryEdgeAsItGrows() {
        var table = EdgeTable()
        for node in 1...300 { table.insert(node: Int32(node), word: Int32(node % 17), child: Int32(node + 1_000)) }
        #expect(table.count == 300)
        #expect((1...300).allSatisfy { table.child(of: Int32($0), word: Int32($0 % 17)) == Int32($0 + 1_000) })
        #expect(table.child(of: 5, word: 6) == 0)
        table.insert(node: 5, word: 5, child: 42)
        #expect(table.count == 300)
        #expect(table.child(of: 5, word: 5) == 42)
    }

    @Test func prefixTrieNumbersPrefixesByPosition() {
        let trie = BytePrefixTrie(prefixes: ["integrat", "integration", "in", "café"])
        #expect(trie.prefixes(of: "integrations".utf8) == [2, 0, 1])
        #expect(trie.prefixes(of: "cafés".utf8) == [3])
        #expect(trie.prefixes(of: "cab".utf8) == [])
    }
}

@Suite struct FlatListsTests {
    @Test func laysListsOutByKeyInOrderOfAdding() {
        var lists = FlatLists<String>()
        lists.append("c1", to: 2)
        lists.append("a1", to: 0)
        lists.append("c2", to: 2)
        lists.append("stray", to: 7)
        lists.append("ignored", to: -1)
        lists.append("a2", to: 0)
        let (items, starts) = lists.layout(keyCount: 4)
        #expect(items == ["a1", "a2", "c1", "c2"])
        #expect(starts == [0, 2, 2, 4, 4])
    }
}

@Suite struct SortedIndicesTests {
    @Test func uniqueSortsAndDropsRepeatsOnEitherPath() {
        // Small dense indices (the bit set) and a spread-out one (the sort).
        #expect(SortedIndices.unique([5, 3, 5, 0, 3, 64, 63]) == [0, 3, 5, 63, 64])
        #expect(SortedIndices.unique([9_000_000, 2, 9_000_000, 1]) == [1, 2, 9_000_000])
        #expect(SortedIndices.unique([2, -1, 2, -7]) == [-7, -1, 2])
        #expect(SortedIndices.unique([]) == [])
    }

    @Test func uniqueNonNegativeDropsNegatives() {
        #expect(SortedIndices.unique(nonNegative: [4, -1, 4, 1]) == [1, 4])
        #expect(SortedIndices.unique(nonNegative: [9_000_000, -3, 7]) == [7, 9_000_000])
        #expect(SortedIndices.unique(nonNegative: [-1, -2]) == [])
    }
}
