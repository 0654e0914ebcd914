import Testing
@testable import PioneerDocuments

@Suite("PDF cross-reference data")
struct PDFXRefTests {
    static let hello = "BT /F1 12 Tf 72 700 Td (Hello world) Tj ET"

    @Test("a classic xref table locates the objects")
    func classicTable() throws {
        let document = try PDFBuilder.read(PDFBuilder.document(pages: [Self.hello]))
        #expect(document.pageCount == PageCount(value: 1, exact: true, source: .pdfPageTree))
        #expect(document.blocks.map(\.text) == ["Hello world"])
        #expect(document.wordCount == 2)
    }

    @Test("an xref stream locates the objects")
    func xrefStream() throws {
        #expect(try PDFBuilder.text(PDFBuilder.document(pages: [Self.hello], xref: .stream)) == "Hello world")
    }

    @Test("objects inside an object stream are found through the xref stream")
    func objectStream() throws {
        var builder = PDFBuilder()
        builder.pages([Self.hello])
        builder.objects.removeAll { $0.num == 3 }
        builder.compressed = [(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [72 /Eacute.alt] >> >>")]
        #expect(try PDFBuilder.text(builder.build(xref: .stream)) == "Éello world")
    }

    @Test("an incremental update replaces objects through the /Prev chain")
    func incrementalUpdate() throws {
        var bytes = PDFBuilder.document(pages: [Self.hello])
        let firstXRef = try #require(Self.lastStartXRef(bytes))
        let updateOffset = bytes.count
        let content = "BT /F1 12 Tf 72 700 Td (Revised text) Tj ET"
        bytes += Array("11 0 obj\n<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream\nendobj\n".utf8)
        let xrefOffset = bytes.count
        bytes += Array("xref\n11 1\n\(String(repeating: "0", count: 10 - String(updateOffset).count))\(updateOffset) 00000 n \n".utf8)
        bytes += Array("trailer\n<< /Size 13 /Root 1 0 R /Prev \(firstXRef) >>\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        #expect(try PDFBuilder.text(bytes) == "Revised text")
    }

    @Test("a wrong startxref offset is recovered by scanning for objects")
    func wrongOffset() throws {
        #expect(try PDFBuilder.text(PDFBuilder.document(pages: [Self.hello], xref: .wrongOffset)) == "Hello world")
    }

    @Test("a file without any xref or trailer is recovered from its catalog")
    func noXRef() throws {
        let document = try PDFBuilder.read(PDFBuilder.document(pages: [Self.hello, Self.hello], xref: .none))
        #expect(document.pageCount.value == 2)
    }

    @Test("an xref entry pointing at the wrong object falls back to the scan")
    func staleEntry() throws {
        var bytes = PDFBuilder.document(pages: [Self.hello])
        let text = String(decoding: bytes, as: UTF8.self)
        let shifted = text.replacingOccurrences(of: "%PDF-1.7\n", with: "%PDF-1.7\n% padding padding\n")
        bytes = Array(shifted.utf8)
        #expect(try PDFBuilder.text(bytes) == "Hello world")
    }

    @Test("a reference loop resolves to null instead of hanging")
    func referenceLoop() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
        builder.add(4, "<< /Type /Page /Contents 5 0 R /Resources 6 0 R >>")
        builder.add(5, "<< /Length 5 0 R >>\nstream\nBT (Loop) Tj ET\nendstream")
        builder.add(6, "7 0 R")
        builder.add(7, "6 0 R")
        let document = try PDFBuilder.read(builder.build())
        #expect(document.pageCount.value == 1)
        #expect(document.blocks.map(\.text) == ["Loop"])
    }

    @Test("a long chain of /Length references is cut off without exhausting the stack")
    func lengthChain() throws {
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [4 0 R] /Resources << /Font << /F1 3 0 R >> >> >>")
        builder.add(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        builder.add(4, "<< /Type /Page /Contents 100 0 R >>")
        for num in 100..<5_000 {
            builder.add(num, "<< /Length \(num + 1) 0 R >>\nstream\nBT /F1 12 Tf 72 700 Td (Chain) Tj ET\nendstream")
        }
        #expect(try PDFBuilder.text(builder.build()) == "Chain")
    }

    @Test("bytes that are not a PDF are rejected with a clear message")
    func notPDF() {
        #expect(throws: DocumentError(path: "test.pdf", reason: .malformed("not a PDF file (no '%PDF-' header)"))) {
            try PDFBuilder.read(Array("hello".utf8))
        }
    }

    @Test("a PDF with no catalog anywhere fails as malformed")
    func noCatalog() {
        let bytes = Array("%PDF-1.4\n1 0 obj\n<< /Foo 1 >>\nendobj\n".utf8)
        #expect { try PDFBuilder.read(bytes) } throws: { error in
            guard let error = error as? DocumentError, case .malformed(let why) = error.reason else { return false }
            return why.contains("no document catalog") && error.description.hasPrefix("test.pdf: ")
        }
    }

    static func lastStartXRef(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: "startxref\n", options: .backwards) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
