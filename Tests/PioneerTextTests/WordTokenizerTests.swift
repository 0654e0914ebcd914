import Testing
@testable import PioneerText

@Suite struct WordTokenizerTests {
    @Test func foldsAndSplitsPhrases() {
        #expect(WordTokenizer.words(of: "Health & Wellbeing Board") == ["health", "and", "wellbeing", "board"])
        #expect(WordTokenizer.words(of: "H&WB Board") == ["h", "and", "wb", "board"])
        #expect(WordTokenizer.words(of: "well-being") == ["well", "being"])
        #expect(WordTokenizer.words(of: "people\u{2019}s") == ["people", "s"])
    }

    @Test func keepsNumbersWhole() {
        let tokens = WordTokenizer.tokens(in: "£2.4m by 31 March 2014, 1,200 people (15%)")
        #expect(tokens.map(\.text) == ["£", "2.4", "m", "by", "31", "march", "2014", "1,200", "people", "15", "%"])
        #expect(tokens[1].kind == .number)
        #expect(tokens[0].kind == .symbol)
    }

    @Test func recordsUTF8Offsets() {
        let text = "Café Board"
        let tokens = WordTokenizer.tokens(in: text)
        #expect(tokens.count == 2)
        #expect(tokens[0].start == 0 && tokens[0].end == 5)
        #expect(tokens[1].start == 6 && tokens[1].end == 11)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[tokens[1].start..<tokens[1].end], as: UTF8.self) == "Board")
    }

    @Test func foldsTypography() {
        #expect(TextFolding.fold("\u{201C}co\u{2011}ordinated\u{201D}\u{00A0}\u{FB01}ne") == "\"co-ordinated\" fine")
    }
}

@Suite struct WordTokenizerFastPathTests {
    /// The ASCII path must give exactly the tokens of the Unicode path: compare on ASCII text
    /// against the same text with a non-ASCII character appended (which forces the Unicode path).
    @Test(arguments: [
        "Health & Wellbeing Board", "£2.4m by 31 March 2014, 1,200 people (15%) and $3", "co-ordinated\twell-being\r\nx",
        "people's 3.5.6 v2 A1b2 ,1, .5 12,34,56", "  ", "ABC-def_ghi 2013/14 Q3",
    ])
    func asciiMatchesUnicode(text: String) {
        let ascii = WordTokenizer.tokens(in: text)
        let unicode = WordTokenizer.tokens(in: text + " é")
        #expect(ascii == Array(unicode.dropLast()))
    }
}
