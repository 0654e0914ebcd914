@testable import PioneerDocuments

/// Builds ZIP archives and .docx packages byte by byte for the tests.
struct ZipBuilder {
    enum Method { case stored, deflateStoredBlocks, deflateFixedHuffman }

    struct Entry {
        var name: String
        var data: [UInt8]
        var method: Method = .deflateStoredBlocks
        var dataDescriptor = false
        var descriptorSignature = true
        /// Written instead of the real CRC when set.
        var crc: UInt32?
        /// Written instead of the real uncompressed size when set.
        var declaredSize: Int?
    }

    var entries: [Entry] = []

    mutating func add(_ name: String, _ text: String, method: Method = .deflateStoredBlocks) {
        entries.append(Entry(name: name, data: Array(text.utf8), method: method))
    }

    /// The whole archive: local records, central directory, end record.
    func build() -> [UInt8] {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            central += Self.centralRecord(entry, offset: output.count)
            output += Self.localRecord(entry)
        }
        return output + central + Self.endRecord(count: entries.count, centralOffset: output.count, centralSize: central.count)
    }

    static func compressed(_ entry: Entry) -> [UInt8] {
        switch entry.method {
        case .stored: return entry.data
        case .deflateStoredBlocks: return Deflate.storedBlocks(entry.data)
        case .deflateFixedHuffman: return Deflate.fixedHuffman(entry.data)
        }
    }

    static func methodNumber(_ entry: Entry) -> Int { entry.method == .stored ? 0 : 8 }

    static func localRecord(_ entry: Entry) -> [UInt8] {
        let body = compressed(entry)
        let crc = entry.crc ?? CRC32.checksum(entry.data)
        let size = entry.declaredSize ?? entry.data.count
        var out = le32(0x0403_4B50) + le16(20) + le16(entry.dataDescriptor ? 8 : 0) + le16(methodNumber(entry)) + le16(0) + le16(0)
        out += entry.dataDescriptor ? le32(0) + le32(0) + le32(0) : le32(Int(crc)) + le32(body.count) + le32(size)
        out += le16(entry.name.utf8.count) + le16(0) + Array(entry.name.utf8) + body
        if entry.dataDescriptor {
            out += (entry.descriptorSignature ? le32(0x0807_4B50) : []) + le32(Int(crc)) + le32(body.count) + le32(size)
        }
        return out
    }

    static func centralRecord(_ entry: Entry, offset: Int) -> [UInt8] {
        let body = compressed(entry)
        let crc = entry.crc ?? CRC32.checksum(entry.data)
        var out = le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.dataDescriptor ? 8 : 0) + le16(methodNumber(entry))
        out += le16(0) + le16(0) + le32(Int(crc)) + le32(body.count) + le32(entry.declaredSize ?? entry.data.count)
        out += le16(entry.name.utf8.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
        return out + Array(entry.name.utf8)
    }

    static func endRecord(count: Int, centralOffset: Int, centralSize: Int) -> [UInt8] {
        le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count) + le32(centralSize) + le32(centralOffset) + le16(0)
    }

    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16((value >> 16) & 0xFFFF) }
}

/// Hand-made raw DEFLATE (RFC 1951) streams.
enum Deflate {
    /// Stored (uncompressed) blocks of at most 65,535 bytes.
    static func storedBlocks(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        repeat {
            let end = min(start + 65_535, data.count)
            let length = end - start
            out += [end == data.count ? 1 : 0] + ZipBuilder.le16(length) + ZipBuilder.le16(~length & 0xFFFF) + data[start..<end]
            start = end
        } while start < data.count
        return out
    }

    /// One fixed-Huffman block: runs of a repeated byte become length-258, distance-1 matches (how bombs are made).
    static func fixedHuffman(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)
        bits.write(1, count: 2)
        var index = 0
        while index < data.count {
            bits.literal(data[index])
            var run = 0
            while index + 1 + run < data.count, data[index + 1 + run] == data[index] { run += 1 }
            var remaining = run
            while remaining >= 258 {
                bits.huffman(0xC5, length: 8)
                bits.huffman(0, length: 5)
                remaining -= 258
            }
            for _ in 0..<remaining { bits.literal(data[index]) }
            index += 1 + run
        }
        bits.huffman(0, length: 7)
        return bits.bytes
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 8

        mutating func write(_ value: Int, count: Int) {
            for bit in 0..<count {
                if used == 8 { bytes.append(0); used = 0 }
                if (value >> bit) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << used) }
                used += 1
            }
        }

        /// Huffman codes go most significant bit first.
        mutating func huffman(_ code: Int, length: Int) {
            for bit in stride(from: length - 1, through: 0, by: -1) { write((code >> bit) & 1, count: 1) }
        }

        mutating func literal(_ byte: UInt8) {
            if byte < 144 { huffman(0x30 + Int(byte), length: 8) } else { huffman(0x190 + Int(byte) - 144, length: 9) }
        }
    }
}

/// Builds .docx packages from WordprocessingML snippets.
enum DOCXBuilder {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml"
        """

    /// `body` wrapped in `w:document/w:body`.
    static func documentXML(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    /// `styles` wrapped in `w:styles`.
    static func stylesXML(_ styles: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles \(namespaces)>\(styles)</w:styles>"
    }

    static func appXML(pages: Int) -> String {
        "<?xml version=\"1.0\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Pages>\(pages)</Pages></Properties>"
    }

    /// A package with the given parts; `documentXML` is used verbatim when given, else `body` is wrapped.
    static func package(body: String = "", documentXML: String? = nil, styles: String? = nil, appPages: Int? = nil,
                        parts: [(name: String, xml: String)] = [], method: ZipBuilder.Method = .deflateStoredBlocks) -> [UInt8] {
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>", method: method)
        zip.add("word/document.xml", documentXML ?? Self.documentXML(body), method: method)
        if let styles { zip.add("word/styles.xml", stylesXML(styles), method: method) }
        if let appPages { zip.add("docProps/app.xml", appXML(pages: appPages), method: method) }
        for part in parts { zip.add(part.name, part.xml, method: method) }
        return zip.build()
    }

    /// `w:p` with one run of `text` and optional paragraph properties.
    static func paragraph(_ text: String, properties: String = "") -> String {
        "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// Reads `bytes` as a .docx.
    static func read(_ bytes: [UInt8], limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        try DOCXReader.read(bytes: bytes, path: "test.docx", limits: limits)
    }
}
