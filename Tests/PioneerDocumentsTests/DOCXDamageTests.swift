import Testing
@testable import PioneerDocuments

/// Damaged packages must give a document or a `DocumentError`, never a trap.
@Suite("DOCX damage")
struct DOCXDamageTests {
    static let original: [UInt8] = {
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
        let body = DOCXBuilder.paragraph("Vision", properties: "<w:pStyle w:val=\"Heading1\"/>")
            + "<w:tbl><w:tr><w:tc>\(DOCXBuilder.paragraph("Owner"))</w:tc><w:tc>\(DOCXBuilder.paragraph("Jane Smith"))</w:tc></w:tr></w:tbl>"
            + String(repeating: DOCXBuilder.paragraph("We will pool budgets from April 2014."), count: 20)
        return DOCXBuilder.package(body: body, styles: styles, appPages: 1, method: .deflateFixedHuffman)
    }()

    /// A deterministic generator (64-bit LCG) so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func outcome(_ bytes: [UInt8]) -> Bool {
        do {
            let document = try DOCXReader.read(bytes: bytes, path: "damaged.docx", limits: .default)
            return document.pages.enumerated().allSatisfy { $0.element.number == $0.offset + 1 }
                && document.blocks.allSatisfy { $0.page >= 1 && $0.page <= document.pages.count && $0.line >= 1 }
        } catch {
            return !error.message.isEmpty
        }
    }

    @Test("the undamaged package reads")
    func original() throws {
        let document = try DOCXReader.read(bytes: Self.original, path: "ok.docx", limits: .default)
        #expect(document.blocks.first?.kind == .heading(level: 1))
        #expect(document.wordCount == 1 + 3 + 7 * 20)
    }

    @Test("every truncation gives a document or a clear error")
    func truncations() {
        for length in stride(from: 0, to: Self.original.count, by: 7) {
            #expect(Self.outcome(Array(Self.original.prefix(length))), "truncated to \(length) bytes")
        }
    }

    @Test("random byte changes give a document or a clear error", arguments: 1...4)
    func corruptions(seed: Int) {
        var generator = Generator(state: UInt64(seed))
        for _ in 0..<150 {
            var bytes = Self.original
            for _ in 0..<(1 + generator.next(4)) {
                bytes[generator.next(bytes.count)] = UInt8(generator.next(256))
            }
            #expect(Self.outcome(bytes))
        }
    }

    @Test("damaged XML inside a sound ZIP gives a document or a clear error", arguments: 1...4)
    func damagedXML(seed: Int) {
        var generator = Generator(state: UInt64(seed) &* 7_919)
        let xml = Array(DOCXBuilder.documentXML(String(repeating: "<w:p><w:pPr><w:pStyle w:val=\"H\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr>"
            + "<w:r><w:t>text</w:t><w:br w:type=\"page\"/><w:lastRenderedPageBreak/></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", count: 5)).utf8)
        let alphabet = Array("<>/=\"w:pt &;!-?[]x0".utf8)
        for _ in 0..<100 {
            var bytes = xml
            for _ in 0..<(1 + generator.next(3)) {
                bytes[generator.next(bytes.count)] = alphabet[generator.next(alphabet.count)]
            }
            var zip = ZipBuilder()
            zip.entries.append(.init(name: "word/document.xml", data: bytes, method: .stored))
            #expect(Self.outcome(zip.build()))
        }
    }
}
