import Foundation
import PioneerAssessment
import PioneerDocuments
import PioneerRules
import Testing

/// The shipped rules and sample bids, read from the repository.
enum BenchFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedRules() throws -> CompiledRules {
        try #require(RulesLoader.load(path: root.appendingPathComponent("rules").path).rules, "the shipped rules must load")
    }

    static func sample(_ name: String) throws -> Document {
        try DocumentReader.read(path: root.appendingPathComponent("submissions").appendingPathComponent(name).path)
    }

    /// Every consideration's result by id, criteria's and principles'.
    static func results(_ assessment: Assessment) -> [String: ConsiderationResult] {
        var byID: [String: ConsiderationResult] = [:]
        for result in assessment.criteria.flatMap(\.considerations) + assessment.principles { byID[result.id] = result }
        return byID
    }
}
