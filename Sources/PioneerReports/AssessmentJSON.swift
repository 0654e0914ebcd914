import PioneerAssessment
import PioneerRules

/// The public JSON shape of an assessment (schema version 1, documented in the README).
public enum AssessmentJSON {
    public static let schemaVersion = 1

    /// One document's result, as `pioneer check --format json` prints it.
    public static func value(of assessment: Assessment) -> JSONValue {
        .object([
            ("schemaVersion", .number(Double(schemaVersion))),
            ("document", document(assessment.document)),
            ("ruleset", ruleset(assessment.ruleset)),
            ("applicants", .object([
                ("names", .array(assessment.applicants.names.map(JSONValue.string))),
                ("joint", .bool(assessment.applicants.joint)),
            ])),
            ("score", .number(assessment.score)),
            ("band", .string(assessment.band.rawValue)),
            ("pageLimit", pageLimit(assessment.pageLimit)),
            ("gates", .array(assessment.gates.map(gate))),
            ("criteria", .array(assessment.criteria.map(criterion))),
            ("principles", .array(assessment.principles.map(consideration))),
        ])
    }

    /// A file that could not be read, as a batch result.
    public static func failure(path: String, error: String) -> JSONValue {
        .object([("document", .object([("path", .string(path))])), ("error", .string(error))])
    }

    public static func ruleset(_ ruleset: RulesetSummary) -> JSONValue {
        .object([("name", .string(ruleset.name)), ("version", .string(ruleset.version)), ("fingerprint", .string(ruleset.fingerprint))])
    }

    public static func consideration(_ result: ConsiderationResult) -> JSONValue {
        .object([
            ("id", .string(result.id)),
            ("title", .string(result.title)),
            ("verdict", .string(result.verdict.rawValue)),
            ("score", .number(result.score)),
            ("reason", .string(result.reason)),
            ("guidance", .string(result.guidance)),
            ("evidence", .array(result.evidence.map(evidence))),
        ])
    }

    public static func evidence(_ evidence: Evidence) -> JSONValue {
        .object([
            ("page", .number(Double(evidence.page))),
            ("line", .number(Double(evidence.line))),
            ("quote", .string(evidence.quote)),
            ("terms", .array(evidence.terms.map(JSONValue.string))),
            ("negated", .bool(evidence.negated)),
            ("strong", .bool(evidence.strong)),
        ])
    }
}

private extension AssessmentJSON {
    static func document(_ document: DocumentSummary) -> JSONValue {
        .object([
            ("path", .string(document.path)),
            ("format", .string(document.format.rawValue)),
            ("pages", .number(document.pages)),
            ("pagesExact", .bool(document.pagesExact)),
            ("pageCountSource", .string(document.pageCountSource.rawValue)),
            ("words", .number(Double(document.words))),
            ("warnings", .array(document.warnings.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })),
        ])
    }

    static func pageLimit(_ result: PageLimitResult) -> JSONValue {
        .object([
            ("limit", .number(Double(result.limit))),
            ("pages", .number(result.pages)),
            ("within", .bool(result.within)),
            ("beyondLimit", .array(result.beyondLimit.map { item in
                .object([
                    ("page", .number(Double(item.page))),
                    ("line", .number(Double(item.line))),
                    ("text", .string(item.text)),
                    ("consideration", item.considerationID.map(JSONValue.string) ?? .null),
                ])
            })),
        ])
    }

    static func gate(_ gate: GateResult) -> JSONValue {
        .object([
            ("id", .string(gate.id)),
            ("passed", .bool(gate.passed)),
            ("message", .string(gate.message)),
            ("cap", gate.cap.map { .string($0.rawValue) } ?? .null),
        ])
    }

    static func criterion(_ criterion: CriterionResult) -> JSONValue {
        .object([
            ("id", .string(criterion.id)),
            ("title", .string(criterion.title)),
            ("score", .number(criterion.score)),
            ("considerations", .array(criterion.considerations.map(consideration))),
        ])
    }
}
