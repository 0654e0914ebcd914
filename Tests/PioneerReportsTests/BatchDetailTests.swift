import PioneerAssessment
import PioneerRules
import Testing
@testable import PioneerReports

/// A batch assesses with the detail its renderer declares: a renderer that asks only for rankings
/// must render them exactly as it renders full reports, and the JSON, which prints everything, asks for all.
@Suite struct BatchDetailTests {
    @Test func everyRankingRendererIgnoresWhatRankingDrops() {
        let full = Fixtures.batch()
        let ranked = BatchReport(ruleset: full.ruleset, criteria: full.criteria,
                                 assessments: full.rows.compactMap { row in
                                     if case .assessed(_, let assessment) = row { return assessment.rankingOnly }
                                     return nil
                                 },
                                 failures: full.rows.compactMap { row in
                                     if case .failed(let path, let error) = row { return (path, error) }
                                     return nil
                                 })
        let rankers = Renderers.batch.filter { $0.detail == .ranking }
        #expect(rankers.count == Renderers.batch.count - 1)
        for renderer in rankers {
            for colour in [false, true] {
                let context = RenderContext(colour: colour)
                #expect(renderer.init().render(ranked, context: context) == renderer.init().render(full, context: context), "\(renderer.identifier)")
            }
        }
    }

    @Test func jsonAsksForFullReportsAndShowsThem() {
        #expect(JSONBatchRenderer.detail == .report)
        let full = Fixtures.batch()
        let text = JSONBatchRenderer().render(full, context: RenderContext(colour: false))
        #expect(text.contains(Fixtures.strong.quote))
        #expect(text.contains("Northshire County Council"))
    }
}
