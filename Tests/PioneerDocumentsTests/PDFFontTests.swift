import Testing
@testable import PioneerDocuments

@Suite("PDF fonts and encodings")
struct PDFFontTests {
    /// A one-page document using `font` (object 3) and an optional ToUnicode stream (object 4).
    func text(font: String, toUnicode: String? = nil, content: String) throws -> String {
        var builder = PDFBuilder()
        builder.pages([content], font: font)
        if let toUnicode { builder.addStream(4, text: toUnicode) }
        return try PDFBuilder.text(builder.build())
    }

    @Test("a direct font dictionary's key: the same whatever the order of its entries, nil when large")
    func directFontKey() {
        var first = PDFDict(), second = PDFDict()
        first["Type"] = .name("Font"); first["BaseFont"] = .ref(PDFRef(num: 3, gen: 0)); first["Widths"] = .array([.int(1), .real(2.5)])
        second["Widths"] = .array([.int(1), .real(2.5)]); second["BaseFont"] = .ref(PDFRef(num: 3, gen: 0)); second["Type"] = .name("Font")
        #expect(FontResources.key(of: first) != nil)
        #expect(FontResources.key(of: first) == FontResources.key(of: second))
        second["BaseFont"] = .ref(PDFRef(num: 4, gen: 0))
        #expect(FontResources.key(of: first) != FontResources.key(of: second))
        var large = PDFDict()
        large["Widths"] = .array(Array(repeating: .int(500), count: 2_000))
        #expect(FontResources.key(of: large) == nil)
    }

    @Test("the same direct font dictionary on every page reads the same on every page")
    func directFontOnEveryPage() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /B] >> >>"
        var builder = PDFBuilder()
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        builder.add(2, "<< /Type /Pages /Kids [10 0 R 12 0 R] /Count 2 >>")
        for (index, page) in [10, 12].enumerated() {
            builder.add(page, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 \(font) >> >> /Contents \(page + 1) 0 R >>")
            builder.addStream(page + 1, text: "BT /F1 12 Tf 72 700 Td (A\(index)) Tj ET")
        }
        let document = try PDFBuilder.read(builder.build())
        #expect(document.pages.map { $0.blocks.map(\.text) } == [["B0"], ["B1"]])
    }

    @Test("/W widths: lists and ranges are read, and overlapping ranges stop at the write budget")
    func cidWidthRanges() throws {
        let loader = FontLoader(store: ObjectStore(bytes: [], limits: .default))
        let widths = try loader.cidWidths([.int(1), .array([.int(500), .int(600)]), .int(10), .int(12), .int(250)])
        #expect(widths == [1: 500, 2: 600, 10: 250, 11: 250, 12: 250])
        // 1,000 copies of "0 65535 500": 65.5 million writes asked for, four times 65,536 done.
        let hostile = (0..<1_000).flatMap { _ in [PDFObject.int(0), .int(65_535), .int(500)] } + [.int(70_000), .int(70_001), .int(9)]
        let capped = try loader.cidWidths(hostile)
        #expect(capped.count == 65_536)
        #expect(capped[70_000] == nil)
    }

    @Test("code texts built from scalars match those built from strings, code by code")
    func codeTextsFromScalars() {
        let scalars = Encodings.winAnsi + [0x41]
        let strings = (0..<256).map { code -> String in
            guard scalars[code] != 0, let scalar = Unicode.Scalar(scalars[code]) else { return "" }
            return String(Character(scalar))
        }
        let fromScalars = CodeTexts(scalars: scalars)
        let fromStrings = CodeTexts(strings)
        for code in 0..<256 {
            var a: [UInt8] = [], b: [UInt8] = []
            #expect(fromScalars.append([UInt8(code)], to: &a) && fromStrings.append([UInt8(code)], to: &b))
            #expect(a == b, "code \(code)")
        }
        var all: [UInt8] = []
        #expect(fromScalars.append((0...255).map { UInt8($0) }, to: &all))
        #expect(String(decoding: all, as: UTF8.self).contains("€"))
    }

    @Test("text shown before any Tf uses the WinAnsi fallback, widths and all")
    func fallbackFont() throws {
        let content = "BT 72 700 Td (caf\\351 \\200 5) Tj ET"
        #expect(try PDFBuilder.text(PDFBuilder.document(pages: [content])) == "café € 5")
    }

    static func cmap(_ body: String) -> String {
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\(body)\nendcmap end end"
    }

    @Test("WinAnsiEncoding maps high codes")
    func winAnsi() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        #expect(try text(font: font, content: "BT /F1 12 Tf 72 700 Td (caf\\351 \\223quoted\\224 \\226 dash) Tj ET") == "café “quoted” – dash")
    }

    @Test("MacRomanEncoding maps high codes")
    func macRoman() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding >>"
        #expect(try text(font: font, content: "BT /F1 12 Tf 72 700 Td (caf\\216 \\245) Tj ET") == "café •")
    }

    @Test("StandardEncoding is the default of Type1 fonts")
    func standard() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"
        #expect(try text(font: font, content: "BT /F1 12 Tf 72 700 Td (it's \\256ne) Tj ET") == "it’s fine")
    }

    @Test("Symbol and ZapfDingbats use their built-in encodings")
    func symbolic() throws {
        #expect(try text(font: "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>", content: "BT /F1 12 Tf 72 700 Td (abg) Tj ET") == "αβγ")
        #expect(try text(font: "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>", content: "BT /F1 12 Tf 72 700 Td (\\254) Tj ET") == "①")
    }

    @Test("/Differences glyph names map through the glyph list")
    func differences() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /X /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [1 /f_f_i /uni00E9 /bullet /quotedblleft /emdash /afii10017 /eacute] >> >>"
        #expect(try text(font: font, content: "BT /F1 12 Tf 72 700 Td (\\001x\\002\\003\\004\\005\\006\\007) Tj ET") == "ffixé•“—Аé")
    }

    @Test("ToUnicode bfchar and both bfrange forms override the encoding")
    func toUnicode() throws {
        let map = Self.cmap("2 beginbfchar\n<01> <0048>\n<02> <00660069>\nendbfchar\n2 beginbfrange\n<10> <12> <0061>\n<20> <21> [<0058> <0059>]\nendbfrange")
        let font = "<< /Type /Font /Subtype /TrueType /BaseFont /X /ToUnicode 4 0 R >>"
        #expect(try text(font: font, toUnicode: map, content: "BT /F1 12 Tf 72 700 Td <0102101112 2021> Tj ET") == "HfiabcXY")
    }

    @Test("Type0 Identity-H fonts read two-byte codes through ToUnicode, widths from /W")
    func identityH() throws {
        let map = Self.cmap("3 beginbfchar\n<0024> <0041>\n<0025> <0042>\n<0003> <0020>\nendbfchar")
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 4 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /W [3 [250] 36 37 600] /FontDescriptor << /FontFile2 9 0 R >> >>] >>"
        #expect(try text(font: font, toUnicode: map, content: "BT /F1 12 Tf 72 700 Td <002400250003002400240025> Tj ET") == "AB AAB")
    }

    @Test("a non-embedded Identity-H TrueType font without ToUnicode uses the standard glyph order")
    func standardGlyphOrder() throws {
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /CIDToGIDMap /Identity /FontDescriptor << /FontName /Arial >> >>] >>"
        #expect(try text(font: font, content: "BT /F1 12 Tf 72 700 Td <002B00480053> Tj ET") == "Hep")
    }

    @Test("a ToUnicode destination longer than 512 bytes is cut there")
    func longDestinationIsCut() {
        let long = String(repeating: "0041", count: 5_000)
        let cmap = CMap.parse(Array(Self.cmap("1 beginbfchar\n<0001> <\(long)>\nendbfchar\n1 beginbfrange\n<0010> <0011> <\(long)>\nendbfrange").utf8))
        #expect(cmap.text(for: 1) == String(repeating: "A", count: CMap.maxDestinationBytes / 2))
        #expect(cmap.text(for: 0x11)?.utf16.count == CMap.maxDestinationBytes / 2)
    }

    @Test("codes mapping to long texts cannot build a run past the text limit: a clear error instead")
    func expandingCodesHitTheTextLimit() throws {
        let long = String(repeating: "0041", count: 256)
        let map = Self.cmap("2 beginbfchar\n<0001> <\(long)>\n<0002> <\(long)>\nendbfchar")
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 4 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /W [1 [500 500]] >>] >>"
        let simpleFont = "<< /Type /Font /Subtype /TrueType /BaseFont /X /ToUnicode 4 0 R >>"
        let codes = String(repeating: "00010002", count: 2_000)
        var limits = ReaderLimits()
        limits.maxTextCharacters = 100_000
        for (font, shown) in [(font, "<\(codes)>"), (simpleFont, "<\(String(repeating: "0102", count: 2_000))>")] {
            var builder = PDFBuilder()
            builder.pages(["BT /F1 12 Tf 72 700 Td \(shown) Tj ET"], font: font)
            builder.addStream(4, text: map)
            #expect(throws: DocumentError.self) { try PDFBuilder.read(builder.build(), limits: limits) }
            // Within the default limit the same page reads: 4,000 codes of 256 letters each.
            #expect(try PDFBuilder.read(builder.build()).blocks.map(\.text).joined().count == 4_000 * 256)
        }
    }

    @Test("glyph names: uniXXXX sequences, uXXXXX, suffixes, accented letters")
    func glyphNames() {
        #expect(GlyphList.unicode(for: "uni00660069") == "fi")
        #expect(GlyphList.unicode(for: "u1F600") == "😀")
        #expect(GlyphList.unicode(for: "a.sc") == "a")
        #expect(GlyphList.unicode(for: "Ccedilla") == "Ç")
        #expect(GlyphList.unicode(for: "g123") == nil)
    }

    @Test("PDF text strings decode UTF-16BE and PDFDocEncoding")
    func textStrings() {
        #expect(Encodings.textString([0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9]) == "Aé")
        #expect(Encodings.textString([0x41, 0x84, 0x42]) == "A—B")
    }
}
