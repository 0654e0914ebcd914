import CZlib
import PioneerDocuments

/// A minimal PDF 1.4 writer for the benchmark's test bid: A4 pages, Helvetica and Helvetica-Bold
/// with WinAnsi encoding, one Flate-compressed content stream per page, a correct xref table.
struct PDFWriter {
    /// Characters per line (Helvetica 11 pt on a 483 pt measure) and lines per page (13 pt leading).
    var lineWidth = 90
    var linesPerPage = 56

    /// The PDF bytes and the number of pages for `document`'s blocks laid out top to bottom.
    func write(_ document: Document) -> (bytes: [UInt8], pages: Int) {
        let pages = paginate(lines(for: document.blocks))
        var objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [\(pages.indices.map { "\(5 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8),
        ]
        for (index, page) in pages.enumerated() {
            objects.append(Array(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(6 + 2 * index) 0 R >>").utf8))
            objects.append(stream(content(page)))
        }
        return (serialise(objects), pages.count)
    }
}

private extension PDFWriter {
    struct Line {
        var text: String
        var bold: Bool
    }

    func lines(for blocks: [Block]) -> [Line] {
        var lines: [Line] = []
        for block in blocks {
            let text = block.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            switch block.kind {
            case .heading:
                lines.append(Line(text: "", bold: false))
                lines += wrap(text).map { Line(text: $0, bold: true) }
            case .listItem(let level):
                let indent = String(repeating: "    ", count: max(0, level - 1))
                lines += wrap(indent + "\u{2022} " + text).map { Line(text: $0, bold: false) }
            case .paragraph, .tableCell:
                lines += wrap(text).map { Line(text: $0, bold: false) }
                lines.append(Line(text: "", bold: false))
            }
        }
        return lines
    }

    func wrap(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > lineWidth {
                result.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func paginate(_ lines: [Line]) -> [[Line]] {
        var pages: [[Line]] = []
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + linesPerPage)
            pages.append(Array(lines[start..<end]))
            start = end
        }
        return pages.isEmpty ? [[]] : pages
    }

    func content(_ lines: [Line]) -> [UInt8] {
        var out = Array("BT\n/F1 11 Tf\n13 TL\n56 786 Td\n".utf8)
        var bold = false
        for line in lines {
            if line.bold != bold {
                out += Array((line.bold ? "/F2 11 Tf\n" : "/F1 11 Tf\n").utf8)
                bold = line.bold
            }
            if !line.text.isEmpty { out += [UInt8(ascii: "(")] + Self.winAnsi(line.text) + Array(") Tj\n".utf8) }
            out += Array("T*\n".utf8)
        }
        out += Array("ET\n".utf8)
        return out
    }

    /// A stream object, Flate-compressed when zlib manages it.
    func stream(_ data: [UInt8]) -> [UInt8] {
        if let packed = Self.deflate(data) {
            return Array("<< /Length \(packed.count) /Filter /FlateDecode >>\nstream\n".utf8) + packed + Array("\nendstream".utf8)
        }
        return Array("<< /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    func serialise(_ objects: [[UInt8]]) -> [UInt8] {
        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// `text` in WinAnsiEncoding with `(`, `)` and `\` escaped; characters it lacks become '?'.
    static func winAnsi(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            let byte: UInt8
            switch scalar.value {
            case 0x28, 0x29, 0x5C: out.append(0x5C); byte = UInt8(scalar.value)
            case 0x20..<0x7F, 0xA0...0xFF: byte = UInt8(scalar.value)
            case 0x2018: byte = 0x91
            case 0x2019: byte = 0x92
            case 0x201C: byte = 0x93
            case 0x201D: byte = 0x94
            case 0x2022: byte = 0x95
            case 0x2013: byte = 0x96
            case 0x2014: byte = 0x97
            case 0x2026: byte = 0x85
            case 0x20AC: byte = 0x80
            default: byte = UInt8(ascii: "?")
            }
            out.append(byte)
        }
        return out
    }

    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { dest in
            data.withUnsafeBufferPointer { src in
                compress2(dest.baseAddress, &size, src.baseAddress, uLong(data.count), Z_BEST_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(out.prefix(Int(size)))
    }
}
