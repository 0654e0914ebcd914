import Foundation
@testable import PioneerDocuments

/// Writes small PDFs byte by byte for tests: objects, computed xref offsets, a trailer.
struct PDFBuilder {
    enum XRefStyle {
        /// A classic `xref` table.
        case table
        /// A cross-reference stream (PDF 1.5) with /W [1 4 2].
        case stream
        /// No cross-reference data at all (forces recovery).
        case none
        /// A table, but `startxref` points at the wrong byte.
        case wrongOffset
    }

    var objects: [(num: Int, body: [UInt8])] = []
    /// Objects placed inside an object stream instead of at top level.
    var compressed: [(num: Int, body: String)] = []
    var header = "%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n"

    mutating func add(_ num: Int, _ body: String) {
        objects.append((num, Array(body.utf8)))
    }

    /// A stream object: `dict` entries (without `/Length`) and raw data.
    mutating func addStream(_ num: Int, dict: String = "", data: [UInt8]) {
        var body = Array("<< \(dict) /Length \(data.count) >>\nstream\n".utf8)
        body += data
        body += Array("\nendstream".utf8)
        objects.append((num, body))
    }

    mutating func addStream(_ num: Int, dict: String = "", text: String) {
        addStream(num, dict: dict, data: Array(text.utf8))
    }

    /// The file bytes; `trailer` holds extra trailer entries such as `/Root 1 0 R`.
    func build(xref style: XRefStyle = .table, trailer: String = "/Root 1 0 R") -> [UInt8] {
        var out = Array(header.utf8)
        var offsets: [Int: Int] = [:]
        for (num, body) in objects {
            offsets[num] = out.count
            out += Array("\(num) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        var objStmNum: Int?
        if !compressed.isEmpty {
            let num = (objects.map(\.num).max() ?? 0) + 1
            objStmNum = num
            var headerText = ""
            var bodyText = ""
            for (n, body) in compressed {
                headerText += "\(n) \(bodyText.utf8.count) "
                bodyText += body + "\n"
            }
            let data = headerText + "\n" + bodyText
            offsets[num] = out.count
            out += Array("\(num) 0 obj\n<< /Type /ObjStm /N \(compressed.count) /First \(headerText.utf8.count + 1) /Length \(data.utf8.count) >>\nstream\n\(data)\nendstream\nendobj\n".utf8)
        }
        let size = max((offsets.keys.max() ?? 0), compressed.map(\.num).max() ?? 0) + 2
        let xrefOffset = out.count
        switch style {
        case .none:
            break
        case .table, .wrongOffset:
            out += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
            for num in 1..<size {
                if let offset = offsets[num] {
                    out += Array(String(format: "%010d 00000 n \n", offset).utf8)
                } else {
                    out += Array("0000000000 65535 f \n".utf8)
                }
            }
            out += Array("trailer\n<< /Size \(size) \(trailer) >>\n".utf8)
            out += Array("startxref\n\(style == .wrongOffset ? xrefOffset + 7 : xrefOffset)\n%%EOF\n".utf8)
        case .stream:
            let streamNum = size - 1
            offsets[streamNum] = out.count
            var rows: [UInt8] = []
            for num in 0..<size {
                if let offset = offsets[num] {
                    rows += [1] + bigEndian(offset, 4) + [0, 0]
                } else if let objStmNum, let index = compressed.firstIndex(where: { $0.num == num }) {
                    rows += [2] + bigEndian(objStmNum, 4) + bigEndian(index, 2)
                } else {
                    rows += [0, 0, 0, 0, 0, 0xFF, 0xFF]
                }
            }
            out += Array("\(streamNum) 0 obj\n<< /Type /XRef /Size \(size) /W [1 4 2] \(trailer) /Length \(rows.count) >>\nstream\n".utf8)
            out += rows
            out += Array("\nendstream\nendobj\nstartxref\n\(offsets[streamNum] ?? 0)\n%%EOF\n".utf8)
        }
        return out
    }

    private func bigEndian(_ value: Int, _ width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// A document whose pages show `contents` (content-stream text) with Helvetica as /F1.
    static func document(pages contents: [String], xref: XRefStyle = .table, font: String = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>") -> [UInt8] {
        var builder = PDFBuilder()
        builder.pages(contents, font: font)
        return builder.build(xref: xref)
    }

    /// Catalog 1, page tree 2, font 3, then a page and its content per entry of `contents`.
    mutating func pages(_ contents: [String], font: String = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>") {
        add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        let kids = contents.indices.map { "\(10 + 2 * $0) 0 R" }.joined(separator: " ")
        add(2, "<< /Type /Pages /Kids [\(kids)] /Count \(contents.count) /Resources << /Font << /F1 3 0 R >> >> >>")
        add(3, font)
        for (i, content) in contents.enumerated() {
            add(10 + 2 * i, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(11 + 2 * i) 0 R >>")
            addStream(11 + 2 * i, text: content)
        }
    }

    /// Reads `bytes` with the PDF reader.
    static func read(_ bytes: [UInt8], limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        try PDFReader.read(bytes: bytes, path: "test.pdf", limits: limits)
    }

    /// All block texts joined by newlines.
    static func text(_ bytes: [UInt8]) throws -> String {
        try read(bytes).blocks.map(\.text).joined(separator: "\n")
    }
}
