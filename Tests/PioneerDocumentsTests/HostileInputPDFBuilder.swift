/// Writes small PDF files for the hostile-input tests: numbered objects, a classic xref table with
/// the right offsets (unless told otherwise) and a trailer.
struct HostilePDF {
    /// Object bodies by number, without `N 0 obj` / `endobj`.
    var objects: [Int: String] = [:]
    var root = 1
    /// Added to every xref offset (a wrong xref table).
    var xrefShift = 0
    /// Replaces the `startxref` value when set.
    var startXRef: Int?

    /// The usual catalog, one-page tree and a Helvetica font; `content` is page 1's content stream.
    static func onePage(content: String) -> HostilePDF {
        var pdf = HostilePDF()
        pdf.objects[1] = "<< /Type /Catalog /Pages 2 0 R >>"
        pdf.objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
        pdf.objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        pdf.objects[4] = stream(content)
        pdf.objects[5] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        return pdf
    }

    /// A stream object body with the right /Length.
    static func stream(_ content: String, extra: String = "") -> String {
        "<< /Length \(content.utf8.count) \(extra)>>\nstream\n\(content)\nendstream"
    }

    /// A content stream that shows `text` on one line.
    static func show(_ text: String) -> String {
        "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
    }

    var bytes: [UInt8] {
        var out = "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n"
        var offsets: [Int: Int] = [:]
        let numbers = objects.keys.sorted()
        for number in numbers {
            offsets[number] = out.utf8.count
            out += "\(number) 0 obj\n\(objects[number] ?? "null")\nendobj\n"
        }
        let xref = out.utf8.count
        let size = (numbers.last ?? 0) + 1
        out += "xref\n0 \(size)\n0000000000 65535 f \n"
        for number in 1..<max(1, size) {
            if let offset = offsets[number] {
                out += String(repeating: "0", count: 10 - String(offset + xrefShift).count) + "\(offset + xrefShift) 00000 n \n"
            } else {
                out += "0000000000 65535 f \n"
            }
        }
        out += "trailer\n<< /Size \(size) /Root \(root) 0 R >>\nstartxref\n\(startXRef ?? xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
