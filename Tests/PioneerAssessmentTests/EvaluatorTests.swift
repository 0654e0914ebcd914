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

    /// In one long sentence of many operands, only those near enough are compared, and the pair that
    /// is near is found wherever it lies.
    @Test func nearInALongSentence() throws {
        var builder = RulesBuilder()
        let pooled = builder.terms("pool", ["pooled budget"])
        let governance = builder.terms("gov", ["governance"])
        builder.criterion("c", [RulesBuilder.consideration("c.money", evidence: .near(pooled, .signal(.money), words: 3)),
                                RulesBuilder.consideration("c.terms", evidence: .near(pooled, governance, words: 2))])
        let assessor = Assessor(rules: builder.build())
        let pools = Array(repeating: "pooled budget", count: 1_000).joined(separator: " ")
        let far = pools + " and then later on " + Array(repeating: "£5m governance", count: 500).joined(separator: " ")
        let verdicts = { (text: String) in assessor.assess(TestDocument.text(text)).criteria[0].considerations.map(\.verdict) }
        #expect(verdicts(far) == [.missing, .missing])
        #expect(verdicts(far + " pooled budget £5m") == [.met, .met])
        #expect(verdicts("governance pooled budget £5m " + pools) == [.met, .met])
        #expect(verdicts(pools + " and one more word then governance") == [.missing, .missing])
    }

    @Test func longQuotesAreCutAtAWordBoundary() {
        let quote = VerdictWriter.quote(String(repeating: "word ", count: 100))
        #expect(quote.count <= 240)
        #expect(quote.hasSuffix("word…"))
    }

    /// One sentence of a thousand names, each beside a term match: the strong verdict still sees that
    /// every name is the evidence itself, and one name standing apart makes the evidence strong.
    @Test func namesThatAreTheEvidenceInOneLongSentence() throws {
        let assessor = assessor { $0.terms("hw", ["Healthwatch Westmarsh"]) }
        let names = Array(repeating: "Healthwatch Westmarsh and", count: 1_000).joined(separator: " ")
        let weak = try #require(judge(assessor, TestDocument.text(names + " more.")))
        #expect(weak.evidence.first?.strong == false)
        let strong = try #require(judge(assessor, TestDocument.text(names + " Amara Okafor.")))
        #expect(strong.evidence.first?.strong == true)
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

@Suite struct ReadingOrderTests {
    static func candidate(start: Int, _ status: Explanation.Status, row: Int) -> Candidate {
        var unit = TextUnit(kind: .sentence, block: 0, bytes: 0..<0, page: 1, line: 1)
        unit.tokens = start..<start + 1
        return Candidate(unit: unit, status: status, negated: false, row: row)
    }

    /// The merge gives what a stable sort of the two lists joined gives, for lists in reading order,
    /// lists with shared starts, and lists out of order.
    @Test func mergeAgreesWithAStableSort() {
        var generator = SystemRandomNumberGenerator()
        let statuses: [Explanation.Status] = [.counted, .weak, .negated, .mention, .beyondPageLimit, .outsideScope, .buzzwords]
        for round in 0..<300 {
            func list(_ count: Int, rowBase: Int) -> [Candidate] {
                var starts = (0..<count).map { _ in Int.random(in: 0..<(round % 3 == 0 ? 4 : 40), using: &generator) }
                if round % 5 != 4 { starts.sort() }
                return starts.enumerated().map { Self.candidate(start: $1, statuses.randomElement(using: &generator) ?? .weak, row: rowBase + $0) }
            }
            let first = list(Int.random(in: 0..<8, using: &generator), rowBase: 0)
            let second = list(Int.random(in: 0..<8, using: &generator), rowBase: 100)
            let expected = (first + second).sorted {
                ($0.unit.tokens.lowerBound, $0.status.rawValue) < ($1.unit.tokens.lowerBound, $1.status.rawValue)
            }
            #expect(Evaluator.inReadingOrder(first, second).map(\.row) == expected.map(\.row), "round \(round)")
        }
    }
}

@Suite struct UnitQuoteTests {
    /// A unit's quote cut from the block's bytes is the quote of the unit's text.
    @Test func quoteOfAUnitIsTheQuoteOfItsText() {
        let assessor = Assessor(rules: RulesBuilder().build())
        let long = String(repeating: "Café society — naïve wording, ", count: 12)
        let text = "Short one. " + long + "ends here. " + String(repeating: "x", count: 300) + ". Last £5 words."
        let analysis = assessor.analyse(TestDocument.text(text))
        #expect(analysis.units.count >= 3)
        for unit in analysis.units {
            for limit in [1, 10, 100, 240] {
                #expect(VerdictWriter.quote(of: unit, in: analysis, limit: limit) == VerdictWriter.quote(analysis.text(of: unit), limit: limit))
            }
        }
        var outside = analysis.units[0]
        outside.block = analysis.blocks.count
        #expect(VerdictWriter.quote(of: outside, in: analysis).isEmpty)
    }
}

@Suite struct ReasonTests {
    /// A partial reason names the first two topical phrases in sorted order, whatever order the text has them in.
    @Test func partialReasonNamesTheFirstTwoSources() throws {
        var builder = RulesBuilder()
        builder.standardNegation()
        let evidence = builder.terms("t", ["zeta board", "alpha group", "mid panel"])
        builder.criterion("c", [RulesBuilder.consideration("c.one", evidence: evidence)])
        let assessor = Assessor(rules: builder.build())
        let text = "We talk with the zeta board. We talk with the mid panel and the zeta board and the alpha group."
        let result = try #require(assessor.assess(TestDocument.text(text)).criteria.first?.considerations.first)
        #expect(result.reason == "partial: names 'alpha group' and 'mid panel' but gives no owner, date, figure or commitment")
    }
}

@Suite struct PartitioningIndexTests {
    /// Every range and every point where the predicate starts to hold, against a scan.
    @Test func findsWhereThePredicateStartsToHold() {
        for lower in 0..<6 {
            for upper in lower..<12 {
                for threshold in 0..<14 {
                    let found = (lower..<upper).partitioningIndex { $0 >= threshold }
                    #expect(found == ((lower..<upper).first { $0 >= threshold } ?? upper), "\(lower)..<\(upper), \(threshold)")
                }
            }
        }
    }
}
