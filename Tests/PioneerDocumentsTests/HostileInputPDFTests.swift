import Testing
@testable import PioneerDocuments

/// Hostile PDF files: reference loops, page-tree cycles, deep nesting, truncated streams and wrong
/// xref offsets. Each ends in a document or an error naming the file, in bounded time.
@Suite(.timeLimit(.minutes(2)))
struct HostileInputPDFTests {
    func read(_ pdf: HostilePDF, _ path: String) -> Result<Document, DocumentError> {
        HostileInput.read(pdf.bytes, format: .pdf, path: path)
    }

    @Test func wellFormedBuilderOutputIsRead() throws {
        let document = try read(.onePage(content: HostilePDF.show("Health and Wellbeing Board")), "good.pdf").get()
        #expect(document.pageCount == PageCount(value: 1, exact: true, source: .pdfPageTree))
        #expect(HostileInput.text(of: document).contains("Health and Wellbeing Board"))
    }

    @Test func referenceLoopIsBounded() {
        var pdf = HostilePDF.onePage(content: "")
        pdf.objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 6 0 R /Resources 7 0 R >>"
        pdf.objects[6] = "7 0 R"
        pdf.objects[7] = "6 0 R"
        HostileInput.expectErrorOrValid(read(pdf, "loop.pdf"), path: "loop.pdf")
    }

    @Test func streamLengthReferringToItselfIsBounded() {
        var pdf = HostilePDF.onePage(content: "")
        pdf.objects[4] = "<< /Length 4 0 R >>\nstream\n\(HostilePDF.show("Board"))\nendstream"
        HostileInput.expectErrorOrValid(read(pdf, "length.pdf"), path: "length.pdf")
    }

    @Test(arguments: ["<< /Type /Pages /Kids [2 0 R] /Count 1 >>", "<< /Type /Pages /Kids [3 0 R 2 0 R 3 0 R] /Count 3 >>",
                      "<< /Type /Pages /Kids [6 0 R] /Count 1 >>"])
    func pageTreeCycleIsBounded(pages: String) {
        var pdf = HostilePDF.onePage(content: HostilePDF.show("Board"))
        pdf.objects[2] = pages
        pdf.objects[6] = "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>"
        let document = HostileInput.expectErrorOrValid(read(pdf, "cycle.pdf"), path: "cycle.pdf")
        #expect((document?.pages.count ?? 0) <= 3)
    }

    @Test func manyPagesSharingOneKidAreCapped() {
        // A page tree whose every level lists the next twice: 2^40 leaves from 41 objects.
        var pdf = HostilePDF.onePage(content: HostilePDF.show("Board"))
        for level in 0..<40 {
            let number = 10 + level, next = level == 39 ? 3 : number + 1
            pdf.objects[number] = "<< /Type /Pages /Kids [\(next) 0 R \(next) 0 R] /Count 2 >>"
        }
        pdf.objects[2] = "<< /Type /Pages /Kids [10 0 R] /Count 1 >>"
        let document = HostileInput.expectErrorOrValid(read(pdf, "wide.pdf"), path: "wide.pdf")
        #expect((document?.pages.count ?? 0) <= ReaderLimits.default.maxPages)
    }

    @Test(arguments: [("[", "]"), ("<< /A ", " >>")])
    func objectNestedAHundredThousandDeepIsBounded(open: String, close: String) {
        var pdf = HostilePDF.onePage(content: HostilePDF.show("Board"))
        let deep = String(repeating: open, count: 100_000) + "0" + String(repeating: close, count: 100_000)
        pdf.objects[6] = deep
        pdf.objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Deep 6 0 R >>"
        HostileInput.expectErrorOrValid(read(pdf, "deep.pdf"), path: "deep.pdf")
        pdf.objects[4] = HostilePDF.stream(deep + " pop " + HostilePDF.show("Board"))
        HostileInput.expectErrorOrValid(read(pdf, "deep-content.pdf"), path: "deep-content.pdf")
    }

    @Test func nestedStringParenthesesAndFormsAreBounded() {
        var pdf = HostilePDF.onePage(content: "BT /F1 12 Tf (" + String(repeating: "(", count: 100_000) + ") Tj ET /X0 Do")
        pdf.objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 7 0 R >>"
        pdf.objects[6] = HostilePDF.stream("/X0 Do", extra: "/Type /XObject /Subtype /Form /Resources 7 0 R ")
        pdf.objects[7] = "<< /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >>"
        HostileInput.expectErrorOrValid(read(pdf, "forms.pdf"), path: "forms.pdf")
    }

    @Test func truncatedStreamIsAnErrorOrPartialText() {
        let full = HostilePDF.onePage(content: HostilePDF.show("Health and Wellbeing Board")).bytes
        guard let cut = full.indices.first(where: { full[$0...].starts(with: Array("stream\n".utf8)) }) else {
            Issue.record("no stream in the builder's output")
            return
        }
        let truncated = Array(full.prefix(cut + 20))
        HostileInput.expectErrorOrValid(HostileInput.read(truncated, format: .pdf, path: "cut.pdf"), path: "cut.pdf")
        var pdf = HostilePDF.onePage(content: "")
        pdf.objects[4] = "<< /Length 100000 /Filter /FlateDecode >>\nstream\nx\u{9C}\nendstream"
        HostileInput.expectErrorOrValid(read(pdf, "short.pdf"), path: "short.pdf")
    }

    @Test(arguments: [7, -7, 100_000])
    func wrongXRefOffsetsAreRecovered(shift: Int) {
        var pdf = HostilePDF.onePage(content: HostilePDF.show("Health and Wellbeing Board"))
        pdf.xrefShift = shift
        let document = HostileInput.expectErrorOrValid(read(pdf, "xref.pdf"), path: "xref.pdf")
        #expect(document.map { HostileInput.text(of: $0).contains("Health and Wellbeing Board") } ?? true)
    }

    @Test(arguments: [0, 3, 999_999_999, -1])
    func wrongStartXRefIsRecovered(offset: Int) {
        var pdf = HostilePDF.onePage(content: HostilePDF.show("Health and Wellbeing Board"))
        pdf.startXRef = offset
        let document = HostileInput.expectErrorOrValid(read(pdf, "startxref.pdf"), path: "startxref.pdf")
        #expect(document.map { HostileInput.text(of: $0).contains("Health and Wellbeing Board") } ?? true)
    }

    @Test func xrefStreamPointingAtItselfIsBounded() {
        var pdf = HostilePDF.onePage(content: HostilePDF.show("Board"))
        pdf.objects[8] = "<< /Type /XRef /Size 9 /W [1 2 1] /Prev 0 /Root 1 0 R /Length 4 >>\nstream\n\u{1}\u{0}\u{0}\u{0}\nendstream"
        var bytes = pdf.bytes
        bytes += Array("startxref\n\(bytes.count - 60)\n%%EOF\n".utf8)
        HostileInput.expectErrorOrValid(HostileInput.read(bytes, format: .pdf, path: "xrefstream.pdf"), path: "xrefstream.pdf")
    }

    @Test func hugeCountsAndNumbersAreBounded() {
        var pdf = HostilePDF.onePage(content: "BT /F1 1e308 Tf 1e308 1e308 Td (x) Tj 99999999999999999999 TL T* ET")
        pdf.objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"
        pdf.objects[9] = "<< /Length 99999999999999999999 >>\nstream\nx\nendstream"
        HostileInput.expectErrorOrValid(read(pdf, "numbers.pdf"), path: "numbers.pdf")
    }
}
