import Foundation
import Testing
@testable import PioneerRules

/// The rule set shipped in `rules/` must compile without errors or warnings and keep its public ids.
@Suite struct ShippedRulesTests {
    /// `rules/` at the package root, found from this file's path.
    static let rulesDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("rules")
        .path

    static let expectedConsiderations = [
        "vision.narrative", "vision.outcomes", "vision.frameworks", "vision.efficiencies", "vision.measures",
        "whole_system.breadth", "whole_system.prevention", "whole_system.personalisation",
        "whole_system.target_groups", "whole_system.unpaid",
        "commitment.leadership", "commitment.staff", "commitment.people", "commitment.governance",
        "commitment.engagement_plan", "commitment.hwb",
        "capability.track_record", "capability.barriers", "capability.risk",
        "sharing.sharing",
        "evidence.evidence", "evidence.impact", "evidence.measurement", "evidence.evaluation",
    ]

    static let expectedPrinciples = [
        "principles.outcome_focus", "principles.commitment", "principles.right_level", "principles.data_inequalities",
        "principles.existing_structures", "principles.resources", "principles.governance_smart",
        "principles.accountability", "principles.good_practice", "principles.laa", "principles.communications",
        "principles.social_determinants", "principles.three_approaches", "principles.values", "principles.level_up",
    ]

    @Test func compilesWithoutDiagnostics() {
        let result = RulesLoader.load(path: Self.rulesDirectory)
        let rendered = DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: false)
        #expect(result.diagnostics.isEmpty, "\(rendered)")
        #expect(result.rules != nil)
        #expect(result.files.count == 4)
    }

    @Test func keepsThePublicIds() throws {
        let result = RulesLoader.load(path: Self.rulesDirectory)
        let rules = try #require(result.rules)
        #expect(rules.criteria.map(\.id) == ["vision", "whole_system", "commitment", "capability", "sharing", "evidence"])
        #expect(rules.criteria.flatMap(\.considerations).map(\.id) == Self.expectedConsiderations)
        #expect(rules.principles.considerations.map(\.id) == Self.expectedPrinciples)
        #expect(rules.principles.weight == 0)
    }

    @Test func encodesTheAnnexLimitsAndGate() throws {
        let result = RulesLoader.load(path: Self.rulesDirectory)
        let rules = try #require(result.rules)
        #expect(rules.header.name == "Integrated care and support pioneers")
        #expect(rules.pageLimit.limit == 10)
        #expect(rules.pageLimit.overLimitCap == .notMet)
        let gate = try #require(rules.gates.first { $0.id == "hwb_support" })
        #expect(rules.allConsiderations.first { $0.id == "commitment.hwb" } != nil)
        #expect(gate.message.contains("essential prerequisite"))
    }

    @Test func everyConsiderationHasGuidanceAndExamplesOfEachKind() throws {
        let result = RulesLoader.load(path: Self.rulesDirectory)
        let rules = try #require(result.rules)
        for consideration in rules.allConsiderations {
            #expect(!consideration.guidance.isEmpty, "\(consideration.id) has no guidance")
            let verdicts = Set(consideration.examples.map(\.expected))
            #expect(verdicts.contains(.met), "\(consideration.id) has no met example")
            #expect(verdicts.contains(.missing), "\(consideration.id) has no missing example")
        }
    }
}
