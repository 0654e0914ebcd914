import Testing
@testable import PioneerDocuments

@Suite("PDF lexer and parser")
struct PDFLexerTests {
    func object(_ text: String) throws -> PDFObject {
        var parser = PDFParser(lexer: PDFLexer(bytes: Array(text.utf8)), maxDepth: 8)
        return try parser.parseObject()
    }

    @Test("numbers: integers, signs, reals with and without leading digits")
    func numbers() throws {
        #expect(try object("-17").intValue == -17)
        #expect(try object("+4.5").doubleValue == 4.5)
        #expect(try object("-.25").doubleValue == -0.25)
        #expect(try object("3.").doubleValue == 3)
    }

    @Test("names decode #xx escapes")
    func names() throws {
        #expect(try object("/Times#20New#20Roman").nameValue == "Times New Roman")
    }

    @Test("literal strings: nesting, escapes, octal, line continuation")
    func literalStrings() throws {
        #expect(try object("(a (nested) b\\)\\n\\101\\\nz)").stringValue == Array("a (nested) b)\nAz".utf8))
    }

    @Test("literal strings find a special byte wherever it falls in an eight-byte word")
    func literalSpecialsAtEveryOffset() throws {
        for offset in 0..<20 {
            let plain = String(repeating: "x", count: offset)
            for (special, expected) in [("\\101", "A"), ("(y)", "(y)"), ("\r", "\n"), ("\r\n", "\n")] {
                let text = "(" + plain + special + "tail of some length)"
                #expect(try object(text).stringValue == Array((plain + expected + "tail of some length").utf8), "offset \(offset)")
            }
            #expect(try object("(" + plain + ")").stringValue == Array(plain.utf8))
        }
    }

    @Test("the word test for special literal bytes misses none and flags no other byte")
    func literalSpecialWords() {
        for byte in 0...255 {
            let special = [0x28, 0x29, 0x5C, 0x0D].contains(byte)
            for lane in 0..<8 {
                let word = (UInt64(0x4141_4141_4141_4141) & ~(UInt64(0xFF) << (8 * lane))) | UInt64(byte) << (8 * lane)
                #expect(PDFLexer.hasLiteralSpecial(word) == special, "byte \(byte) in lane \(lane)")
            }
        }
    }

    @Test("hex strings ignore whitespace and pad an odd digit")
    func hexStrings() throws {
        #expect(try object("<48 65 6>").stringValue == [0x48, 0x65, 0x60])
    }

    @Test("dictionaries, arrays, references, booleans and null")
    func composite() throws {
        let dict = try #require(try object("<< /A [1 2 0 R true null] /B << /C (x) >> % comment\n >>").dictValue)
        let array = try #require(dict["A"]?.arrayValue)
        #expect(array.count == 4)
        #expect(array[1].refValue == PDFRef(num: 2, gen: 0))
        if case .bool(true) = array[2] {} else { Issue.record("expected true, got \(array[2])") }
        #expect(dict["B"]?.dictValue?["C"]?.stringValue == [UInt8(ascii: "x")])
    }

    @Test("nesting deeper than the limit throws")
    func nesting() {
        #expect(throws: PDFError.nestingTooDeep(8)) { try object(String(repeating: "[", count: 20)) }
    }

    @Test("an unterminated dictionary is a syntax error")
    func unterminated() {
        #expect(throws: PDFError.self) { try object("<< /A 1") }
    }

    @Test("keywords pack their first eight bytes")
    func keywords() {
        var lexer = PDFLexer(bytes: Array("BT T* endstream".utf8))
        guard case .keyword(let bt) = lexer.next(), case .keyword(let tstar) = lexer.next(), case .keyword(let end) = lexer.next() else {
            Issue.record("expected three keywords")
            return
        }
        #expect(bt == Op.BT)
        #expect(tstar == Op.Tstar)
        #expect(end == PDFParser.kwEndstream)
    }
}
