/// Builds a ZIP archive of stored (uncompressed) entries, for the DOCX harness.
enum StoredZip {
    /// The package parts every .docx has besides the ones the harness fuzzes.
    static let packageEntries: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """.utf8)),
        ("_rels/.rels", Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """.utf8)),
    ]

    /// A complete archive holding `entries` in order.
    static func archive(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        var directory: [UInt8] = []
        for (name, content) in entries {
            let offset = body.count
            let header = fields(name: name, content: content)
            body += le32(0x0403_4b50) + le16(20) + header + Array(name.utf8) + content
            directory += le32(0x0201_4b50) + le16(20) + le16(20) + header
                + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + Array(name.utf8)
        }
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(directory.count)) + le32(UInt32(body.count)) + le16(0)
        return body + directory + end
    }

    /// Flags, method, time, date, CRC, sizes, name length, extra length: shared by both headers.
    private static func fields(name: String, content: [UInt8]) -> [UInt8] {
        le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc32(content))
            + le32(UInt32(content.count)) + le32(UInt32(content.count)) + le16(UInt16(name.utf8.count)) + le16(0)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
