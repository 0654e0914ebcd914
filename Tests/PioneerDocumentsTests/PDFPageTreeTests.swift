import Testing
@testable import PioneerDocuments

@Suite("PDF page tree")
struct PDFPageTreeTests {
    @Test("pages are counted from the leaves, not from a wrong /Count")
    func countsLeaves() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 99 >>")
        builder.add(3, "<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 7 >>")
        builder.add(4, "<< /Type /Page /Contents 8 0 R >>")
        builder.add(5, "<< /Type /Page >>")
        builder.add(6, "<< /Type /Page >>")
        builder.addStream(8, text: "")
        let document = try PDFBuilder.read(builder.build())
        #expect(document.pageCount.value == 3)
        #expect(document.pages.map(\.number) == [1, 2, 3])
    }

    @Test("a kid pointing back to its ancestor is visited once")
    func cycle() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>")
        builder.add(3, "<< /Type /Pages /Kids [4 0 R 2 0 R 3 0 R] >>")
        builder.add(4, "<< /Type /Page >>")
        #expect(try PDFBuilder.read(builder.build()).pageCount.value == 1)
    }

    @Test("resources are inherited from the parent /Pages node")
    func inheritedResources() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [73 /Ydieresis] >> >>"
        let text = try PDFBuilder.text(PDFBuilder.document(pages: ["BT /F1 12 Tf 72 700 Td (Inherited) Tj ET"], font: font))
        #expect(text == "Ÿnherited")
    }

    @Test("text outside the inherited media box is not on the page")
    func cropBox() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [4 0 R] /MediaBox [0 0 612 400] /Resources << /Font << /F1 3 0 R >> >> >>")
        builder.add(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        builder.add(4, "<< /Type /Page /Contents 5 0 R >>")
        builder.addStream(5, text: "BT /F1 12 Tf 72 700 Td (Cropped away) Tj ET BT /F1 12 Tf 72 300 Td (Visible) Tj ET")
        #expect(try PDFBuilder.text(builder.build()) == "Visible")
    }

    @Test("a page without text is flagged and reported in a warning")
    func noTextWarning() throws {
        let document = try PDFBuilder.read(PDFBuilder.document(pages: ["BT /F1 12 Tf 72 700 Td (Words) Tj ET", "0 0 m 10 10 l S", ""]))
        #expect(document.pages.map(\.hasText) == [true, false, false])
        #expect(document.warnings == [DocumentWarning(code: "no-text-pages", message: "pages 2, 3 have no extractable text (scanned images?)")])
    }

    @Test("more pages than the limit is a limit error")
    func pageLimit() {
        var limits = ReaderLimits()
        limits.maxPages = 2
        let bytes = PDFBuilder.document(pages: ["", "", ""])
        #expect(throws: DocumentError(path: "test.pdf", reason: .limitExceeded("more than 2 pages"))) {
            try PDFBuilder.read(bytes, limits: limits)
        }
    }
}
