import PioneerAssessment
import PioneerRules

/// `check --format json`: one object per document (see the README's JSON section).
public struct JSONReportRenderer: AssessmentRenderer {
    public static let identifier = "json"
    public init() {}

    public func render(_ assessment: Assessment, context: RenderContext) -> String {
        String(decoding: renderUTF8(assessment, context: context), as: UTF8.self)
    }

    /// The JSON as it is written, without making a `String` of it.
    public func renderUTF8(_ assessment: Assessment, context: RenderContext) -> [UInt8] {
        var json = JSONWriter()
        AssessmentJSON.write(assessment, to: &json)
        return json.finish()
    }
}

/// `batch --format json`: `{"schemaVersion": 1, "ruleset": {…}, "results": [ … ]}` in rank order,
/// each result an assessment's object with its `rank` first, or a failure.
public struct JSONBatchRenderer: BatchRenderer {
    public static let identifier = "json"
    /// Every result in full, as `check --format json` prints it.
    public static let detail = AssessmentDetail.report
    public init() {}

    public func render(_ report: BatchReport, context: RenderContext) -> String {
        String(decoding: renderUTF8(report, context: context), as: UTF8.self)
    }

    /// The JSON as it is written, without making a `String` of it.
    public func renderUTF8(_ report: BatchReport, context: RenderContext) -> [UInt8] {
        var json = JSONWriter(capacity: 1 << 16)
        json.object { json in
            json.member("schemaVersion") { $0.number(Double(AssessmentJSON.schemaVersion)) }
            json.member("ruleset") { AssessmentJSON.ruleset(report.ruleset, to: &$0) }
            json.member("results") { json in
                json.array { json in
                    for row in report.rows {
                        switch row {
                        case .assessed(let rank, let assessment):
                            json.object { json in
                                json.member("rank") { $0.number(Double(rank)) }
                                AssessmentJSON.members(of: assessment, to: &json)
                            }
                        case .failed(let path, let error):
                            AssessmentJSON.failure(path: path, error: error, to: &json)
                        }
                    }
                }
            }
        }
        return json.finish()
    }
}
