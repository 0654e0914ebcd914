import PioneerDocuments
import PioneerRules
import Testing
@testable import PioneerAssessment

/// The `mentions` clause: naming the topic without the evidence the rule asks for is partial, never met.
@Suite struct MentionsTests {
    /// Evidence: Healthwatch near an engagement word; mentions: Healthwatch alone.
    func assessor() -> Assessor {
        var builder = RulesBuilder()
        builder.standardNegation()
        let healthwatch = builder.terms("hw", ["Healthwatch"])
        let engage = builder.terms("engage", ["engage*", "plan"])
        var consideration = RulesBuilder.consideration("c.one", evidence: .all([healthwatch, engage]))
        consideration.mentions = healthwatch
        builder.criterion("c", [consideration])
        return Assessor(rules: builder.build())
    }

    func judge(_ text: String) throws -> ConsiderationResult {
        try #require(assessor().assess(TestDocument.text(text)).criteria.first?.considerations.first)
    }

    @Test func bareMentionIsPartial() throws {
        let result = try judge("Healthwatch Northshire sits on our board since May 2013.")
        #expect(result.verdict == .partial)
        #expect(result.evidence.map(\.strong) == [false])
        #expect(result.evidence.first?.terms == ["Healthwatch"])
    }

    @Test func evidenceStillDecidesMet() throws {
        #expect(try judge("Healthwatch will engage 400 residents by March 2014.").verdict == .met)
    }

    @Test func negatedMentionIsNotAMention() throws {
        let result = try judge("Healthwatch has not yet been approached.")
        #expect(result.verdict == .missing)
    }

    @Test func withoutTheClauseABareMentionIsMissing() throws {
        var builder = RulesBuilder()
        let healthwatch = builder.terms("hw", ["Healthwatch"])
        let engage = builder.terms("engage", ["engage*"])
        builder.criterion("c", [RulesBuilder.consideration("c.one", evidence: .all([healthwatch, engage]))])
        let result = Assessor(rules: builder.build()).assess(TestDocument.text("Healthwatch sits on our board.")).criteria.first?.considerations.first
        #expect(result?.verdict == .missing)
    }

    @Test func explainShowsBareMentions() throws {
        let explanation = try #require(assessor().explain(TestDocument.text("We thank Healthwatch."), considerationID: "c.one"))
        #expect(explanation.candidates.map(\.status) == [.mention])
    }
}
