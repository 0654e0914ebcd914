import Testing
import PioneerAssessment
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
    }

    @Test func escapesControlCharacters() {
        #expect(JSONValue.string("\u{01}\u{2028}").serialised(pretty: false) == "\"\\u0001\\u2028\"")
    }
}
