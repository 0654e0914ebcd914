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

    @Test("kids that cannot be read count as pages, at least, and are reported")
    func lostKids() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] >>")
        builder.add(3, "<< /Type /Page >>")
        let document = try PDFBuilder.read(builder.build())
        #expect(document.pages.count == 1)
        #expect(document.pageCount == PageCount(value: 3, exact: false, source: .pdfPageTree))
        #expect(document.warnings.contains(DocumentWarning(
            code: "missing-pages", message: "only 1 page of at least 3 could be read (damaged page tree); the page limit is judged on 3")))
    }

    @Test("with kids lost, a larger /Count is believed, up to the page limit")
    func lostKidsAndCount() throws {
        for (count, expected) in [(12, 12.0), (1, 2.0), (1_000_000, 2.0)] {
            var builder = PDFBuilder()
            builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            builder.add(2, "<< /Type /Pages /Kids [3 0 R 9 0 R] /Count \(count) >>")
            builder.add(3, "<< /Type /Page >>")
            #expect(try PDFBuilder.read(builder.build()).pageCount.value == expected, "/Count \(count)")
        }
    }

    @Test("a page whose compressed content ends early keeps its text and is reported")
    func damagedContent() throws {
        let truncated: [UInt8] = [120, 156, 115, 10, 81, 208, 119, 51, 84, 48, 52, 82, 8, 73, 83, 48, 55, 82, 48, 55, 48, 80, 8, 73, 81, 208, 112]
        var builder = PDFBuilder()
        builder.pages(["BT /F1 12 Tf 72 700 Td (Whole) Tj ET", ""])
        builder.objects.removeAll { $0.num == 13 }
        builder.addStream(13, dict: "/Filter /FlateDecode", data: truncated)
        let document = try PDFBuilder.read(builder.build())
        #expect(document.pageCount == PageCount(value: 2, exact: true, source: .pdfPageTree))
        #expect(document.warnings.contains(DocumentWarning(code: "damaged-content", message: "the text of page 2 could not be read in full (damaged content)")))
        #expect(!document.warnings.contains { $0.code == "missing-pages" })
        #expect(document.pages.first?.blocks.first?.text == "Whole")
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
