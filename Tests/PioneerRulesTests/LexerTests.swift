import Testing
@testable import PioneerRules

@Suite struct LexerTests {
    private func lex(_ source: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        var lexer = Lexer(source: source, file: "t.rules")
        let tokens = lexer.tokenize(into: &bag)
        return (tokens, bag.items)
    }

    @Test func tokenKindsTextAndPositions() {
        let (tokens, diagnostics) = lex("terms not-met.x \"A b\" {\n  10, 0.5 = * ( ) }")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .string, .leftBrace, .number, .comma, .number, .equals,
                                       .star, .leftParen, .rightParen, .rightBrace, .endOfFile])
        #expect(tokens.map(\.text).prefix(3) == ["terms", "not-met.x", "A b"])
        #expect(tokens[1].location.description == "t.rules:1:7")
        #expect(tokens[1].end.column == 16)
        #expect(tokens[4].location.description == "t.rules:2:3")
        #expect(tokens[6].text == "0.5")
    }

    @Test func columnsCountUnicodeScalars() {
        let (tokens, _) = lex("\"café\" x")
        #expect(tokens[1].location.column == 8)
        #expect(tokens[0].end.column == 7)
    }

    /// Whitespace, comments and words move the column in one pass each: tabs and carriage returns are a
    /// column, a comment's non-ASCII letters one column each, and long strings are scanned eight bytes at a time.
    @Test func positionsAfterCommentsWhitespaceAndLongStrings() {
        let (tokens, diagnostics) = lex("# café costs £5\r\nterms  x\t\"é\" { }\r\n  \"abcdefghijklmnopqrstuvwxyz\\n\" y\n")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.location.description) == ["t.rules:2:1", "t.rules:2:8", "t.rules:2:10", "t.rules:2:14",
                                                       "t.rules:2:16", "t.rules:3:3", "t.rules:3:34", "t.rules:4:1"])
        #expect(tokens[0].comments.map(\.text) == ["# café costs £5"])
        #expect(tokens[5].text == "abcdefghijklmnopqrstuvwxyz\n")
        #expect(tokens[5].end.column == 33)
    }

    /// Comments are read to the line break eight bytes at a time while ASCII: trimmed and columns kept
    /// alike for long ASCII comments, non-ASCII ones and a last one without a line break.
    @Test func longCommentsKeepTextAndColumns() {
        let (tokens, diagnostics) = lex("# a long comment, twenty-five\t \r\nx # trailing comment with £ after sixteen bytes  \n"
                                        + "# last comment: £ after sixteen, é")
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].comments.map(\.text) == ["# a long comment, twenty-five"])
        #expect(tokens[1].comments.map(\.text) == ["# trailing comment with £ after sixteen bytes", "# last comment: £ after sixteen, é"])
        #expect(tokens[1].location.description == "t.rules:3:35")
    }

    @Test func commentsAreTrivia() {
        let (tokens, _) = lex("# head\n\n# second\nweight 2 # tail\n\nx")
        #expect(tokens[0].comments.map(\.text) == ["# head", "# second"])
        #expect(tokens[0].comments[1].blankLineBefore)
        #expect(tokens[0].comments.allSatisfy { $0.isOnOwnLine })
        #expect(tokens[2].comments.first?.text == "# tail")
        #expect(tokens[2].comments.first?.isOnOwnLine == false)
        #expect(tokens[2].blankLineAfterComments)
    }

    @Test func stringEscapes() {
        let (tokens, diagnostics) = lex(#""a\"b\\c\nd\te\u{2019}f""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].text == "a\"b\\c\nd\te\u{2019}f")
    }

    @Test func multilineStringStripsClosingIndentation() {
        let source = "x \"\"\"\n    first\n      indented\n\n    last \\u{41}\n    \"\"\" y"
        let (tokens, diagnostics) = lex(source)
        #expect(diagnostics.isEmpty)
        #expect(tokens[1].isMultiline)
        #expect(tokens[1].text == "first\n  indented\n\nlast A")
        #expect(tokens[2].text == "y")
        #expect(tokens[2].location.line == 6)
    }

    @Test func lexicalErrorsRecover() {
        let (tokens, diagnostics) = lex("a @ b \"bad \\q escape\" \"open\nc")
        #expect(diagnostics.map(\.message) == ["unexpected character '@'", "invalid escape sequence '\\q'",
                                                "unterminated string"])
        #expect(diagnostics.map { $0.location?.description ?? "" } == ["t.rules:1:3", "t.rules:1:12", "t.rules:1:23"])
        #expect(tokens.map(\.text) == ["a", "b", "bad  escape", "open", "c", ""])
    }

    @Test func invisibleStrayCharactersAreNamedByCodePoint() {
        #expect(lex("a\u{00A0}b \u{200B} \u{7}").diagnostics.map(\.message)
                == ["unexpected character U+00A0", "unexpected character U+200B", "unexpected character U+0007"])
        #expect(lex("a\u{00A0}b").tokens.map(\.text) == ["a", "b", ""])
    }

    @Test func multilineErrors() {
        #expect(lex("\"\"\" x \"\"\"").diagnostics.map(\.message)
                == ["a multi-line string must start on the line after '\"\"\"'"])
        #expect(lex("\"\"\"\nnever closed").diagnostics.map(\.message) == ["unterminated multi-line string"])
        let shallow = lex("\"\"\"\n  ok\n bad\n  \"\"\"").diagnostics
        #expect(shallow.map(\.message) == ["line is indented less than the closing '\"\"\"' of its multi-line string"])
        #expect(shallow.first?.location?.line == 3)
    }

    @Test func badUnicodeEscapes() {
        let messages = lex(#""\u{D800} \u{} \u{110000}""#).diagnostics.map(\.message)
        #expect(messages == ["invalid escape sequence '\\u{D800}'", "invalid escape sequence '\\u{'",
                             "invalid escape sequence '\\u{110000}'"])
    }
}
