import Foundation
import PioneerDocuments
import PioneerFixtures
import Testing
@testable import pioneer_bench

/// The generated corpus: the same seed always gives the same bytes, and each bid reads as a
/// realistic ~10-page bid.
@Suite struct CorpusTests {
    static func samples() throws -> SampleSet {
        try SampleSet.load(directory: Repository.submissions.path)
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let samples = try Self.samples()
        let first = Corpus.generate(from: samples, count: 6)
        let second = Corpus.generate(from: samples, count: 6)
        #expect(first.bids.map(\.markdown) == second.bids.map(\.markdown))
        #expect(first.bids.map(\.name) == ["bid-0001.md", "bid-0002.md", "bid-0003.md", "bid-0004.md", "bid-0005.md", "bid-0006.md"])
        let other = Corpus.generate(from: samples, count: 6, seed: 7)
        #expect(other.bids.map(\.markdown) != first.bids.map(\.markdown))
        #expect(Set(first.bids.map(\.markdown)).count == 6, "no two bids are the same")
    }

    /// About 6,000 words: 13 to 14 pages by the page model for text (50 lines of 90 characters), 11 as
    /// the bench's PDF; a little longer than the ten pages the issue asks for, so the figures err on the slow side.
    @Test func bidsAreAboutTenPagesOfMarkdown() throws {
        let corpus = Corpus.generate(from: try Self.samples(), count: 8)
        #expect(corpus.totalBytes == corpus.bids.reduce(0) { $0 + $1.markdown.count })
        for bid in corpus.bids {
            #expect((4_500...7_500).contains(bid.words), "\(bid.name): \(bid.words) words")
            let document = try MarkdownReader.read(bytes: bid.markdown, path: bid.name, limits: .default)
            #expect(document.blocks.contains { if case .heading = $0.kind { true } else { false } }, "\(bid.name) has headings")
            #expect((10...16).contains(document.pageCount.value), "\(bid.name): \(document.pageCount.value) pages")
        }
    }
}
