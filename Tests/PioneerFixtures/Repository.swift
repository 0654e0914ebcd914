import Foundation
import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// The repository's own rules and sample bids, read from the source tree, for the tests of every
/// target that needs them.
public enum Repository {
    /// The package root (this file is `Tests/PioneerFixtures/Repository.swift`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `submissions/`, the sample bids.
    public static let submissions = root.appendingPathComponent("submissions")

    /// Why the shipped rules did not load: their diagnostics.
    public struct RulesError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The shipped rules (`rules/`), compiled.
    public static func shippedRules() throws -> CompiledRules {
        let result = RulesLoader.load(path: root.appendingPathComponent("rules").path)
        guard let rules = result.rules else {
            throw RulesError(description: "the shipped rules must load: \(result.diagnostics.map(\.message).joined(separator: "; "))")
        }
        return rules
    }

    /// The sample bid `name` in `submissions/`, read.
    public static func sample(_ name: String) throws -> Document {
        try DocumentReader.read(path: submissions.appendingPathComponent(name).path)
    }

    /// Every sample bid (`.md`, `.txt`, `.pdf`, `.docx`), read, in name order.
    public static func samples() throws -> [Document] {
        let names = try FileManager.default.contentsOfDirectory(atPath: submissions.path)
            .filter { [".md", ".txt", ".pdf", ".docx"].contains(where: $0.hasSuffix) }
            .sorted()
        return try names.map(sample)
    }

    /// Every consideration's result in `assessment` by id, the criteria's and the principles'.
    public static func results(_ assessment: Assessment) -> [String: ConsiderationResult] {
        var byID: [String: ConsiderationResult] = [:]
        for result in assessment.criteria.flatMap(\.considerations) + assessment.principles { byID[result.id] = result }
        return byID
    }
}
