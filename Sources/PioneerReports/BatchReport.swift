import PioneerAssessment
import PioneerRules

/// The results of a batch run, ranked: assessed bids by score (highest first, ties by path),
/// then the files that could not be read, by path.
public struct BatchReport: Sendable {
    public enum Row: Sendable {
        case assessed(rank: Int, Assessment)
        case failed(path: String, error: String)

        public var path: String {
            switch self {
            case .assessed(_, let assessment): return assessment.document.path
            case .failed(let path, _): return path
            }
        }
    }

    public var ruleset: RulesetSummary
    /// Criterion ids and titles in rule order: the per-criterion columns.
    public var criteria: [(id: String, title: String)]
    public var rows: [Row]

    public init(ruleset: RulesetSummary, criteria: [(id: String, title: String)], assessments: [Assessment], failures: [(path: String, error: String)]) {
        self.ruleset = ruleset
        self.criteria = criteria
        let ranked = assessments.sorted {
            $0.score != $1.score ? $0.score > $1.score : $0.document.path < $1.document.path
        }
        rows = ranked.enumerated().map { .assessed(rank: $0.offset + 1, $0.element) }
            + failures.sorted { $0.path < $1.path }.map { .failed(path: $0.path, error: $0.error) }
    }

    public var failureCount: Int {
        rows.reduce(0) { count, row in
            if case .failed = row { return count + 1 }
            return count
        }
    }
}

/// Short flags for a batch row: what a panel must notice before trusting the score.
public enum BatchFlags {
    public static func flags(for assessment: Assessment) -> [String] {
        var flags: [String] = []
        if !assessment.pageLimit.within { flags.append("over-limit") }
        for gate in assessment.gates where !gate.passed { flags.append("gate:\(gate.id)") }
        let codes = Set(assessment.document.warnings.map(\.code))
        // A file without a word read (a scan) was not assessed at all, whatever its score says.
        if assessment.document.words == 0, codes.contains("no-text-pages") {
            flags.append("no-text")
        } else if !codes.isDisjoint(with: ["no-text-pages", "damaged-content"]) {
            flags.append("partly-unreadable")
        }
        if codes.contains("missing-pages") { flags.append("pages-missing") }
        if codes.contains("stale-app-xml") { flags.append("stale-page-count") }
        return flags
    }

    /// The page count as a person reads it: "8" when exact, "~9.4" when estimated.
    public static func pages(_ document: DocumentSummary) -> String {
        document.pagesExact ? JSONValue.format(document.pages) : "~" + JSONValue.format(document.pages)
    }
}
