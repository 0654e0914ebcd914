import Testing
@testable import PioneerDocuments

@Suite("DOCX pages")
struct DOCXPageTests {
    typealias B = DOCXBuilder

    /// Word 2007+ defaults: Calibri 11 pt, 10 pt after, 1.15 lines.
    static let wordDefaults = "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"200\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"

    static func pages(_ document: Document) -> [Int] { document.blocks.map(\.page) }

    /// About `words` words of plain prose in 40-word paragraphs.
    static func prose(words: Int) -> String {
        let sentence = "The partnership will pool budgets across health and social care by April 2014 with named leads. "
        let paragraph = B.paragraph(String(repeating: sentence, count: 2).trimmingSuffix())
        return String(repeating: paragraph, count: max(1, words / 32))
    }

    @Test("an explicit page break moves the rest to the next page; lines restart")
    func explicitBreak() throws {
        let body = B.paragraph("one") + B.paragraph("two") + "<w:p><w:r><w:br w:type=\"page\"/><w:t>three</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>four</w:t><w:br w:type=\"page\"/><w:t>more</w:t></w:r></w:p>" + B.paragraph("five")
        let document = try B.read(B.package(body: body))
        #expect(Self.pages(document) == [1, 1, 2, 2, 3])
        #expect(document.blocks.map(\.line) == [1, 2, 1, 2, 1])
        #expect(document.pages.map(\.number) == [1, 2, 3])
        #expect(document.pageCount.source == .docxLayoutEstimate)
        #expect(document.pageCount.wholePages == 3)
    }

    @Test("page break before, directly or from the style, and next-page section breaks")
    func breakProperties() throws {
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Chapter\"><w:name w:val=\"Chapter\"/><w:pPr><w:pageBreakBefore/></w:pPr></w:style>"
        let body = B.paragraph("intro") + B.paragraph("direct", properties: "<w:pageBreakBefore/>")
            + B.paragraph("styled", properties: "<w:pStyle w:val=\"Chapter\"/>")
            + B.paragraph("end of section", properties: "<w:sectPr><w:type w:val=\"nextPage\"/></w:sectPr>")
            + B.paragraph("new section", properties: "<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>")
            + B.paragraph("same page") + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"
        #expect(Self.pages(try B.read(B.package(body: body, styles: styles))) == [1, 2, 3, 3, 4, 4])
    }

    @Test("rendered page breaks place paragraphs when they agree with app.xml")
    func renderedBreaks() throws {
        let body = B.paragraph("one") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>two</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>three starts</w:t><w:lastRenderedPageBreak/><w:t>and ends later</w:t></w:r></w:p>" + B.paragraph("four")
        let document = try B.read(B.package(body: body, appPages: 3))
        #expect(Self.pages(document) == [1, 2, 2, 3])
        #expect(document.pageCount == PageCount(value: 3, exact: false, source: .docxAppProperties))
        #expect(document.warnings.isEmpty)
    }

    @Test("a table row whose cells each record the break counts it once")
    func renderedBreaksInTableRow() throws {
        let cell = "<w:tc><w:p><w:r><w:lastRenderedPageBreak/><w:t>cell</w:t></w:r></w:p></w:tc>"
        let body = B.paragraph("before") + "<w:tbl><w:tr>\(cell)\(cell)\(cell)</w:tr></w:tbl>" + B.paragraph("after")
        #expect(Self.pages(try B.read(B.package(body: body, appPages: 2))) == [1, 2, 2, 2, 2])
    }

    @Test("a stale app.xml page count is replaced by the estimate, with a warning")
    func staleAppXML() throws {
        let document = try B.read(B.package(body: Self.prose(words: 5_000), styles: Self.wordDefaults, appPages: 1))
        print("stale app.xml test: \(document.pageCount.value) pages")
        #expect(document.wordCount >= 4_900)
        #expect(document.pageCount.source == .docxLayoutEstimate)
        #expect(document.pageCount.value > 8 && document.pageCount.value < 20)
        #expect(document.warnings.map(\.code) == ["stale-app-xml"])
        #expect(document.warnings.first?.message.hasPrefix("app.xml says 1 page; the content fills about ") == true)
        #expect(document.pages.count == document.pageCount.wholePages)
        #expect(Set(Self.pages(document)).count == document.pages.count)
    }

    @Test("a plausible app.xml page count is used")
    func plausibleAppXML() throws {
        let estimate = try B.read(B.package(body: Self.prose(words: 5_000))).pageCount
        #expect(estimate.source == .docxLayoutEstimate)
        let app = Int(estimate.value.rounded()) + 1
        let document = try B.read(B.package(body: Self.prose(words: 5_000), appPages: app))
        #expect(document.pageCount == PageCount(value: Double(app), exact: false, source: .docxAppProperties))
        #expect(document.warnings.isEmpty)
        #expect(Self.pages(document).max() == app)
    }

    @Test("smaller pages, larger type and wider spacing give more pages")
    func pageModel() throws {
        let text = Self.prose(words: 3_000)
        let base = try B.read(B.package(body: text)).pageCount.value
        let a5 = try B.read(B.package(body: text + "<w:sectPr><w:pgSz w:w=\"8391\" w:h=\"11906\"/></w:sectPr>")).pageCount.value
        let large = try B.read(B.package(body: text, styles: "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:rPrDefault></w:docDefaults>")).pageCount.value
        let spaced = try B.read(B.package(body: text, styles: "<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:after=\"400\" w:line=\"480\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>")).pageCount.value
        #expect(a5 > base * 1.8)
        #expect(large > base * 1.4)
        #expect(spaced > base * 1.8)
    }
}

private extension String {
    func trimmingSuffix() -> String { hasSuffix(" ") ? String(dropLast()) : self }
}

@Suite("DOCX pictures")
struct DOCXPictureTests {
    @Test("inline pictures take their height in the page estimate")
    func inlinePictureHeight() throws {
        let picture = "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
            + "<wp:extent cx=\"5486400\" cy=\"7315200\"/></wp:inline></w:drawing></w:r></w:p>"
        let text = DOCXBuilder.paragraph("Figure 1 shows the integrated care pathway.")
        let withPicture = try DOCXBuilder.read(DOCXBuilder.package(body: text + picture + text)).pageCount.value
        let without = try DOCXBuilder.read(DOCXBuilder.package(body: text + text)).pageCount.value
        #expect(withPicture - without > 0.8)
    }
}
