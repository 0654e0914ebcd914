import Testing
@testable import PioneerDocuments

@Suite("PDF text layout")
struct PDFTextLayoutTests {
    func blocks(_ content: String) throws -> [Block] {
        try PDFBuilder.read(PDFBuilder.document(pages: [content])).blocks
    }

    @Test("lines drawn bottom to top, or on one baseline in any order, read as when drawn top to bottom")
    func drawingOrder() throws {
        let topDown = "BT /F1 10 Tf 72 700 Td (First) Tj 0 -30 Td (Second) Tj 0 -30 Td (Third) Tj ET"
        let bottomUp = "BT /F1 10 Tf 72 640 Td (Third) Tj 0 30 Td (Second) Tj 0 30 Td (First) Tj ET"
        let mixed = "BT /F1 10 Tf 72 670 Td (Second) Tj 0 30 Td (First) Tj 0 -60 Td (Third) Tj ET"
        let expected = ["First", "Second", "Third"]
        #expect(try blocks(topDown).map(\.text) == expected)
        #expect(try blocks(bottomUp).map(\.text) == expected)
        #expect(try blocks(mixed).map(\.text) == expected)
        let sameBaseline = "BT /F1 10 Tf 200 700 Td (right) Tj -128 0 Td (left) Tj ET"
        #expect(try blocks(sameBaseline).map(\.text) == ["left right"])
    }

    @Test("wrapped lines form one paragraph joined by newlines; a gap starts another")
    func paragraphs() throws {
        let content = "BT /F1 10 Tf 12 TL 72 700 Td (First line of a) Tj T* (paragraph here.) Tj 0 -30 Td (Second paragraph.) Tj ET"
        let result = try blocks(content)
        #expect(result.map(\.text) == ["First line of a\nparagraph here.", "Second paragraph."])
        #expect(result.map(\.kind) == [.paragraph, .paragraph])
        #expect(result.map(\.line) == [1, 3])
        #expect(result.allSatisfy { $0.page == 1 })
    }

    @Test("a word hyphenated across lines is rejoined; blank runs separate words")
    func hyphenation() throws {
        let content = "BT /F1 10 Tf 12 TL 72 700 Td (Health and care coordi-) Tj T* (nation) Tj 50 Tz ( ) Tj 100 Tz (matters) Tj ET"
        #expect(try blocks(content).map(\.text) == ["Health and care coordination matters"])
    }

    @Test("larger text is a heading, ranked by size")
    func headings() throws {
        let content = """
        BT /F1 20 Tf 72 700 Td (Title) Tj ET BT /F1 14 Tf 72 660 Td (Section) Tj ET
        BT /F1 10 Tf 72 630 Td (Body text that is the most common size on the page.) Tj ET
        """
        let result = try blocks(content)
        #expect(result.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph])
    }

    @Test("heading levels are ranked over the whole document, not per page")
    func headingLevelsAcrossPages() throws {
        let body = "BT /F1 10 Tf 72 630 Td (Body text that is the most common size in this document.) Tj ET"
        let pages = ["BT /F1 20 Tf 72 700 Td (Title) Tj ET BT /F1 14 Tf 72 660 Td (Section one) Tj ET " + body,
                     "BT /F1 14 Tf 72 660 Td (Section two) Tj ET " + body]
        let document = try PDFBuilder.read(PDFBuilder.document(pages: pages))
        #expect(document.pages[1].blocks.first?.kind == .heading(level: 2))
        #expect(document.pages[1].blocks.first?.page == 2)
    }

    @Test("bulleted and numbered lines are list items")
    func listItems() throws {
        let content = "BT /F1 10 Tf 12 TL 72 700 Td (\\267 First point) Tj T* (2. Second point) Tj 12 -12 Td (continued) Tj -12 -12 Td (Not a list) Tj ET"
        let result = try blocks(content)
        #expect(result.map(\.kind) == [.listItem(level: 1), .listItem(level: 1), .paragraph])
        #expect(result.map(\.text) == ["• First point", "2. Second point\ncontinued", "Not a list"])
    }

    @Test("a wrapped line that opens like a numbered item continues its sentence")
    func wrappedMarker() throws {
        let wrapped = "BT /F1 10 Tf 12 TL 72 700 Td (measures 2A, 2B and) Tj T* (2C\\) and the NHS Outcomes Framework.) Tj ET"
        #expect(try blocks(wrapped).map(\.text) == ["measures 2A, 2B and\n2C) and the NHS Outcomes Framework."])
        #expect(try blocks(wrapped).map(\.kind) == [.paragraph])
        let list = "BT /F1 10 Tf 12 TL 72 700 Td (Our aims are:) Tj T* (1. Fewer admissions) Tj T* (2. Shorter stays) Tj ET"
        #expect(try blocks(list).map(\.kind) == [.paragraph, .listItem(level: 1), .listItem(level: 1)])
        let sentences = "BT /F1 10 Tf 12 TL 72 700 Td (We start in 2014.) Tj T* (a\\) Teams form) Tj ET"
        #expect(try blocks(sentences).map(\.kind) == [.paragraph, .listItem(level: 1)])
        let bullet = "BT /F1 10 Tf 12 TL 72 700 Td (We will) Tj T* (\\267 pool budgets) Tj ET"
        #expect(try blocks(bullet).map(\.kind) == [.paragraph, .listItem(level: 1)])
    }

    @Test("aligned columns with wide gaps become table cells")
    func table() throws {
        let content = """
        BT /F1 10 Tf 72 700 Td (Name) Tj 200 0 Td (Owner) Tj ET
        BT /F1 10 Tf 72 686 Td (Plan) Tj 200 0 Td (Jane Smith) Tj ET
        """
        let result = try blocks(content)
        #expect(result.map(\.kind) == [.tableCell(row: 1, column: 1), .tableCell(row: 1, column: 2), .tableCell(row: 2, column: 1), .tableCell(row: 2, column: 2)])
        #expect(result.map(\.text) == ["Name", "Owner", "Plan", "Jane Smith"])
    }

    @Test("a superscript joins the word on its line instead of forming a line of its own")
    func superscript() throws {
        let content = "BT /F1 10 Tf 72 700 Td (the 240) Tj 7 Tf 5 Ts (th) Tj 0 Ts 10 Tf ( character) Tj ET"
        #expect(try blocks(content).map(\.text) == ["the 240th character"])
    }

    @Test("two columns of prose are read column by column")
    func twoColumns() throws {
        let left = ["Left column line one is written", "long enough to fill the whole", "column from one side to the", "other and ends here."]
        let right = ["Right column line one also", "fills its column from the", "margin right up to the gutter", "and then it stops."]
        var content = "BT /F1 10 Tf 12 TL "
        for (i, pair) in zip(left, right).enumerated() {
            content += "1 0 0 1 72 \(700 - 12 * i) Tm (\(pair.0)) Tj 1 0 0 1 320 \(700 - 12 * i) Tm (\(pair.1)) Tj "
        }
        content += "1 0 0 1 72 600 Tm (A full-width closing line that runs from the left margin right across the gutter.) Tj ET"
        let texts = try blocks(content).map(\.text)
        #expect(texts == [left.joined(separator: "\n"), right.joined(separator: "\n"),
                          "A full-width closing line that runs from the left margin right across the gutter."])
    }

    @Test("a table of short cells is read row by row, not as columns")
    func tableRows() throws {
        var content = "BT /F1 10 Tf "
        for (i, row) in [("Owner", "Jane Smith"), ("Budget", "2 million"), ("Start", "April 2014"), ("Review", "Quarterly")].enumerated() {
            content += "1 0 0 1 72 \(700 - 14 * i) Tm (\(row.0)) Tj 1 0 0 1 300 \(700 - 14 * i) Tm (\(row.1)) Tj "
        }
        let result = try blocks(content + "ET")
        #expect(result.map(\.text) == ["Owner", "Jane Smith", "Budget", "2 million", "Start", "April 2014", "Review", "Quarterly"])
        #expect(result.last?.kind == .tableCell(row: 4, column: 2))
    }

    @Test("text drawn twice at the same place (fake bold) is kept once")
    func duplicateRuns() throws {
        #expect(try blocks("BT /F1 10 Tf 72 700 Td (Bold) Tj ET BT /F1 10 Tf 72 700 Td (Bold) Tj ET").map(\.text) == ["Bold"])
    }
}

@Suite struct HeaviestSizeTests {
    @Test func picksTheKeyWithTheMostWeightAndBreaksTiesEitherWay() {
        let pairs: [(key: Double, weight: Int)] = [(10, 5), (12, 3), (10, 2), (14, 4), (12, 4)]
        #expect(TextLayout.heaviest(pairs, preferLarger: false) == 10)  // 7 vs 7 vs 4: the smaller of 10 and 12
        #expect(TextLayout.heaviest(pairs, preferLarger: true) == 12)
        #expect(TextLayout.heaviest([(9, 1), (11, 2)], preferLarger: false) == 11)
        #expect(TextLayout.heaviest([], preferLarger: true) == nil)
    }
}
