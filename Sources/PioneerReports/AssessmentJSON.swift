import PioneerAssessment
import PioneerRules

/// The public JSON shape of an assessment (schema version 1, documented in the README), streamed
/// into a `JSONWriter`.
public enum AssessmentJSON {
    public static let schemaVersion = 1

    /// One document's result, as `pioneer check --format json` prints it.
    public static func write(_ assessment: Assessment, to json: inout JSONWriter) {
        json.object { json in members(of: assessment, to: &json) }
    }

    /// The members of `write`'s object, written into an object already open (a batch puts its rank first).
    public static func members(of assessment: Assessment, to json: inout JSONWriter) {
        json.member("schemaVersion") { $0.number(Double(schemaVersion)) }
        json.member("document") { document(assessment.document, to: &$0) }
        json.member("ruleset") { ruleset(assessment.ruleset, to: &$0) }
        json.member("applicants") { json in
            json.object { json in
                json.member("names", array: assessment.applicants.names) { $0.string($1) }
                json.member("joint") { $0.bool(assessment.applicants.joint) }
            }
        }
        json.member("score") { $0.number(assessment.score) }
        json.member("band") { $0.string(assessment.band.rawValue) }
        json.member("pageLimit") { pageLimit(assessment.pageLimit, to: &$0) }
        json.member("gates", array: assessment.gates) { gate($1, to: &$0) }
        json.member("criteria", array: assessment.criteria) { criterion($1, to: &$0) }
        json.member("principles", array: assessment.principles) { consideration($1, to: &$0) }
    }

    /// A file that could not be read, as a batch result.
    public static func failure(path: String, error: String, to json: inout JSONWriter) {
        json.object { json in
            json.member("document") { json in json.object { json in json.member("path") { $0.string(path) } } }
            json.member("error") { $0.string(error) }
        }
    }

    public static func ruleset(_ ruleset: RulesetSummary, to json: inout JSONWriter) {
        json.object { json in
            json.member("name") { $0.string(ruleset.name) }
            json.member("version") { $0.string(ruleset.version) }
            json.member("fingerprint") { $0.string(ruleset.fingerprint) }
        }
    }

    public static func consideration(_ result: ConsiderationResult, to json: inout JSONWriter) {
        json.object { json in
            json.member("id") { $0.string(result.id) }
            json.member("title") { $0.string(result.title) }
            json.member("verdict") { $0.string(result.verdict.rawValue) }
            json.member("score") { $0.number(result.score) }
            json.member("reason") { $0.string(result.reason) }
            json.member("guidance") { $0.string(result.guidance) }
            json.member("evidence", array: result.evidence) { evidence($1, to: &$0) }
        }
    }

    public static func evidence(_ evidence: Evidence, to json: inout JSONWriter) {
        json.object { json in
            json.member("page") { $0.number(Double(evidence.page)) }
            json.member("line") { $0.number(Double(evidence.line)) }
            json.member("quote") { $0.string(evidence.quote) }
            json.member("terms", array: evidence.terms) { $0.string($1) }
            json.member("negated") { $0.bool(evidence.negated) }
            json.member("strong") { $0.bool(evidence.strong) }
        }
    }
}

private extension AssessmentJSON {
    static func document(_ document: DocumentSummary, to json: inout JSONWriter) {
        json.object { json in
            json.member("path") { $0.string(document.path) }
            json.member("format") { $0.string(document.format.rawValue) }
            json.member("pages") { $0.number(document.pages) }
            json.member("pagesExact") { $0.bool(document.pagesExact) }
            json.member("pageCountSource") { $0.string(document.pageCountSource.rawValue) }
            json.member("words") { $0.number(Double(document.words)) }
            json.member("warnings", array: document.warnings) { json, warning in
                json.object { json in
                    json.member("code") { $0.string(warning.code) }
                    json.member("message") { $0.string(warning.message) }
                }
            }
        }
    }

    static func pageLimit(_ result: PageLimitResult, to json: inout JSONWriter) {
        json.object { json in
            json.member("limit") { $0.number(Double(result.limit)) }
            json.member("pages") { $0.number(result.pages) }
            json.member("within") { $0.bool(result.within) }
            json.member("beyondLimit", array: result.beyondLimit) { json, item in
                json.object { json in
                    json.member("page") { $0.number(Double(item.page)) }
                    json.member("line") { $0.number(Double(item.line)) }
                    json.member("text") { $0.string(item.text) }
                    json.member("consideration") { $0.string(orNull: item.considerationID) }
                }
            }
        }
    }

    static func gate(_ gate: GateResult, to json: inout JSONWriter) {
        json.object { json in
            json.member("id") { $0.string(gate.id) }
            json.member("passed") { $0.bool(gate.passed) }
            json.member("message") { $0.string(gate.message) }
            json.member("cap") { $0.string(orNull: gate.cap?.rawValue) }
        }
    }

    static func criterion(_ criterion: CriterionResult, to json: inout JSONWriter) {
        json.object { json in
            json.member("id") { $0.string(criterion.id) }
            json.member("title") { $0.string(criterion.title) }
            json.member("score") { $0.number(criterion.score) }
            json.member("considerations", array: criterion.considerations) { consideration($1, to: &$0) }
        }
    }
}
