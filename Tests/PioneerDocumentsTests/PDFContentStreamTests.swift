import Testing
@testable import PioneerDocuments

@Suite("PDF content streams")
struct PDFContentStreamTests {
    func text(_ content: String) throws -> String {
        try PDFBuilder.text(PDFBuilder.document(pages: [content]))
    }

    func blocks(_ content: String) throws -> [Block] {
        try PDFBuilder.read(PDFBuilder.document(pages: [content])).blocks
    }

    @Test("Tj shows a string")
    func tj() throws { #expect(try text("BT /F1 12 Tf 72 700 Td (Plain) Tj ET") == "Plain") }

    @Test("TJ kerning below -200 becomes a space, small kerning does not")
    func tjSpacing() throws {
        #expect(try text("BT /F1 12 Tf 72 700 Td [(Wo) -20 (rd) -600 (next)] TJ ET") == "Word next")
    }

    @Test("Td, TD, T* and TL move to new lines")
    func lineMoves() throws {
        let content = "BT /F1 12 Tf 14 TL 72 700 Td (One) Tj T* (Two) Tj 0 -14 TD (Three) Tj T* (Four) Tj ET"
        #expect(try text(content) == "One\nTwo\nThree\nFour")
    }

    @Test("the ' and \" operators move to the next line and show")
    func quoteOperators() throws {
        let content = "BT /F1 12 Tf 14 TL 72 700 Td (First) Tj (Second) ' 1 0 (Third) \" ET"
        #expect(try text(content) == "First\nSecond\nThird")
    }

    @Test("Tm and cm place text; separate runs far apart on one line get a space")
    func matrices() throws {
        let content = "q 1 0 0 1 100 0 cm BT /F1 12 Tf 1 0 0 1 0 700 Tm (Left) Tj 1 0 0 1 200 700 Tm (Right) Tj ET Q"
        #expect(try text(content) == "Left Right")
    }

    @Test("adjacent runs with no gap are joined without a space")
    func adjacentRuns() throws {
        #expect(try text("BT /F1 12 Tf 72 700 Td (Join) Tj (ed) Tj ET") == "Joined")
    }

    @Test("Tc, Tw, Tz and Ts are accepted and text is kept")
    func spacingOperators() throws {
        #expect(try text("BT /F1 12 Tf 1 Tc 2 Tw 90 Tz 3 Ts 72 700 Td (Spaced out) Tj ET") == "Spaced out")
    }

    @Test("text is ordered top to bottom whatever the drawing order")
    func readingOrder() throws {
        #expect(try text("BT /F1 12 Tf 72 600 Td (Below) Tj ET BT /F1 12 Tf 72 700 Td (Above) Tj ET") == "Above\nBelow")
    }

    @Test("marked content operators are ignored")
    func markedContent() throws {
        #expect(try text("/P << /MCID 0 >> BDC BT /F1 12 Tf 72 700 Td (Marked) Tj ET EMC") == "Marked")
    }

    @Test("inline image data containing operators is skipped")
    func inlineImage() throws {
        let content = "BI /W 2 /H 2 /BPC 8 /CS /G ID (Bogus) Tj ET\u{01}EIx EI BT /F1 12 Tf 72 700 Td (After) Tj ET"
        #expect(try text(content) == "After")
    }

    @Test("a Form XObject's text is extracted, and a self-referencing form stops")
    func formXObject() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [4 0 R] >>")
        builder.add(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        builder.add(4, "<< /Type /Page /Contents 5 0 R /Resources << /XObject << /X1 6 0 R >> /Font << /F1 3 0 R >> >> >>")
        builder.addStream(5, text: "/X1 Do")
        builder.addStream(6, dict: "/Type /XObject /Subtype /Form /Matrix [1 0 0 1 0 700] /Resources << /XObject << /X1 6 0 R >> /Font << /F1 3 0 R >> >>",
                          text: "BT /F1 12 Tf 72 0 Td (In form) Tj ET /X1 Do")
        #expect(try PDFBuilder.text(builder.build()) == "In form")
    }

    @Test("annotation appearances are drawn; a text field without one shows its value")
    func annotations() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [4 0 R] >>")
        builder.add(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        builder.add(4, "<< /Type /Page /Annots [5 0 R 6 0 R 8 0 R] >>")
        builder.add(5, "<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [72 700 200 714] /V (Alice) >>")
        builder.add(6, "<< /Type /Annot /Subtype /Stamp /Rect [72 600 200 614] /AP << /N 7 0 R >> >>")
        builder.addStream(7, dict: "/Type /XObject /Subtype /Form /BBox [0 0 128 14] /Resources << /Font << /F1 3 0 R >> >>",
                          text: "BT /F1 10 Tf 2 3 Td (Approved) Tj ET")
        builder.add(8, "<< /Type /Annot /Subtype /Widget /FT /Tx /F 2 /Rect [72 500 200 514] /V (Hidden) >>")
        #expect(try PDFBuilder.text(builder.build()) == "Alice\nApproved")
    }

    @Test("an unterminated array in content ends the page's text without failing")
    func truncatedContent() throws {
        #expect(try text("BT /F1 12 Tf 72 700 Td (Kept) Tj [(lost") == "Kept")
    }

    @Test("100,000 nested '[' is a clear nesting error, not a crash")
    func deepNesting() {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R /Deep " + String(repeating: "[", count: 100_000) + " >>")
        builder.add(2, "<< /Type /Pages /Kids [] >>")
        #expect(throws: DocumentError(path: "test.pdf", reason: .limitExceeded("arrays or dictionaries nested deeper than 256 levels"))) {
            try PDFBuilder.read(builder.build())
        }
    }

    @Test("content nested too deeply is a limit error too")
    func deepContent() {
        #expect(throws: DocumentError.self) { try text(String(repeating: "[", count: 100_000)) }
    }
}
