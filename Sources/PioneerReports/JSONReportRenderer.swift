import PioneerAssessment
import PioneerRules

/// `check --format json`: one object per document (see the README's JSON section).
public struct JSONReportRenderer: AssessmentRenderer {
    public static let identifier = "json"
    public init() {}

    public func render(_ assessment: Assessment, context: RenderContext) -> String {
        AssessmentJSON.value(of: assessment).serialised()
    }
}

/// `batch --format json`: `{"schemaVersion": 1, "ruleset": {…}, "results": [ … ]}` in rank order.
public struct JSONBatchRenderer: BatchRenderer {
    public static let identifier = "json"
    /// Every result in full, as `check --format json` prints it.
    public static let detail = AssessmentDetail.report
    public init() {}

    public func render(_ report: BatchReport, context: RenderContext) -> String {
        let results: [JSONValue] = report.rows.map { row in
            switch row {
            case .assessed(let rank, let assessment):
                guard case .object(let members) = AssessmentJSON.value(of: assessment) else { return .null }
                return .object([("rank", .number(Double(rank)))] + members)
            case .failed(let path, let error):
                return AssessmentJSON.failure(path: path, error: error)
            }
        }
        return JSONValue.object([
            ("schemaVersion", .number(Double(AssessmentJSON.schemaVersion))),
            ("ruleset", AssessmentJSON.ruleset(report.ruleset)),
            ("results", .array(results)),
        ]).serialised()
    }
}
