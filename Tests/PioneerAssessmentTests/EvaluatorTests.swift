import PioneerDocuments
import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct EvaluatorTests {
    /// Rules with one consideration `c.one` whose evidence is the term set built by `terms`.
    func assessor(scope: [String]? = nil, unit: EvidenceUnit = .sentence, minimum: Int = 1,
                  terms: (inout RulesBuilder) -> Condition) -> Assessor {
        var builder = RulesBuilder()
        builder.standardNegation()
        let evidence = terms(&builder)
        let scopeCondition = scope.map { builder.terms("scope", $0) }
        builder.criterion("c", [RulesBuilder.consideration("c.one", evidence: evidence, unit: unit, minimum: minimum, scope: scopeCondition)])
        return Assessor(rules: builder.build())
    }

    func judge(_ assessor: Assessor, _ document: Document) -> ConsiderationResult? {
        assessor.assess(document).criteria.first?.considerations.first
    }

    @Test func strongEvidenceMeetsTheConsideration() throws {
        let assessor = assessor { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("Healthwatch will co-chair the board from April 2014.")))
        #expect(result.verdict == .met)
        #expect(result.score == 100)
        #expect(result.reason == "met: 1 strong mention with named owners and dates")
        #expect(result.evidence.first?.terms == ["Healthwatch"])
        #expect(result.evidence.first?.strong == true)
        #expect(result.evidence.first?.quote == "Healthwatch will co-chair the board from April 2014.")
    }

    @Test func mentionWithoutSubstanceIsPartial() throws {
        let assessor = assessor { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("We value the views of healthwatch and others.")))
        #expect(result.verdict == .partial)
        #expect(result.reason == "partial: names 'Healthwatch' but gives no owner, date, figure or commitment")
    }

    @Test func negatedMentionIsAStatedGap() throws {
        let assessor = assessor { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.pages([["Intro."], ["Healthwatch has not yet been engaged."]])))
        #expect(result.verdict == .missing)
        #expect(result.reason == "missing: stated gap — 'Healthwatch has not yet been engaged.' (page 2)")
        #expect(result.evidence.map(\.negated) == [true])
    }

    @Test func nothingFound() throws {
        let assessor = assessor { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("Nothing relevant.")))
        #expect(result.verdict == .missing)
        #expect(result.reason == "missing: no mention found")
        #expect(result.evidence.isEmpty)
    }

    @Test func minimumStrongUnitsAreNeededForMet() throws {
        let assessor = assessor(minimum: 2) { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("Healthwatch joins in May 2014. We thank healthwatch.")))
        #expect(result.verdict == .partial)
        #expect(result.reason == "partial: 1 strong mention where 2 are needed")
    }

    @Test func afterFirstPhrasesCountOnlyAfterAMainPhrase() throws {
        let assessor = assessor { $0.terms("hwb", ["Health and Wellbeing Board"], afterFirst: ["the Board"]) }
        let before = try #require(judge(assessor, TestDocument.text("The Board meets monthly.")))
        #expect(before.verdict == .missing)
        let after = try #require(judge(assessor, TestDocument.text("Our Health and Wellbeing Board is new. The Board meets monthly from May 2014.")))
        #expect(after.verdict == .met)
        // The dated sentence is strong and comes first; naming the Board is not substance beside itself.
        #expect(after.evidence.map(\.terms) == [["the Board"], ["Health and Wellbeing Board"]])
        #expect(after.evidence.map(\.strong) == [true, false])
    }

    @Test func headingScopeCountsOnlyEvidenceUnderAMatchingHeading() throws {
        let assessor = assessor(scope: ["engagement"]) { $0.terms("hw", ["Healthwatch"]) }
        let outside = try #require(judge(assessor, TestDocument.pages([["# Finance", "Healthwatch leads from April 2014."]])))
        #expect(outside.verdict == .missing)
        #expect(outside.reason == "missing: mentioned only outside the section the rules require (page 1)")
        let inside = try #require(judge(assessor, TestDocument.text("# Public engagement\n\n## Detail\n\nHealthwatch leads from April 2014.")))
        #expect(inside.verdict == .met)
    }

    @Test func bareListsAreNeverStrong() throws {
        let assessor = assessor { $0.terms("themes", ["integration", "prevention", "Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("- Integration, personalisation, prevention\n- Healthwatch")))
        #expect(result.verdict == .partial)
        #expect(result.reason == "partial: names 'Healthwatch' and 'integration' only in a bare list")
        #expect(result.evidence.allSatisfy { !$0.strong })
    }

    @Test func aListItemWithAVerbAndSubstanceCanBeStrong() throws {
        let assessor = assessor { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("- Healthwatch will run six listening events")))
        #expect(result.verdict == .met)
    }

    @Test func bareListHeuristic() {
        let analysis = Assessor(rules: RulesBuilder().build()).analyse(text: """
            - Integrated care, pooled budgets, shared records
            - We pooled budgets
            - Services integrated
            - Lead: Dr Amara Okafor
            """)
        #expect(analysis.units.map(\.bare) == [true, false, false, false])
    }

    @Test func paragraphUnitsJudgeWholeParagraphs() throws {
        let assessor = assessor(unit: .paragraph) { $0.terms("hw", ["Healthwatch"]) }
        let result = try #require(judge(assessor, TestDocument.text("Healthwatch is a partner. It starts in May 2014.\n\nOther text.")))
        #expect(result.verdict == .met)
        #expect(result.evidence.first?.quote == "Healthwatch is a partner. It starts in May 2014.")
    }

    @Test func nearNeedsBothOperandsWithinTheDistance() throws {
        var builder = RulesBuilder()
        let pooled = builder.terms("pool", ["pooled budget"])
        let evidence = Condition.near(pooled, .signal(.money), words: 3)
        builder.criterion("c", [RulesBuilder.consideration("c.one", evidence: evidence)])
        let assessor = Assessor(rules: builder.build())
        #expect(judge(assessor, TestDocument.text("A pooled budget of £3m is agreed."))?.verdict == .met)
        #expect(judge(assessor, TestDocument.text("A pooled budget is planned for later and it will hold £3m."))?.verdict == .missing)
    }

    @Test func longQuotesAreCutAtAWordBoundary() {
        let quote = VerdictWriter.quote(String(repeating: "word ", count: 100))
        #expect(quote.count <= 240)
        #expect(quote.hasSuffix("word…"))
    }
}

@Suite struct QuoteTests {
    @Test func shortTextIsKept() {
        #expect(VerdictWriter.quote("Short; fine.") == "Short; fine.")
    }

    @Test func cutsAtAWordAndDropsTrailingPunctuation() {
        #expect(VerdictWriter.quote("alpha beta, gamma delta", limit: 13) == "alpha beta…")
        #expect(VerdictWriter.quote("alphabetagammadelta", limit: 6) == "alpha…")
        let accented = String(repeating: "café ", count: 80)
        #expect(VerdictWriter.quote(accented).count <= 240)
    }
}
