import Testing
@testable import PioneerDocuments

@Suite("ZIP archive")
struct ZipArchiveTests {
    static let text = String(repeating: "The pioneer bid names Jane Smith as the accountable officer. ", count: 40)

    static func contents(_ zip: ZipBuilder, _ name: String, limits: ReaderLimits = .default) throws(ZipError) -> [UInt8] {
        var archive = try ZipArchive(bytes: zip.build(), limits: limits)
        guard let entry = archive.entry(named: name) else { return [] }
        return try archive.contents(of: entry)
    }

    static func reason(_ body: () throws -> Void) -> DocumentError.Reason? {
        do {
            try body()
            return nil
        } catch let error as ZipError {
            return error.reason
        } catch {
            return .unreadableFile("unexpected error \(error)")
        }
    }

    @Test("stored, stored-block deflate and fixed-Huffman deflate entries read back", arguments: [ZipBuilder.Method.stored, .deflateStoredBlocks, .deflateFixedHuffman])
    func methods(method: ZipBuilder.Method) throws {
        var zip = ZipBuilder()
        zip.add("word/document.xml", Self.text, method: method)
        #expect(try Self.contents(zip, "word/document.xml") == Array(Self.text.utf8))
    }

    @Test("CRC-32 matches the standard check value")
    func crcCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("data descriptors with and without their signature", arguments: [true, false])
    func dataDescriptor(signature: Bool) throws {
        var zip = ZipBuilder()
        zip.entries.append(.init(name: "a.xml", data: Array(Self.text.utf8), dataDescriptor: true, descriptorSignature: signature))
        zip.add("b.xml", "second")
        #expect(try Self.contents(zip, "b.xml") == Array("second".utf8))
        #expect(try Self.contents(zip, "a.xml").count == Self.text.utf8.count)
    }

    @Test("a wrong CRC is malformed")
    func crcMismatch() {
        var zip = ZipBuilder()
        zip.entries.append(.init(name: "a.xml", data: Array(Self.text.utf8), crc: 0x1234_5678))
        #expect(Self.reason { _ = try Self.contents(zip, "a.xml") } == .malformed("ZIP entry 'a.xml' fails its CRC-32 check"))
    }

    @Test("a declared size that differs from the data is malformed")
    func sizeMismatch() {
        var zip = ZipBuilder()
        zip.entries.append(.init(name: "a.xml", data: Array(Self.text.utf8), declaredSize: 10))
        guard case .malformed(let why)? = Self.reason({ _ = try Self.contents(zip, "a.xml") }) else { Issue.record("no error"); return }
        #expect(why.contains("declares 10 bytes"))
    }

    @Test("a zip bomb by ratio is refused before inflating, naming the entry")
    func bombByRatio() {
        var zip = ZipBuilder()
        zip.entries.append(.init(name: "word/document.xml", data: [UInt8](repeating: 0x41, count: 1_000_000), method: .deflateFixedHuffman))
        var limits = ReaderLimits()
        limits.maxInflateRatio = 50
        #expect(Self.reason { _ = try Self.contents(zip, "word/document.xml", limits: limits) }
                == .limitExceeded("ZIP entry 'word/document.xml' expands more than 50 times its compressed size (zip bomb)"))
    }

    @Test("a bomb that understates its size stops at the declared size")
    func lyingBomb() {
        var zip = ZipBuilder()
        zip.entries.append(.init(name: "word/document.xml", data: [UInt8](repeating: 0x41, count: 300_000), method: .deflateFixedHuffman, declaredSize: 1_000))
        #expect(Self.reason { _ = try Self.contents(zip, "word/document.xml") }
                == .malformed("ZIP entry 'word/document.xml' declares 1000 bytes but holds more"))
    }

    @Test("per-entry and total output limits")
    func outputLimits() {
        var zip = ZipBuilder()
        zip.add("a.xml", Self.text)
        var limits = ReaderLimits()
        limits.maxInflatedBytes = 100
        #expect(Self.reason { _ = try Self.contents(zip, "a.xml", limits: limits) } == .limitExceeded("ZIP entry 'a.xml' expands to more than 100 bytes"))
        limits = ReaderLimits()
        limits.maxTotalInflatedBytes = 100
        guard case .limitExceeded(let why)? = Self.reason({ _ = try Self.contents(zip, "a.xml", limits: limits) }) else { Issue.record("no error"); return }
        #expect(why.contains("in total at entry 'a.xml'"))
    }

    @Test("names that are absolute or climb out are malformed", arguments: ["../x", "word/../../x", "/etc/passwd", "C:\\x", "a\\..\\b"])
    func unsafeNames(name: String) {
        var zip = ZipBuilder()
        zip.add(name, "x")
        #expect(Self.reason { _ = try ZipArchive(bytes: zip.build(), limits: .default) } == .malformed("ZIP entry name '\(name)' is absolute or contains '..'"))
    }

    @Test("an entry whose local header lies inside another entry's data is refused")
    func overlapping() {
        let inner = ZipBuilder.Entry(name: "b", data: Array("hidden".utf8), method: .stored)
        let outer = ZipBuilder.Entry(name: "a", data: ZipBuilder.localRecord(inner), method: .stored)
        let local = ZipBuilder.localRecord(outer)
        let central = ZipBuilder.centralRecord(outer, offset: 0) + ZipBuilder.centralRecord(inner, offset: 31)
        let bytes = local + central + ZipBuilder.endRecord(count: 2, centralOffset: local.count, centralSize: central.count)
        #expect(Self.reason { _ = try ZipArchive(bytes: bytes, limits: .default) } == .malformed("ZIP entries 'a' and 'b' overlap"))
    }

    @Test("a truncated archive is malformed, however it is cut", arguments: [10, 200, 600, 900])
    func truncated(keep: Int) {
        var zip = ZipBuilder()
        zip.add("a.xml", Self.text)
        zip.add("b.xml", Self.text)
        let bytes = Array(zip.build().prefix(keep))
        guard case .malformed? = Self.reason({ _ = try ZipArchive(bytes: bytes, limits: .default) }) else {
            Issue.record("expected malformed for \(keep) bytes")
            return
        }
    }

    @Test("too many entries, ZIP64 and non-ZIP input are refused")
    func structuralLimits() {
        var zip = ZipBuilder()
        zip.add("a.xml", "a")
        zip.add("b.xml", "b")
        var limits = ReaderLimits()
        limits.maxObjects = 1
        #expect(Self.reason { _ = try ZipArchive(bytes: zip.build(), limits: limits) } == .limitExceeded("the ZIP archive has 2 entries, more than the limit of 1"))
        let zip64 = ZipBuilder.le32(0x0706_4B50) + [UInt8](repeating: 0, count: 16) + ZipBuilder.endRecord(count: 0, centralOffset: 20, centralSize: 0)
        #expect(Self.reason { _ = try ZipArchive(bytes: zip64, limits: .default) } == .malformed("ZIP64 archives are not supported"))
        #expect(Self.reason { _ = try ZipArchive(bytes: Array("just some text, not a zip file".utf8), limits: .default) } == ZipError.notZip.reason)
    }

    @Test("a local header that disagrees with the central directory is refused")
    func inconsistentLocalHeader() {
        var zip = ZipBuilder()
        zip.add("a.xml", Self.text, method: .stored)
        var bytes = zip.build()
        bytes[8] = 8
        guard case .malformed(let why)? = Self.reason({ _ = try ZipArchive(bytes: bytes, limits: .default) }) else { Issue.record("no error"); return }
        #expect(why.contains("compression method differs"))
    }
}
