import Testing
@testable import PioneerDocuments

@Suite("PDF stream filters")
struct PDFFilterTests {
    let store = ObjectStore(bytes: [], limits: .default)

    func decode(_ data: [UInt8], _ dict: String, maxOutput: Int = 1 << 20) throws -> [UInt8]? {
        try decodeNotingDamage(data, dict, maxOutput: maxOutput).output
    }

    /// `decode`, and whether the filters found the data damaged.
    func decodeNotingDamage(_ data: [UInt8], _ dict: String, maxOutput: Int = 1 << 20) throws -> (output: [UInt8]?, damaged: Bool) {
        var parser = PDFParser(lexer: PDFLexer(bytes: Array(dict.utf8)), maxDepth: 16)
        let parsed = try parser.parseObject().dictValue ?? PDFDict()
        var damaged = false
        let output = try Filters.decode(data, dict: parsed, store: store, maxOutput: maxOutput, damaged: &damaged)
        return (output, damaged)
    }

    @Test("FlateDecode inflates a zlib stream, end to end through a page")
    func flate() throws {
        let deflated: [UInt8] = [120, 156, 115, 10, 81, 208, 119, 51, 84, 48, 52, 82, 8, 73, 83, 48, 55, 82, 48, 55, 48, 80, 8, 73, 81, 208,
                                 112, 73, 77, 203, 73, 44, 73, 77, 81, 40, 73, 173, 40, 209, 84, 8, 201, 82, 112, 13, 1, 0, 241, 194, 11, 216]
        var builder = PDFBuilder()
        builder.pages([""])
        builder.objects.removeAll { $0.num == 11 }
        builder.addStream(11, dict: "/Filter /FlateDecode", data: deflated)
        #expect(try PDFBuilder.text(builder.build()) == "Deflated text")
    }

    @Test("a Flate stream with a wrong checksum keeps all its text; the strict inflate still rejects it")
    func wrongChecksum() throws {
        var deflated: [UInt8] = [120, 156, 115, 10, 81, 208, 119, 51, 84, 48, 52, 82, 8, 73, 83, 48, 55, 82, 48, 55, 48, 80, 8, 73, 81,
                                 208, 112, 206, 72, 77, 206, 46, 46, 205, 213, 84, 8, 201, 82, 112, 13, 1, 0, 183, 91, 10, 13]
        deflated[deflated.count - 1] ^= 0xFF
        let (decoded, damaged) = try decodeNotingDamage(deflated, "<< /Filter /FlateDecode >>")
        let out = try #require(decoded)
        #expect(String(decoding: out, as: UTF8.self) == "BT /F1 12 Tf 72 700 Td (Checksum) Tj ET")
        #expect(!damaged)
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate(deflated, container: .zlib, maxOutput: 1 << 20) }
    }

    @Test("a truncated Flate stream yields what was decoded before the cut")
    func truncatedFlate() throws {
        let deflated: [UInt8] = [120, 156, 115, 10, 81, 208, 119, 51, 84, 48, 52, 82, 8, 73, 83, 48, 55, 82, 48, 55, 48, 80, 8, 73, 81, 208, 112]
        let (decoded, damaged) = try decodeNotingDamage(deflated, "<< /Filter /FlateDecode >>")
        let out = try #require(decoded)
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("BT /F1 12 Tf"))
        #expect(damaged)
    }

    @Test("a Flate stream without its zlib header and checksum is read as raw DEFLATE, whole")
    func rawFlate() throws {
        let deflated: [UInt8] = [120, 156, 115, 10, 81, 208, 119, 51, 84, 48, 52, 82, 8, 73, 83, 48, 55, 82, 48, 55, 48, 80, 8, 73, 81,
                                 208, 112, 206, 72, 77, 206, 46, 46, 205, 213, 84, 8, 201, 82, 112, 13, 1, 0, 183, 91, 10, 13]
        let (decoded, damaged) = try decodeNotingDamage(Array(deflated[2..<(deflated.count - 4)]), "<< /Filter /FlateDecode >>")
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == "BT /F1 12 Tf 72 700 Td (Checksum) Tj ET")
        #expect(!damaged)
    }

    @Test("the PNG Up predictor is undone")
    func pngPredictor() throws {
        let data: [UInt8] = [120, 156, 99, 98, 100, 98, 102, 98, 102, 97, 5, 0, 0, 88, 0, 23]
        let out = try decode(data, "<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 3 >> >>")
        #expect(out == [1, 2, 3, 4, 6, 8])
    }

    @Test("ASCIIHexDecode ignores whitespace and pads an odd digit")
    func asciiHex() throws {
        #expect(try decode(Array("48 65 6c6C 6>".utf8), "<< /Filter /ASCIIHexDecode >>") == Array("Hell`".utf8))
    }

    @Test("ASCII85Decode decodes groups, the final partial group and 'z'")
    func ascii85() throws {
        #expect(try decode(Array("<~87cURD_*\"s;aX,J3&Mh&DfTZ)~>".utf8), "<< /Filter /A85 >>") == Array("Hello, ASCII85 world".utf8))
        #expect(try decode(Array("z~>".utf8), "<< /Filter /ASCII85Decode >>") == [0, 0, 0, 0])
    }

    @Test("LZWDecode decodes the example of ISO 32000-1 §7.4.4.2")
    func lzw() throws {
        let encoded: [UInt8] = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01]
        #expect(try decode(encoded, "<< /Filter /LZWDecode >>") == Array("-----A---B".utf8))
    }

    @Test("RunLengthDecode copies literal runs and repeats bytes")
    func runLength() throws {
        #expect(try decode([2, 65, 66, 67, 254, 120, 128], "<< /Filter /RunLengthDecode >>") == Array("ABCxxx".utf8))
    }

    @Test("filter chains apply in order")
    func chain() throws {
        #expect(try decode(Array("3C7E38376355527E3E>".utf8), "<< /Filter [/AHx /A85] >>") == Array("Hell".utf8))
    }

    @Test("image filters are not decoded")
    func imageFilter() throws {
        #expect(try decode([1, 2, 3], "<< /Filter /DCTDecode >>") == nil)
    }

    @Test("output beyond the limit is refused")
    func limit() {
        #expect(throws: PDFError.inflateLimit(3)) { try decode([253, 120], "<< /Filter /RunLengthDecode >>", maxOutput: 3) }
    }

    @Test("a stream that decompresses past maxInflatedBytes is a limit error for the document")
    func documentLimit() {
        var limits = ReaderLimits()
        limits.maxInflatedBytes = 10
        var builder = PDFBuilder()
        builder.pages([""])
        builder.objects.removeAll { $0.num == 11 }
        builder.addStream(11, dict: "/Filter /RunLengthDecode", data: [129, 32, 129, 32, 128])
        #expect(throws: DocumentError(path: "test.pdf", reason: .limitExceeded("a stream decompresses to more than 10 bytes"))) {
            try PDFBuilder.read(builder.build(), limits: limits)
        }
    }
}
