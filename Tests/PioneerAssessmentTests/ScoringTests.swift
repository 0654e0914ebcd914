import PioneerDocuments
import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct ScoringTests {
    /// Two criteria: `a` (weight 2) with considerations on Healthwatch (weight 3) and carers, `b` on pooled budgets.
    func builder() -> RulesBuilder {
        var builder = RulesBuilder()
        builder.standardNegation()
        let healthwatch = builder.terms("hw", ["Healthwatch"])
        let carers = builder.terms("carers", ["carers"])
        let pooled = builder.terms("pool", ["pooled budget"])
        builder.criterion("a", weight: 2, [RulesBuilder.consideration("a.hw", evidence: healthwatch, weight: 3),
                                           RulesBuilder.consideration("a.carers", evidence: carers)])
        builder.criterion("b", [RulesBuilder.consideration("b.pool", evidence: pooled)])
        return builder
    }

    let strongAll = "Healthwatch leads from May 2014. Carers meet 12 times a year. A pooled budget of £3m starts in April 2014."

    @Test func scoresAreWeightedMeansRoundedToOneDecimal() {
        let assessment = Assessor(rules: builder().build()).assess(TestDocument.text("Healthwatch leads from May 2014. We like carers."))
        #expect(assessment.criteria.map(\.score) == [87.5, 0])
        #expect(assessment.score == 58.3)
        #expect(assessment.band == .siftIn)
    }

    @Test func bandNeedsEveryCriterionAboveItsThreshold() {
        var rules = builder()
        rules.bands[0] = BandThreshold(band: .meets, minimumScore: 60, minimumCriterionScore: 50)
        let assessment = Assessor(rules: rules.build()).assess(TestDocument.text("Healthwatch leads from May 2014. Carers meet 12 times a year."))
        #expect(assessment.score == 66.7)
        #expect(assessment.band == .siftIn)
        let full = Assessor(rules: rules.build()).assess(TestDocument.text(strongAll))
        #expect(full.score == 100)
        #expect(full.band == .meets)
    }

    @Test func principlesCountOnlyWhenWeighted() {
        var rules = builder()
        let engagement = rules.terms("eng", ["co-production"])
        rules.principles = [RulesBuilder.consideration("principles.coprod", evidence: engagement)]
        let document = TestDocument.text(strongAll)
        #expect(Assessor(rules: rules.build()).assess(document).score == 100)
        rules.principlesWeight = 1
        let weighted = Assessor(rules: rules.build()).assess(document)
        #expect(weighted.principles.map(\.verdict) == [.missing])
        #expect(weighted.score == 75)
    }

    @Test func failingGateCapsTheBand() throws {
        var rules = builder()
        rules.gates = [CompiledGate(id: "g", title: "Pooled budget", considerationID: "b.pool", caps: [.missing: .notMet, .partial: .siftIn],
                                    message: "a pooled budget is required", location: RulesBuilder.here)]
        let capped = Assessor(rules: rules.build()).assess(TestDocument.text("Healthwatch leads from May 2014. Carers meet 12 times a year. We may pool budgets."))
        #expect(capped.gates == [GateResult(id: "g", passed: false, message: "a pooled budget is required", cap: .notMet)])
        #expect(capped.band == .notMet)
        let passed = Assessor(rules: rules.build()).assess(TestDocument.text(strongAll))
        #expect(passed.gates.map(\.passed) == [true])
        #expect(passed.band == .meets)
    }

    @Test func overTheLimitCapsTheBandAndIgnoresLaterPages() throws {
        var rules = builder()
        rules.pageLimit = PageLimitRule(limit: 1, overLimitCap: .siftIn)
        let document = TestDocument.pages([[strongAll], ["# Annex", "Healthwatch also runs 4 panels."]], count: 1.4)
        let assessment = Assessor(rules: rules.build()).assess(document)
        #expect(assessment.score == 100)
        #expect(assessment.band == .siftIn)
        #expect(assessment.pageLimit.within == false)
        #expect(assessment.pageLimit.beyondLimit.map(\.text) == ["Annex", "Healthwatch also runs 4 panels."])
        #expect(assessment.pageLimit.beyondLimit.map(\.considerationID) == [nil, "a.hw"])
        let evidence = try #require(assessment.criteria.first?.considerations.first?.evidence)
        #expect(evidence.map(\.page) == [1])
    }

    @Test func evidenceOnlyBeyondTheLimitIsMissing() throws {
        var rules = builder()
        rules.pageLimit = PageLimitRule(limit: 1, overLimitCap: nil)
        let document = TestDocument.pages([["Intro."], ["Healthwatch runs 4 panels."]])
        let assessment = Assessor(rules: rules.build()).assess(document)
        let result = try #require(assessment.criteria.first?.considerations.first)
        #expect(result.verdict == .missing)
        #expect(result.reason == "missing: mentioned only beyond the 1-page limit (page 2)")
        #expect(assessment.band == .notMet)
    }

    @Test func exactlyAtTheLimitIsWithin() {
        var rules = builder()
        rules.pageLimit = PageLimitRule(limit: 2, overLimitCap: .notMet)
        let assessment = Assessor(rules: rules.build()).assess(TestDocument.pages([[strongAll], ["More."]], count: 2.0))
        #expect(assessment.pageLimit.within)
        #expect(assessment.band == .meets)
    }

    @Test func bandFallsBackToNotMet() {
        #expect(Scoring.band(score: 10, criterionScores: [], rule: ScoringRule(points: [:], bands: [BandThreshold(band: .meets, minimumScore: 50)])) == .notMet)
        #expect(Scoring.round(66.666) == 66.7)
        #expect(Scoring.weightedMean([]) == 0)
    }
}
