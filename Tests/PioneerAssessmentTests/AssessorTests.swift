import PioneerDocuments
import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct AssessorTests {
    func assessor(limit: Int = 10) -> Assessor {
        var builder = RulesBuilder()
        builder.standardNegation()
        builder.pageLimit = PageLimitRule(limit: limit, overLimitCap: .notMet)
        let healthwatch = builder.terms("hw", ["Healthwatch"])
        let scope = builder.terms("scope", ["engagement"])
        builder.criterion("c", [RulesBuilder.consideration("c.hw", evidence: healthwatch),
                                RulesBuilder.consideration("c.scoped", evidence: healthwatch, scope: scope)])
        return Assessor(rules: builder.build())
    }

    @Test func explainGivesEveryCandidateWithItsStatus() throws {
        let document = TestDocument.pages([
            ["# Vision", "Healthwatch chairs the panel from May 2014.", "We value healthwatch and others.",
             "Healthwatch has not yet been engaged."],
            ["- Healthwatch"],
            ["Healthwatch runs 3 panels."],
        ], count: 3)
        let explanation = try #require(assessor(limit: 2).explain(document, considerationID: "c.hw"))
        #expect(explanation.candidates.map(\.status) == [.counted, .weak, .negated, .buzzwords, .beyondPageLimit])
        #expect(explanation.candidates.map(\.evidence.page) == [1, 1, 1, 2, 3])
        #expect(explanation.result.verdict == .met)
        let scoped = try #require(assessor(limit: 2).explain(document, considerationID: "c.scoped"))
        #expect(scoped.candidates.first?.status == .outsideScope)
        #expect(assessor().explain(document, considerationID: "nope") == nil)
    }

    /// A weak candidate's note names the substance it has, rather than denying it has any.
    @Test func explainNamesTheSubstanceOfAWeakCandidate() throws {
        var builder = RulesBuilder()
        let healthwatch = builder.terms("hw", ["Healthwatch"])
        builder.criterion("c", [RulesBuilder.consideration("c.both", evidence: healthwatch, strong: .all([.signal(.date), .signal(.percent)]))])
        let assessor = Assessor(rules: builder.build())
        let document = TestDocument.text("Healthwatch reports from May 2014. Healthwatch reports to us. Healthwatch reached 40% by May 2014.")
        let explanation = try #require(assessor.explain(document, considerationID: "c.both"))
        #expect(explanation.candidates.map(\.status) == [.weak, .weak, .counted])
        #expect(explanation.candidates.map(\.note) == [
            "weak: dates beside the match, but not what this consideration counts as strong (see its guidance)",
            "weak: no substance such as an owner, date or figure with the match",
            "counted: strong evidence",
        ])
    }

    @Test func sameInputGivesTheSameAssessment() {
        let text = "# Engagement\n\nHealthwatch and Northshire CCG lead from May 2014. Northshire County Council joins.\n\n- Integration, prevention"
        let first = assessor().assess(TestDocument.text(text))
        let second = Assessor(rules: assessor().rules).assess(TestDocument.text(text))
        #expect(first == second)
        #expect(first.criteria.flatMap(\.considerations).map(\.verdict) == [.met, .met])
    }

    @Test func judgesExamplesOnOneConsideration() throws {
        let assessor = assessor()
        #expect(assessor.judgeExample("Healthwatch chairs the panel from May 2014.", considerationID: "c.hw")?.verdict == .met)
        #expect(assessor.judgeExample("Healthwatch has not yet been engaged.", considerationID: "c.hw")?.verdict == .missing)
        // Without headings an example ignores the heading scope; with headings it honours it.
        #expect(assessor.judgeExample("Healthwatch chairs the panel from May 2014.", considerationID: "c.scoped")?.verdict == .met)
        #expect(assessor.judgeExample("# Finance\n\nHealthwatch chairs it from May 2014.", considerationID: "c.scoped")?.verdict == .missing)
        #expect(assessor.judgeExample("text", considerationID: "missing.id") == nil)
    }

    @Test func findsJointApplicants() {
        let document = TestDocument.pages([
            ["Expression of interest from Northshire CCG and Northshire County Council.", "We value the Royal Hospital."],
            ["This bid is submitted jointly with Riverside NHS Foundation Trust.", "Westshire Borough Council is a neighbour."],
        ])
        let applicants = assessor().assess(document).applicants
        #expect(applicants.names == ["Northshire CCG", "Northshire County Council", "Riverside NHS Foundation Trust"])
        #expect(applicants.joint)
    }

    @Test func postsAndGenericBodiesAreNotApplicants() {
        let document = TestDocument.pages([
            ["The Leader of Westmarsh County Council and the CCG Governing Body sponsor this bid.",
             "It is submitted by Westmarsh County Council Dr Helen Marr and NHS Westmarsh CCG.", "The City Council agrees."],
            ["Later we would like joint teams with Saltmere District Council."],
        ])
        let applicants = assessor().assess(document).applicants
        #expect(applicants.names == ["Westmarsh County Council", "NHS Westmarsh CCG"])
        #expect(applicants.joint)
    }

    @Test func applicantNamesStopAtPostsWrittenWithPunctuation() {
        let document = TestDocument.pages([
            ["Submitted by Eastmoor County Council \u{201C}Chair\u{201D} and Eastmoor Clinical Commissioning Group.",
             "Eastmoor CCG, Eastmoor County Council (Deputy Leader) and Dalby Borough Council (Cllr.) apply."],
        ])
        let applicants = assessor().assess(document).applicants
        // The curly-quoted and bracketed posts cut the names; the CCG spelt out and abbreviated is one body.
        #expect(applicants.names == ["Eastmoor County Council", "Eastmoor Clinical Commissioning Group", "Dalby Borough Council"])
        #expect(applicants.joint)
    }

    @Test func atMostEightApplicantsAreNamed() {
        let councils = ["Ashby", "Barton", "Carlton", "Denby", "Elton", "Fenby", "Garton", "Hexby", "Irby", "Jarrow"].map { "\($0) Borough Council" }
        let document = TestDocument.pages([["Submitted by " + councils.joined(separator: ", ") + "."]])
        #expect(assessor().assess(document).applicants.names == Array(councils.prefix(ApplicantFinder.maximumNames)))
    }

    @Test func oneApplicantIsNotJoint() {
        let applicants = assessor().assess(TestDocument.text("Northshire County Council submits this bid.")).applicants
        #expect(applicants.names == ["Northshire County Council"])
        #expect(!applicants.joint)
    }

    @Test func summarisesTheDocumentAndRules() {
        let assessment = assessor().assess(TestDocument.pages([["Text."]], count: 0.4))
        #expect(assessment.document.pages == 0.4)
        #expect(assessment.document.path == "bid.md")
        #expect(assessment.ruleset == RulesetSummary(name: "test", version: "1", fingerprint: "abc123"))
    }

    @Test func emptyDocumentAndEmptyRulesDoNotCrash() {
        let empty = Document(path: "e.txt", format: .text, pages: [], pageCount: PageCount(value: 0, exact: true, source: .formFeeds), wordCount: 0)
        let assessment = Assessor(rules: RulesBuilder().build()).assess(empty)
        #expect(assessment.score == 0)
        #expect(assessment.band == .notMet)
        #expect(assessor().assess(empty).criteria.first?.considerations.first?.verdict == .missing)
    }
}

@Suite struct BenchmarkFixtureTests {
    @Test func workloadHasTheTargetSize() {
        let rules = BenchmarkFixture.rules()
        let document = BenchmarkFixture.document()
        #expect(rules.phrases.count >= 1_000)
        #expect(rules.allConsiderations.count == 40)
        #expect((5_900...6_200).contains(document.wordCount))
        #expect(document.pages.count == 10)
    }

    @Test func assessingTheWorkloadIsDeterministic() {
        let assessor = Assessor(rules: BenchmarkFixture.rules())
        let document = BenchmarkFixture.document()
        let first = assessor.assess(document)
        #expect(first == assessor.assess(document))
        #expect(first.criteria.flatMap(\.considerations).contains { $0.verdict == .met })
    }
}
