/// A read-only ZIP archive held in memory: the central directory is parsed and checked against
/// every local header up front; entry data is decompressed on request within the reader limits.
struct ZipArchive: Sendable {
    static let endOfCentralDirectorySignature = 0x0605_4B50
    static let zip64LocatorSignature = 0x0706_4B50
    static let centralHeaderSignature = 0x0201_4B50
    static let localHeaderSignature = 0x0403_4B50
    static let dataDescriptorSignature = 0x0807_4B50

    let bytes: [UInt8]
    let limits: ReaderLimits
    /// Entries in central directory order.
    private(set) var entries: [ZipEntry] = []
    /// Decompressed bytes handed out so far, against `limits.maxTotalInflatedBytes`.
    private(set) var totalInflated = 0

    /// Parses and validates the archive structure; no entry is decompressed yet.
    init(bytes: [UInt8], limits: ReaderLimits) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        let directory = try findEndOfCentralDirectory()
        var parsed = try readCentralDirectory(directory)
        for index in parsed.indices {
            try readLocalHeader(&parsed[index], centralDirectoryOffset: directory.offset)
        }
        try checkNoOverlap(parsed)
        entries = parsed
    }

    /// The entry called `name` (exact match), if any.
    func entry(named name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// The decompressed, CRC-checked contents of `entry`.
    mutating func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        let allowed = try allowedOutput(for: entry)
        guard let raw = bytes.zipSlice(at: entry.dataOffset, length: entry.compressedSize) else {
            throw .truncated("entry '\(entry.name)' runs past the end of the file")
        }
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(raw)
        case 8:
            do {
                output = try Inflate.inflate(Array(raw), container: .raw, maxOutput: min(allowed, entry.uncompressedSize) + 1)
            } catch {
                if case .outputLimit = error {
                    throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: nil)
                }
                throw .corruptData(entry: entry.name, why: error.description)
            }
        default:
            throw .unsupportedMethod(entry: entry.name, method: entry.method)
        }
        guard output.count == entry.uncompressedSize else {
            throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: output.count)
        }
        guard CRC32.checksum(output) == entry.crc else { throw .crcMismatch(entry.name) }
        totalInflated += output.count
        return output
    }
}

private extension ZipArchive {
    struct EndOfCentralDirectory {
        var offset: Int
        var size: Int
        var entryCount: Int
    }

    /// end of central directory := sig(4) disk(2) cdDisk(2) diskEntries(2) entries(2) size(4) offset(4) commentLength(2) comment
    func findEndOfCentralDirectory() throws(ZipError) -> EndOfCentralDirectory {
        guard bytes.count >= 22 else { throw bytes.count >= 4 && bytes.zipUInt32(at: 0) == Self.localHeaderSignature ? .truncated("too short") : .notZip }
        let lowest = max(0, bytes.count - 65_557)
        var position = bytes.count - 22
        while position >= lowest {
            if bytes.zipUInt32(at: position) == Self.endOfCentralDirectorySignature,
               let commentLength = bytes.zipUInt16(at: position + 20), position + 22 + commentLength <= bytes.count {
                return try parseEndRecord(at: position)
            }
            position -= 1
        }
        throw bytes.zipUInt32(at: 0) == Self.localHeaderSignature ? .truncated("the end of central directory record is missing") : .notZip
    }

    func parseEndRecord(at position: Int) throws(ZipError) -> EndOfCentralDirectory {
        if position >= 20, bytes.zipUInt32(at: position - 20) == Self.zip64LocatorSignature { throw .zip64Unsupported }
        guard let disk = bytes.zipUInt16(at: position + 4), let cdDisk = bytes.zipUInt16(at: position + 6),
              let diskEntries = bytes.zipUInt16(at: position + 8), let entries = bytes.zipUInt16(at: position + 10),
              let size = bytes.zipUInt32(at: position + 12), let offset = bytes.zipUInt32(at: position + 16) else {
            throw .truncated("incomplete end of central directory record")
        }
        if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { throw .zip64Unsupported }
        guard disk == 0, cdDisk == 0, diskEntries == entries else { throw .multiDiskUnsupported }
        guard offset <= position, size <= position - offset else {
            throw .badCentralDirectory("it lies outside the file (offset \(offset), size \(size))")
        }
        guard entries <= limits.maxObjects else { throw .tooManyEntries(count: entries, limit: limits.maxObjects) }
        return EndOfCentralDirectory(offset: offset, size: size, entryCount: entries)
    }

    /// central header := sig(4) made(2) needed(2) flags(2) method(2) time(2) date(2) crc(4) csize(4) usize(4)
    ///                   nameLength(2) extraLength(2) commentLength(2) disk(2) internal(2) external(4) localOffset(4) name extra comment
    func readCentralDirectory(_ directory: EndOfCentralDirectory) throws(ZipError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        var names = Set<String>()
        var position = directory.offset
        let end = directory.offset + directory.size
        for index in 0..<directory.entryCount {
            guard position + 46 <= end, bytes.zipUInt32(at: position) == Self.centralHeaderSignature,
                  let flags = bytes.zipUInt16(at: position + 8), let method = bytes.zipUInt16(at: position + 10),
                  let crc = bytes.zipUInt32(at: position + 16), let compressed = bytes.zipUInt32(at: position + 20),
                  let uncompressed = bytes.zipUInt32(at: position + 24), let nameLength = bytes.zipUInt16(at: position + 28),
                  let extraLength = bytes.zipUInt16(at: position + 30), let commentLength = bytes.zipUInt16(at: position + 32),
                  let localOffset = bytes.zipUInt32(at: position + 42),
                  let nameBytes = bytes.zipSlice(at: position + 46, length: nameLength) else {
                throw .badCentralDirectory("record \(index + 1) of \(directory.entryCount) is missing or damaged")
            }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { throw .zip64Unsupported }
            let entry = ZipEntry(name: String(decoding: nameBytes, as: UTF8.self), method: method, flags: flags, crc: UInt32(crc),
                                 compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset)
            if entry.hasUnsafeName { throw .unsafeName(entry.name) }
            guard names.insert(entry.name).inserted else { throw .duplicateName(entry.name) }
            entries.append(entry)
            position += 46 + nameLength + extraLength + commentLength
        }
        guard position <= end else { throw .badCentralDirectory("records run past its declared size") }
        return entries
    }

    /// local header := sig(4) needed(2) flags(2) method(2) time(2) date(2) crc(4) csize(4) usize(4) nameLength(2) extraLength(2) name extra
    func readLocalHeader(_ entry: inout ZipEntry, centralDirectoryOffset: Int) throws(ZipError) {
        let at = entry.localHeaderOffset
        guard at + 30 <= centralDirectoryOffset else { throw .badLocalHeader(entry: entry.name, why: "it lies outside the data area") }
        guard bytes.zipUInt32(at: at) == Self.localHeaderSignature, let method = bytes.zipUInt16(at: at + 8),
              let crc = bytes.zipUInt32(at: at + 14), let compressed = bytes.zipUInt32(at: at + 18),
              let uncompressed = bytes.zipUInt32(at: at + 22), let nameLength = bytes.zipUInt16(at: at + 26),
              let extraLength = bytes.zipUInt16(at: at + 28), let nameBytes = bytes.zipSlice(at: at + 30, length: nameLength) else {
            throw .badLocalHeader(entry: entry.name, why: "no local header signature")
        }
        if entry.isEncrypted { throw .encryptedEntry(entry.name) }
        guard String(decoding: nameBytes, as: UTF8.self) == entry.name else { throw .badLocalHeader(entry: entry.name, why: "the name differs from the central directory") }
        guard method == entry.method else { throw .badLocalHeader(entry: entry.name, why: "the compression method differs from the central directory") }
        if !entry.hasDataDescriptor, UInt32(crc) != entry.crc || compressed != entry.compressedSize || uncompressed != entry.uncompressedSize {
            throw .badLocalHeader(entry: entry.name, why: "CRC or sizes differ from the central directory")
        }
        entry.dataOffset = at + 30 + nameLength + extraLength
        entry.endOffset = entry.dataOffset + entry.compressedSize
        guard entry.endOffset <= centralDirectoryOffset else { throw .truncated("entry '\(entry.name)' runs into the central directory") }
        if entry.hasDataDescriptor { try readDataDescriptor(&entry) }
        guard entry.endOffset <= centralDirectoryOffset else { throw .truncated("the data descriptor of '\(entry.name)' runs into the central directory") }
    }

    /// data descriptor := [sig(4)] crc(4) csize(4) usize(4)
    func readDataDescriptor(_ entry: inout ZipEntry) throws(ZipError) {
        var at = entry.endOffset
        if bytes.zipUInt32(at: at) == Self.dataDescriptorSignature { at += 4 }
        guard let crc = bytes.zipUInt32(at: at), let compressed = bytes.zipUInt32(at: at + 4), let uncompressed = bytes.zipUInt32(at: at + 8) else {
            throw .truncated("the data descriptor of '\(entry.name)' is missing")
        }
        guard UInt32(crc) == entry.crc, compressed == entry.compressedSize, uncompressed == entry.uncompressedSize else {
            throw .badLocalHeader(entry: entry.name, why: "the data descriptor differs from the central directory")
        }
        entry.endOffset = at + 12
    }

    func checkNoOverlap(_ entries: [ZipEntry]) throws(ZipError) {
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where next.localHeaderOffset < previous.endOffset {
            throw .overlappingEntries(previous.name, next.name)
        }
    }

    /// The most output `entry` may produce: its own limit, the ratio limit (not below 64 KiB) and what is left of the total.
    func allowedOutput(for entry: ZipEntry) throws(ZipError) -> Int {
        guard entry.uncompressedSize <= limits.maxInflatedBytes else { throw .entryTooLarge(entry: entry.name, limit: limits.maxInflatedBytes) }
        let (product, overflow) = max(entry.compressedSize, 1).multipliedReportingOverflow(by: max(limits.maxInflateRatio, 1))
        let byRatio = overflow ? Int.max : max(product, 65_536)
        guard entry.uncompressedSize <= byRatio else { throw .ratioExceeded(entry: entry.name, limit: limits.maxInflateRatio) }
        guard entry.uncompressedSize <= limits.maxTotalInflatedBytes - totalInflated else {
            throw .totalTooLarge(entry: entry.name, limit: limits.maxTotalInflatedBytes)
        }
        return min(limits.maxInflatedBytes, byRatio, limits.maxTotalInflatedBytes - totalInflated)
    }
}
