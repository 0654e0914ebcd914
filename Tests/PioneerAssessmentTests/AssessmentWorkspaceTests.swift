import Foundation
import PioneerDocuments
import PioneerFixtures
import PioneerRules
import Testing
@testable import PioneerAssessment

/// A worker's `AssessmentWorkspace` keeps word descriptions between documents: what it gives must
/// be exactly what a fresh assessment gives, whatever came before and whichever rules filled it.
@Suite struct AssessmentWorkspaceTests {
    @Test func reusedWorkspaceGivesTheFreshAssessments() throws {
        let rules = try Repository.shippedRules()
        let assessor = Assessor(rules: rules)
        let documents = try Repository.samples()
        #expect(documents.count >= 10)
        let fresh = documents.map { assessor.assess($0) }
        // In order, in reverse, and each document twice in a row: every reuse order gives the same.
        for order in [Array(documents.indices), documents.indices.reversed(), documents.indices.flatMap { [$0, $0] }] {
            var workspace = AssessmentWorkspace()
            for index in order { #expect(assessor.assess(documents[index], reusing: &workspace) == fresh[index]) }
        }
    }

    @Test func workspaceKeepsWordsBetweenDocuments() throws {
        let assessor = Assessor(rules: try Repository.shippedRules())
        let documents = try Repository.samples()
        var workspace = AssessmentWorkspace()
        _ = assessor.assess(documents[0], reusing: &workspace)
        let afterOne = try #require(workspace.words).count
        _ = assessor.assess(documents[1], reusing: &workspace)
        let afterTwo = try #require(workspace.words).count
        // The second document adds its new words to the first's: none is described twice.
        #expect(afterOne > 100)
        #expect(afterTwo > afterOne)
        _ = assessor.assess(documents[0], reusing: &workspace)
        #expect(workspace.words?.count == afterTwo)
    }

    @Test func anotherAssessorStartsAfresh() throws {
        // Two rule sets in which the same words have different vocabulary ids and prefixes.
        var first = RulesBuilder()
        let plan = first.phrase("integrated care")
        first.criterion("c", [RulesBuilder.consideration("plan", evidence: .phrase(plan))])
        var second = RulesBuilder()
        let board = second.phrase("care board"), meets = second.phrase("meet*"), plan2 = second.phrase("integrated care")
        second.criterion("c", [RulesBuilder.consideration("board", evidence: .any([.phrase(board), .phrase(meets)])),
                               RulesBuilder.consideration("plan", evidence: .phrase(plan2))])
        let one = Assessor(rules: first.build()), other = Assessor(rules: second.build())
        let document = TestDocument.text("Our integrated care board meets monthly. The care board signed the integrated care plan on 3 June 2013.")
        var workspace = AssessmentWorkspace()
        _ = one.assess(document, reusing: &workspace)
        #expect(other.assess(document, reusing: &workspace) == other.assess(document))
        #expect(one.assess(document, reusing: &workspace) == one.assess(document))
    }
}
