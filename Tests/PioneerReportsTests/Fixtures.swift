import Foundation
import PioneerAssessment
import PioneerDocuments
import PioneerRules
@testable import PioneerReports

/// A small, hand-built assessment that exercises every part of the report model.
enum Fixtures {
    static let ruleset = RulesetSummary(name: "Integrated care and support pioneers", version: "2013.1", fingerprint: "0123456789abcdef")

    static func consideration(_ id: String, _ verdict: Verdict, evidence: [Evidence] = []) -> ConsiderationResult {
        let score: Double = verdict == .met ? 100 : verdict == .partial ? 50 : 0
        let reason: String
        switch verdict {
        case .met: reason = "met: 2 strong mentions with named owners and dates"
        case .partial: reason = "partial: names Healthwatch but gives no plan, owner or date"
        case .missing: reason = "missing: stated gap — 'Healthwatch has not yet been engaged' (page 4)"
        }
        return ConsiderationResult(id: id, title: "Title of \(id)", verdict: verdict, score: score, reason: reason,
                                   guidance: "Name who leads it and when it starts, with \"quotes\" & <tags>.", evidence: evidence)
    }

    static let strong = Evidence(page: 2, line: 14, quote: "We will adopt the National Voices Narrative by March 2014, led by Dr Amara Okafor.",
                                 terms: ["National Voices", "Narrative"], negated: false, strong: true)
    static let gap = Evidence(page: 4, line: 3, quote: "Healthwatch has not yet been engaged.", terms: ["Healthwatch"], negated: true, strong: false)

    static func assessment(path: String = "submissions/northshire.md", score: Double = 72.5, band: Band = .meets,
                           within: Bool = true, pages: Double = 8.6) -> Assessment {
        let vision = CriterionResult(id: "vision", title: "Vision", score: 75, considerations: [
            consideration("vision.narrative", .met, evidence: [strong]),
            consideration("vision.measures", .partial),
        ])
        let commitment = CriterionResult(id: "commitment", title: "Commitment", score: 50, considerations: [
            consideration("commitment.engagement_plan", .missing, evidence: [gap]),
            consideration("commitment.hwb", .met, evidence: [strong]),
        ])
        let beyond = within ? [] : [BeyondLimitItem(page: 11, line: 1, text: "Risk management", considerationID: nil),
                                    BeyondLimitItem(page: 11, line: 4, text: "Our risk register is owned by the SRO.", considerationID: "capability.risk")]
        return Assessment(
            document: DocumentSummary(path: path, format: .markdown, pages: pages, pagesExact: false, pageCountSource: .textEstimate, words: 5120,
                                      warnings: within ? [] : [DocumentWarning(code: "example", message: "an example warning")]),
            ruleset: ruleset,
            applicants: Applicants(names: ["Northshire County Council", "NHS Northshire CCG"], joint: true),
            score: score, band: band,
            pageLimit: PageLimitResult(limit: 10, pages: pages, within: within, beyondLimit: beyond),
            gates: [GateResult(id: "hwb_support", passed: true, message: "Health and Wellbeing Board support is an essential prerequisite", cap: nil)],
            criteria: [vision, commitment],
            principles: [consideration("principles.outcome_focus", .met), consideration("principles.laa", .missing)])
    }

    static func batch() -> BatchReport {
        BatchReport(ruleset: ruleset, criteria: [("vision", "Vision"), ("commitment", "Commitment")],
                    assessments: [assessment(path: "b.md", score: 60, band: .siftIn),
                                  assessment(path: "a, \"quoted\".md", score: 72.5),
                                  assessment(path: "c.md", score: 60, band: .notMet, within: false, pages: 12.2)],
                    failures: [(path: "broken.pdf", error: "malformed document: no xref")])
    }
}

/// Compares output with a golden file in Fixtures/golden; `PIONEER_UPDATE_GOLDEN=1` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static func check(_ actual: String, named name: String) -> (expected: String?, actual: String) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PIONEER_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
        }
        let expected = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
        return (expected, actual)
    }
}
