import Foundation
import PioneerDocuments
import PioneerFixtures
import PioneerRules
import Testing
@testable import PioneerAssessment

/// `AssessmentDetail.ranking` writes out less, never judges differently: every verdict, score, band,
/// gate and page-limit verdict is the one the full report gives.
@Suite struct AssessmentDetailTests {
    @Test func rankingIsTheReportWithoutItsWords() throws {
        let assessor = Assessor(rules: try Repository.shippedRules())
        let documents = try Repository.samples()
        #expect(documents.count >= 10)
        for document in documents {
            let report = assessor.assess(document)
            let ranking = assessor.assess(document, detail: .ranking)
            #expect(report.detail == .report)
            #expect(ranking.detail == .ranking)
            // Verdicts first, for a readable failure; then the whole value.
            let verdicts = { (a: Assessment) in a.criteria.flatMap(\.considerations).map(\.verdict) + a.principles.map(\.verdict) }
            #expect(verdicts(ranking) == verdicts(report), "\(document.path)")
            #expect(ranking == report.rankingOnly, "\(document.path)")
            #expect(ranking.score == report.score && ranking.band == report.band && ranking.gates == report.gates)
        }
    }

    /// The comparison above only means something if the full reports have words to drop.
    @Test func theSamplesReportsHaveWhatRankingDrops() throws {
        let assessor = Assessor(rules: try Repository.shippedRules())
        let reports = try Repository.samples().map { assessor.assess($0) }
        let results = reports.flatMap { $0.criteria.flatMap(\.considerations) + $0.principles }
        #expect(results.allSatisfy { !$0.reason.isEmpty })
        #expect(results.contains { !$0.evidence.isEmpty })
        #expect(reports.contains { !$0.pageLimit.beyondLimit.isEmpty })
        #expect(reports.contains { !$0.applicants.names.isEmpty })
        #expect(Set(results.map(\.verdict)) == Set(Verdict.allCases))
    }

    @Test func rankingWithAWorkspaceIsTheFreshRanking() throws {
        let assessor = Assessor(rules: try Repository.shippedRules())
        let documents = try Repository.samples()
        var workspace = AssessmentWorkspace()
        for document in documents + documents.reversed() {
            // Alternating details through one workspace: the words it keeps serve both.
            #expect(assessor.assess(document, reusing: &workspace, detail: .ranking) == assessor.assess(document, detail: .ranking))
            #expect(assessor.assess(document, reusing: &workspace) == assessor.assess(document))
        }
    }

    /// Stated gaps, text beyond the limit and outside the scope give their own reasons in a report;
    /// in a ranking they decide the same verdicts with none.
    @Test func gapsAndPagesBeyondTheLimitGiveTheSameVerdicts() {
        var rules = RulesBuilder()
        rules.standardNegation()
        let board = rules.phrase("health and wellbeing board"), watch = rules.phrase("healthwatch")
        rules.criterion("c", [RulesBuilder.consideration("board", evidence: .phrase(board)),
                              RulesBuilder.consideration("watch", evidence: .phrase(watch))])
        let assessor = Assessor(rules: rules.build())
        let document = TestDocument.pages([
            ["Healthwatch has not yet been engaged."],
            ["The Health and Wellbeing Board approved the plan on 3 June 2013, led by Dr Amara Okafor."],
        ] + Array(repeating: ["Filler text about the area."], count: 9) + [["Healthwatch Northshire will co-chair the forum from April 2014."]])
        let report = assessor.assess(document)
        #expect(!report.pageLimit.within)
        #expect(report.pageLimit.beyondLimit.contains { $0.considerationID == "watch" })
        #expect(report.criteria.first?.considerations.last?.reason.hasPrefix("missing: stated gap") == true)
        #expect(report.principles.isEmpty && report.criteria.count == 1)
        #expect(report.criteria[0].considerations.map(\.verdict) == [.met, .missing])
        #expect(assessor.assess(document, detail: .ranking) == report.rankingOnly)
    }
}
