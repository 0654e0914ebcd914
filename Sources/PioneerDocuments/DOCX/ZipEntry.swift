/// One file in a ZIP archive, as its central directory record and local header describe it.
struct ZipEntry: Sendable, Hashable {
    var name: String
    /// 0 stored, 8 deflated.
    var method: Int
    var flags: Int
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    /// Offset of the local file header.
    var localHeaderOffset: Int
    /// Offset of the first byte of the entry's data (after the local header); set once the local header is read.
    var dataOffset: Int = 0
    /// One past the last byte the entry occupies, data descriptor included.
    var endOffset: Int = 0

    /// Bit 0: the entry is encrypted.
    var isEncrypted: Bool { flags & 0x1 != 0 }
    /// Bit 3: CRC and sizes follow the data in a data descriptor.
    var hasDataDescriptor: Bool { flags & 0x8 != 0 }

    /// True when the name is absolute, a drive path or climbs out with `..`.
    var hasUnsafeName: Bool {
        if name.hasPrefix("/") || name.hasPrefix("\\") { return true }
        let scalars = Array(name.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return true }
        let components = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return components.contains("..")
    }
}
