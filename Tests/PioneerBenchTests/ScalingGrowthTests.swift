import PioneerDocuments
import PioneerRules
import Testing
@testable import pioneer_bench

/// The ways the scaling figures make a bid's text longer.
@Suite struct ScalingGrowthTests {
    static func document(_ index: Int, pages: Int) -> Document {
        let built = (1...pages).map { number in
            Page(number: number, blocks: (1...3).map { line in
                Block(kind: .paragraph, text: "bid \(index) page \(number) block \(line)", page: number, line: line)
            })
        }
        return Document(path: "bid-\(index).md", format: .markdown, pages: built,
                        pageCount: PageCount(value: Double(pages), exact: true, source: .formFeeds), wordCount: 6 * 3 * pages)
    }

    @Test func repeatedInPlaceKeepsThePages() {
        let original = Self.document(0, pages: 3)
        let grown = ScalingBench.repeatedInPlace(original, 4)
        #expect(grown.pages.count == 3 && grown.pageCount == original.pageCount)
        #expect(grown.wordCount == 4 * original.wordCount)
        for (page, before) in zip(grown.pages, original.pages) {
            #expect(page.blocks.map(\.text) == Array(repeating: before.blocks.map(\.text), count: 4).flatMap { $0 })
        }
        #expect(ScalingBench.repeatedInPlace(original, 1).blocks.map(\.text) == original.blocks.map(\.text))
    }

    @Test func mergedAddsOtherBidsOnTheSamePages() {
        let documents = [Self.document(0, pages: 2), Self.document(1, pages: 3), Self.document(2, pages: 2)]
        let grown = ScalingBench.merged(documents, from: 2, 3)
        #expect(grown.pages.count == 2)
        #expect(grown.wordCount == documents.reduce(0) { $0 + $1.wordCount })
        // Bid 2's own blocks first, then bid 0's (wrapping round), then bid 1's; bid 1's third page
        // goes on the last page, renumbered.
        #expect(grown.pages[0].blocks.map(\.text).prefix(4) == ["bid 2 page 1 block 1", "bid 2 page 1 block 2", "bid 2 page 1 block 3", "bid 0 page 1 block 1"])
        #expect(grown.pages[1].blocks.last?.text == "bid 1 page 3 block 3")
        #expect(grown.pages.allSatisfy { page in page.blocks.allSatisfy { $0.page == page.number } })
    }

    @Test func appendedNumbersThePagesOnAfterOneAnother() {
        let original = Self.document(0, pages: 3)
        let grown = ScalingBench.appended(original, 4)
        #expect(grown.pages.map(\.number) == Array(1...12))
        #expect(grown.pageCount.value == 12 && grown.wordCount == 4 * original.wordCount)
        #expect(grown.pages.allSatisfy { page in page.blocks.allSatisfy { $0.page == page.number } })
        #expect(grown.pages[9].blocks.map(\.text) == original.pages[0].blocks.map(\.text))
    }

    @Test func hostileTextIsOneSentenceOfPhrasesAndCues() {
        let phrases = [CompiledPhrase(words: ["pooled", "budget"], source: "pooled budget"),
                       CompiledPhrase(words: ["integrat"], lastWordIsPrefix: true, source: "integrat*")]
        let document = ScalingBench.hostile(words: 500, phrases: phrases, seed: 3)
        #expect(document.pages.count == 1 && document.pages[0].blocks.count == 1)
        let text = document.pages[0].blocks[0].text
        #expect(document.wordCount >= 500 && document.wordCount < 510)
        #expect(text.split(separator: " ").count == document.wordCount)
        #expect(!text.contains(".") && !text.contains("\n"))
        #expect(text.contains("pooled budget") && text.contains("integrating") && text.contains("has not yet"))
        #expect(ScalingBench.hostile(words: 500, phrases: phrases, seed: 3).pages[0].blocks[0].text == text)
        #expect(ScalingBench.hostile(words: 500, phrases: phrases, seed: 4).pages[0].blocks[0].text != text)
    }
}
