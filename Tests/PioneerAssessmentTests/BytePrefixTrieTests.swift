import Testing
@testable import PioneerAssessment

@Suite struct BytePrefixTrieTests {
    @Test func findsEveryPrefixAWordBeginsWithShortestFirst() {
        let trie = BytePrefixTrie(["integrat": 1, "integration": 2, "in": 3, "co": 4, "café": 5])
        #expect(trie.prefixes(of: "integrations".utf8) == [3, 1, 2])
        #expect(trie.prefixes(of: "integrate".utf8) == [3, 1])
        #expect(trie.prefixes(of: "i".utf8) == [])
        #expect(trie.prefixes(of: "cafés".utf8) == [5])
        #expect(trie.prefixes(of: "cafe".utf8) == [])
        #expect(trie.prefixes(of: "".utf8) == [])
        #expect(!trie.isEmpty)
        #expect(BytePrefixTrie([:]).isEmpty)
    }
}
