// TEMPORARY: replaced by the evaluator on merge of branch assess.
import PioneerDocuments
import PioneerRules
public struct Assessor: Sendable {
    public init(rules: CompiledRules) {}
    public func assess(_ document: Document) -> Assessment { fatalError("stub") }
    public func explain(_ document: Document, considerationID: String) -> Explanation? { nil }
    public func judgeExample(_ text: String, considerationID: String) -> ConsiderationResult? { nil }
}
