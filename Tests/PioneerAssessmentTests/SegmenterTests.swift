import PioneerDocuments
import Testing
@testable import PioneerAssessment

@Suite struct SegmenterTests {
    let assessor = Assessor(rules: RulesBuilder().build())

    @Test func splitsSentencesButNotAfterAbbreviations() {
        let analysis = assessor.analyse(text: "Cllr Jones chairs the Board, e.g. on 3 May. Dr Okafor leads! Is it agreed? No. 4 is next. It is approx. 5 miles.")
        #expect(analysis.unitTexts() == ["Cllr Jones chairs the Board, e.g. on 3 May.", "Dr Okafor leads!", "Is it agreed?",
                                         "No. 4 is next.", "It is approx. 5 miles."])
    }

    @Test func doesNotSplitAtInitialsOrLowerCase() {
        let analysis = assessor.analyse(text: "J. Smith leads. the pilot starts in 2014 (see p. 4). \"Quoted\" text follows.")
        #expect(analysis.unitTexts() == ["J. Smith leads. the pilot starts in 2014 (see p. 4).", "\"Quoted\" text follows."])
    }

    @Test func listItemsAndTableCellsAreUnitsOfTheirOwn() {
        let document = TestDocument.blocks([
            Block(kind: .listItem(level: 1), text: "One. Two.", page: 1, line: 1),
            Block(kind: .tableCell(row: 1, column: 1), text: "Lead. Owner.", page: 1, line: 2),
        ])
        let analysis = assessor.analyse(document)
        #expect(analysis.units.map(\.kind) == [.listItem, .tableCell])
    }

    @Test func headingsOpenNestedSections() {
        let document = TestDocument.blocks([
            Block(kind: .heading(level: 1), text: "Vision", page: 1, line: 1),
            Block(kind: .heading(level: 2), text: "Engagement", page: 1, line: 3),
            Block(kind: .paragraph, text: "We engage.", page: 1, line: 5),
            Block(kind: .heading(level: 2), text: "Finance", page: 1, line: 7),
            Block(kind: .paragraph, text: "We pool.", page: 1, line: 9),
        ])
        let analysis = assessor.analyse(document)
        let chains = analysis.units.filter { !$0.isHeading }.map { analysis.headingChain(of: $0).map { analysis.text(of: analysis.units[$0]) } }
        #expect(chains == [["Engagement", "Vision"], ["Finance", "Vision"]])
    }

    @Test func detectsPlainTextHeadings() {
        #expect(Segmenter.plainHeadingLevel(Array("3.2.1 Engaging users".utf8)) == 3)
        #expect(Segmenter.plainHeadingLevel(Array("2. Vision".utf8)) == 1)
        #expect(Segmenter.plainHeadingLevel(Array("Criterion 3: Whole system commitment".utf8)) == 1)
        #expect(Segmenter.plainHeadingLevel(Array("VISION AND AMBITION".utf8)) == 1)
        #expect(Segmenter.plainHeadingLevel(Array("12 practices have signed up".utf8)) == nil)
        #expect(Segmenter.plainHeadingLevel(Array("We will integrate care.".utf8)) == nil)
        #expect(Segmenter.plainHeadingLevel(Array("NHS".utf8)) == nil)
    }

    @Test func plainHeadingsOnlyForOneLineParagraphs() {
        let document = TestDocument.blocks([
            Block(kind: .paragraph, text: "3.2 Engagement", page: 1, line: 1),
            Block(kind: .paragraph, text: "3.3 Finance\nis pooled", page: 1, line: 3),
        ])
        let analysis = assessor.analyse(document)
        #expect(analysis.units.map(\.isHeading) == [true, false])
    }

    @Test func recordsPageAndLineOfEachSentence() {
        let document = TestDocument.blocks([Block(kind: .paragraph, text: "First sentence here. Second\nsentence. Third\nline\nhere.", page: 1, line: 10)])
        let analysis = assessor.analyse(document)
        #expect(analysis.units.map(\.line) == [10, 10, 11])
        #expect(analysis.units.map(\.page) == [1, 1, 1])
    }
}
