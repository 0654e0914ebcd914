import Foundation
import Testing
import PioneerAssessment
import PioneerDocuments
@testable import PioneerReports

@Suite struct RendererGoldenTests {
    @Test(arguments: Renderers.assessment.map { $0.identifier })
    func assessmentRendererMatchesGolden(format: String) throws {
        let renderer = try #require(Renderers.assessment(named: format))
        let within = renderer.init().render(Fixtures.assessment(), context: RenderContext())
        let over = renderer.init().render(Fixtures.assessment(band: .notMet, within: false, pages: 12.2), context: RenderContext())
        let result = Golden.check(within + "\n----\n" + over, named: "check.\(format)")
        #expect(result.expected == result.actual)
    }

    @Test(arguments: Renderers.batch.map { $0.identifier })
    func batchRendererMatchesGolden(format: String) throws {
        let renderer = try #require(Renderers.batch(named: format))
        let result = Golden.check(renderer.init().render(Fixtures.batch(), context: RenderContext()), named: "batch.\(format)")
        #expect(result.expected == result.actual)
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReportRenderer().render(Fixtures.assessment(), context: RenderContext(colour: false))
        let coloured = TextReportRenderer().render(Fixtures.assessment(), context: RenderContext(colour: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[32m"))
    }
}

@Suite struct BatchReportTests {
    @Test func ranksByScoreThenPathWithFailuresLast() {
        let paths = Fixtures.batch().rows.map(\.path)
        #expect(paths == ["a, \"quoted\".md", "b.md", "c.md", "broken.pdf"])
        #expect(Fixtures.batch().failureCount == 1)
    }

    @Test func flagsOverLimitAndFailedGates() {
        var assessment = Fixtures.assessment(within: false, pages: 12)
        assessment.gates[0].passed = false
        #expect(BatchFlags.flags(for: assessment) == ["over-limit", "gate:hwb_support"])
    }

    @Test func flagsWhatTheReaderCouldNotRead() {
        var assessment = Fixtures.assessment()
        let flags = { (codes: [String]) -> [String] in
            assessment.document.warnings = codes.map { DocumentWarning(code: $0, message: "") }
            return BatchFlags.flags(for: assessment)
        }
        #expect(flags([]) == [])
        #expect(flags(["damaged-content"]) == ["partly-unreadable"])
        #expect(flags(["no-text-pages", "damaged-content"]) == ["partly-unreadable"])
        #expect(flags(["missing-pages", "damaged-content"]) == ["partly-unreadable", "pages-missing"])
        #expect(flags(["stale-app-xml", "example"]) == ["stale-page-count"])
        assessment.document.words = 0
        #expect(flags(["no-text-pages", "missing-pages"]) == ["no-text", "pages-missing"])
        #expect(flags(["damaged-content"]) == ["partly-unreadable"])
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(CSVBatchRenderer.field("plain") == "plain")
        #expect(CSVBatchRenderer.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(CSVBatchRenderer.field("two\nlines") == "\"two\nlines\"")
    }
}

@Suite struct JSONValueTests {
    @Test func serialisesDeterministicallyInWrittenOrder() {
        let value = JSONValue.object([("b", .number(1)), ("a", .array([.string("x\"y\n"), .bool(true), .null, .number(9.4)]))])
        #expect(value.serialised(pretty: false) == #"{"b":1,"a":["x\"y\n",true,null,9.4]}"#)
        #expect(value.serialised() == value.serialised())
    }

    @Test func formatsNumbers() {
        #expect(JSONValue.format(72) == "72")
        #expect(JSONValue.format(72.46) == "72.46")
        #expect(JSONValue.format(0.1 + 0.2) == "0.3")
        #expect(JSONValue.format(-3) == "-3")
        #expect(JSONValue.format(.nan) == "null")
        // Whole numbers as digits while an Int64 holds them; past that (a rules author's weight of
        // 1e20 once trapped converting to Int64) the exponent form, which is valid JSON.
        #expect(JSONValue.format(1e15) == "1000000000000000")
        #expect(JSONValue.format(1e20) == "1e+20")
        #expect(JSONValue.format(-1e300) == "-1e+300")
    }

    @Test func escapesControlCharacters() {
        #expect(JSONValue.string("\u{01}\u{2028}").serialised(pretty: false) == "\"\\u0001\\u2028\"")
        #expect(JSONValue.string("a\"b\\c\r\n\t\u{1F}é\u{2029}").serialised(pretty: false) == "\"a\\\"b\\\\c\\r\\n\\t\\u001fé\\u2029\"")
    }

    /// Strings are scanned eight bytes at a time: a byte to escape at every position of strings of
    /// every length up to 40 is escaped as the scalar-by-scalar definition says.
    @Test func escapesAtEveryPositionOfTheEightByteScan() {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}", "â", "é", "\u{7F}"] {
            for length in 0...40 {
                for position in 0...length {
                    let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: length - position)
                    #expect(JSONValue.string(text).serialised(pretty: false) == reference(text), "\(text.debugDescription)")
                }
            }
        }
    }

    /// Whole numbers are written digit by digit: the same text as `format`.
    @Test func numbersAreWrittenAsFormatted() {
        let values: [Double] = [0, -0.0, 1, -1, 9, 10, 99, 100, 72.5, 72.46, 0.0004, 0.0005, -3.25, 1e14, 999_999_999_999_999, 1e15, -1e15,
                                1e20, .infinity, -.infinity, .nan, 2.9999999, 123_456_789, -987_654_321, Double(Int32.max)]
        for value in values {
            #expect(JSONValue.number(value).serialised(pretty: false) == JSONValue.format(value), "\(value)")
        }
    }

    /// The byte path of `MarkdownText.escape` agrees with the Character-by-Character definition.
    @Test func markdownEscapeMatchesTheCharacterDefinition() {
        func reference(_ text: String) -> String {
            var out = ""
            for character in text {
                if "\\`*_[]<>|#".contains(character) { out.append("\\") }
                out.append(character == "\n" ? " " : character)
            }
            return out
        }
        let pieces = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "\n", "\r\n", "\r", "a", " ", "é", "*\u{301}", "€", "plain words"]
        var state: UInt64 = 0xB1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<400 {
            let text = round < pieces.count ? pieces[round] : (0..<next(10)).map { _ in pieces[next(round.isMultiple(of: 2) ? 11 : pieces.count)] }.joined()
            #expect(MarkdownText.escape(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// Foundation's parser reads back every string exactly: quotes, backslashes, every control
    /// character, U+2028/9, other non-ASCII (é, €, emoji), at the start, middle and end.
    @Test func stringsRoundTripThroughFoundationsParser() throws {
        var pieces = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        pieces += ["\"", "\\", "/", "\u{2028}", "\u{2029}", "é", "€", "😀", "\u{E2}\u{80}", "plain text", "\r\n"]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<300 {
            let text = round < pieces.count ? pieces[round] : (0..<next(13)).map { _ in pieces[next(pieces.count)] }.joined()
            let json = JSONValue.array([.string(text), .object([(text, .string(text))])]).serialised(pretty: round.isMultiple(of: 2))
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]
            #expect(parsed?.first as? String == text, "\(json)")
            #expect((parsed?.last as? [String: String])?[text] == text)
        }
    }
}
