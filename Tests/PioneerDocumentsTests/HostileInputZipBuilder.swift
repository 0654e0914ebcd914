/// Builds ZIP archives byte by byte for the hostile-input tests, including ones no honest tool
/// writes: lying sizes, entries whose local header lies outside the archive, entries sharing data.
struct HostileZip {
    struct Entry {
        var name: String
        /// The bytes stored in the archive (already compressed when `method` is 8).
        var data: [UInt8]
        /// 0 stored, 8 deflated.
        var method: UInt16 = 0
        var crc: UInt32?
        var uncompressedSize: UInt32?
        /// Points the central directory at another offset than where the local header is.
        var localOffsetOverride: UInt32?
        /// Declares another compressed size than the data's.
        var compressedSizeOverride: UInt32?
    }

    var entries: [Entry] = []
    /// Extra central-directory records pointing at an earlier entry's local header.
    var aliases: [(name: String, of: Int)] = []

    /// The archive bytes.
    func bytes() -> [UInt8] {
        var body: [UInt8] = []
        var records: [[UInt8]] = []
        var offsets: [UInt32] = []
        for entry in entries {
            offsets.append(UInt32(body.count))
            body += Self.le32(0x0403_4B50) + Self.le16(20) + fields(entry) + Array(entry.name.utf8) + entry.data
        }
        for (index, entry) in entries.enumerated() {
            records.append(central(entry, offset: entry.localOffsetOverride ?? offsets[index]))
        }
        for alias in aliases {
            var entry = entries[alias.of]
            entry.name = alias.name
            records.append(central(entry, offset: offsets[alias.of]))
        }
        let directory = records.flatMap { $0 }
        return body + directory + Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0)
            + Self.le16(UInt16(records.count)) + Self.le16(UInt16(records.count))
            + Self.le32(UInt32(directory.count)) + Self.le32(UInt32(body.count)) + Self.le16(0)
    }

    /// A minimal valid .docx body part.
    static func documentXML(_ text: String, doctype: String = "") -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + doctype
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:body></w:document>").utf8)
    }

    static let contentTypes = Entry(name: "[Content_Types].xml", data: Array("""
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """.utf8))

    static let relationships = Entry(name: "_rels/.rels", data: Array("""
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """.utf8))

    /// A .docx whose body is `documentXML`.
    static func docx(_ documentXML: [UInt8]) -> [UInt8] {
        HostileZip(entries: [contentTypes, relationships, Entry(name: "word/document.xml", data: documentXML)]).bytes()
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

private extension HostileZip {
    /// Flags through extra length: the part local and central headers share.
    func fields(_ entry: Entry) -> [UInt8] {
        Self.le16(0) + Self.le16(entry.method) + Self.le16(0) + Self.le16(0x21) + Self.le32(entry.crc ?? Self.crc32(entry.data))
            + Self.le32(entry.compressedSizeOverride ?? UInt32(entry.data.count)) + Self.le32(entry.uncompressedSize ?? UInt32(entry.data.count))
            + Self.le16(UInt16(entry.name.utf8.count)) + Self.le16(0)
    }

    func central(_ entry: Entry, offset: UInt32) -> [UInt8] {
        Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20) + fields(entry)
            + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(offset) + Array(entry.name.utf8)
    }
}

/// A raw DEFLATE stream (RFC 1951) of zeros built by hand: one dynamic-Huffman block in which the
/// length-258 code and the distance-1 code are one bit each, so every 2 bits of input repeat 258 zeros
/// (an expansion of about 1000:1, the most DEFLATE allows).
enum ZeroBomb {
    /// A stream inflating to `1 + 258 * copies` zero bytes.
    static func rawDeflate(copies: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)                    // BFINAL
        bits.write(2, count: 2)                    // BTYPE = dynamic Huffman
        bits.write(29, count: 5)                   // HLIT: 286 literal/length codes
        bits.write(0, count: 5)                    // HDIST: 1 distance code
        bits.write(14, count: 4)                   // HCLEN: 18 code-length codes
        // Code-length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
        // symbol 18 gets 1 bit (code 0), symbols 1 and 2 get 2 bits (codes 10 and 11).
        for length in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] { bits.write(UInt32(length), count: 3) }
        let one: (UInt32, Int) = (0b10, 2), two: (UInt32, Int) = (0b11, 2), run: (UInt32, Int) = (0b0, 1)
        bits.huffman(two)                                           // literal 0: length 2
        bits.huffman(run); bits.write(138 - 11, count: 7)           // literals 1...138: unused
        bits.huffman(run); bits.write(117 - 11, count: 7)           // literals 139...255: unused
        bits.huffman(two)                                           // 256 end of block: length 2
        bits.huffman(run); bits.write(28 - 11, count: 7)            // lengths 257...284: unused
        bits.huffman(one)                                           // 285 (length 258): length 1
        bits.huffman(one)                                           // distance code 0: length 1
        // Literal/length codes: 285 -> 0, literal 0 -> 10, end of block -> 11; distance 0 -> 0.
        bits.huffman((0b10, 2))
        for _ in 0..<copies { bits.write(0, count: 2) }
        bits.huffman((0b11, 2))
        return bits.bytes
    }
}

/// Writes bits least-significant first, as DEFLATE packs them.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var used = 8

    mutating func write(_ value: UInt32, count: Int) {
        for index in 0..<count { append(bit: (value >> index) & 1) }
    }

    /// A Huffman code: its bits go most-significant first.
    mutating func huffman(_ code: (UInt32, Int)) {
        for index in stride(from: code.1 - 1, through: 0, by: -1) { append(bit: (code.0 >> index) & 1) }
    }

    private mutating func append(bit: UInt32) {
        if used == 8 { bytes.append(0); used = 0 }
        bytes[bytes.count - 1] |= UInt8(bit << used)
        used += 1
    }
}
