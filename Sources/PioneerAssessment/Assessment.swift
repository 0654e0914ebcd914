import PioneerDocuments
import PioneerRules

/// Everything the tool concluded about one bid: the model every report renders.
public struct Assessment: Sendable, Hashable {
    public var document: DocumentSummary
    public var ruleset: RulesetSummary
    public var applicants: Applicants
    /// 0–100, rounded to one decimal place.
    public var score: Double
    public var band: Band
    public var pageLimit: PageLimitResult
    public var gates: [GateResult]
    public var criteria: [CriterionResult]
    public var principles: [ConsiderationResult]
    /// How much was written out: everything, or only what a ranking needs (`AssessmentDetail`).
    public var detail: AssessmentDetail

    public init(document: DocumentSummary, ruleset: RulesetSummary, applicants: Applicants, score: Double, band: Band,
                pageLimit: PageLimitResult, gates: [GateResult], criteria: [CriterionResult], principles: [ConsiderationResult],
                detail: AssessmentDetail = .report) {
        self.detail = detail
        self.document = document
        self.ruleset = ruleset
        self.applicants = applicants
        self.score = score
        self.band = band
        self.pageLimit = pageLimit
        self.gates = gates
        self.criteria = criteria
        self.principles = principles
    }
}

/// How much of an assessment is written out. The verdicts, scores, band, gates and page-limit
/// verdict are the same in both; only the words around them differ.
public enum AssessmentDetail: String, Sendable, Hashable, CaseIterable {
    /// Everything a gap report shows: each verdict's reason and quoted evidence (with page, line and
    /// terms), what lies beyond the page limit, and the applicants. What `check` prints.
    case report
    /// What a ranking shows (`batch` as a table, CSV, Markdown or HTML): verdicts, scores, band, gates
    /// and the page-limit verdict, with no reasons (empty), evidence, beyond-limit items or applicants.
    /// No quote is cut and no sentence is made, so a bid costs about a fifth less to assess.
    case ranking
}

extension Assessment {
    /// This assessment with only what `AssessmentDetail.ranking` writes out: reasons, evidence,
    /// beyond-limit items and applicants emptied. `assess(d, detail: .ranking)` equals
    /// `assess(d).rankingOnly`, and a renderer of rankings must render both alike.
    public var rankingOnly: Assessment {
        var copy = self
        copy.detail = .ranking
        copy.applicants = Applicants(names: [], joint: false)
        copy.pageLimit.beyondLimit = []
        copy.criteria = criteria.map { criterion in
            var criterion = criterion
            criterion.considerations = criterion.considerations.map(\.rankingOnly)
            return criterion
        }
        copy.principles = principles.map(\.rankingOnly)
        return copy
    }
}

extension ConsiderationResult {
    /// The verdict and score without the reason and evidence (`AssessmentDetail.ranking`).
    public var rankingOnly: ConsiderationResult {
        var copy = self
        copy.reason = ""
        copy.evidence = []
        return copy
    }
}

public struct DocumentSummary: Sendable, Hashable {
    public var path: String
    public var format: DocumentFormat
    public var pages: Double
    public var pagesExact: Bool
    public var pageCountSource: PageCount.Source
    public var words: Int
    public var warnings: [DocumentWarning]

    public init(path: String, format: DocumentFormat, pages: Double, pagesExact: Bool, pageCountSource: PageCount.Source, words: Int, warnings: [DocumentWarning]) {
        self.path = path
        self.format = format
        self.pages = pages
        self.pagesExact = pagesExact
        self.pageCountSource = pageCountSource
        self.words = words
        self.warnings = warnings
    }
}

public struct RulesetSummary: Sendable, Hashable {
    public var name: String
    public var version: String
    public var fingerprint: String

    public init(name: String, version: String, fingerprint: String) {
        self.name = name
        self.version = version
        self.fingerprint = fingerprint
    }
}

/// The organisations a bid names as applying.
public struct Applicants: Sendable, Hashable {
    public var names: [String]
    /// True when more than one organisation applies together (a CCG with its local authority).
    public var joint: Bool

    public init(names: [String], joint: Bool) {
        self.names = names
        self.joint = joint
    }
}

public struct PageLimitResult: Sendable, Hashable {
    public var limit: Int
    public var pages: Double
    public var within: Bool
    /// Headings and evidence a panel would not read because they lie beyond the limit.
    public var beyondLimit: [BeyondLimitItem]

    public init(limit: Int, pages: Double, within: Bool, beyondLimit: [BeyondLimitItem]) {
        self.limit = limit
        self.pages = pages
        self.within = within
        self.beyondLimit = beyondLimit
    }
}

/// Something on a page after the limit: a section heading, or evidence for a consideration.
public struct BeyondLimitItem: Sendable, Hashable {
    public var page: Int
    public var line: Int
    /// The heading text, or the quoted evidence.
    public var text: String
    /// The consideration the evidence would have counted for; `nil` for a heading.
    public var considerationID: String?

    public init(page: Int, line: Int, text: String, considerationID: String?) {
        self.page = page
        self.line = line
        self.text = text
        self.considerationID = considerationID
    }
}

public struct GateResult: Sendable, Hashable {
    public var id: String
    public var passed: Bool
    public var message: String
    /// The band the gate capped the bid at, when it did not pass.
    public var cap: Band?

    public init(id: String, passed: Bool, message: String, cap: Band?) {
        self.id = id
        self.passed = passed
        self.message = message
        self.cap = cap
    }
}

public struct CriterionResult: Sendable, Hashable {
    public var id: String
    public var title: String
    /// 0–100, one decimal place.
    public var score: Double
    public var considerations: [ConsiderationResult]

    public init(id: String, title: String, score: Double, considerations: [ConsiderationResult]) {
        self.id = id
        self.title = title
        self.score = score
        self.considerations = considerations
    }
}

public struct ConsiderationResult: Sendable, Hashable {
    public var id: String
    public var title: String
    public var verdict: Verdict
    /// 0–100, from the rules' points for the verdict.
    public var score: Double
    /// The verdict in words: "partial: names Healthwatch but gives no plan, owner or date".
    public var reason: String
    public var guidance: String
    /// Best evidence first (strong before weak), then stated gaps (negated), at most a few of each.
    public var evidence: [Evidence]

    public init(id: String, title: String, verdict: Verdict, score: Double, reason: String, guidance: String, evidence: [Evidence]) {
        self.id = id
        self.title = title
        self.verdict = verdict
        self.score = score
        self.reason = reason
        self.guidance = guidance
        self.evidence = evidence
    }
}

/// A quoted stretch of the bid that bears on a consideration.
public struct Evidence: Sendable, Hashable {
    public var page: Int
    public var line: Int
    /// The sentence, at most 240 characters.
    public var quote: String
    /// The rule phrases matched in it, as written in the rules.
    public var terms: [String]
    /// True when the match sits in a negated statement: a stated gap, not evidence.
    public var negated: Bool
    /// True when substance (date, figure, owner, commitment) stands with the match.
    public var strong: Bool

    public init(page: Int, line: Int, quote: String, terms: [String], negated: Bool, strong: Bool) {
        self.page = page
        self.line = line
        self.quote = quote
        self.terms = terms
        self.negated = negated
        self.strong = strong
    }
}

/// Every candidate match for one consideration and why it did or did not count (`check --explain`).
public struct Explanation: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case counted
        case weak = "no-substance"
        case negated
        case outsideScope = "outside-section-scope"
        case beyondPageLimit = "beyond-page-limit"
        case buzzwords = "bare-list"
        /// The topic is named (the rule's `mentions`) but the unit is not evidence.
        case mention = "bare-mention"
    }

    public struct Candidate: Sendable, Hashable {
        public var evidence: Evidence
        public var status: Status
        /// Why, in words.
        public var note: String

        public init(evidence: Evidence, status: Status, note: String) {
            self.evidence = evidence
            self.status = status
            self.note = note
        }
    }

    public var considerationID: String
    public var result: ConsiderationResult
    public var candidates: [Candidate]

    public init(considerationID: String, result: ConsiderationResult, candidates: [Candidate]) {
        self.considerationID = considerationID
        self.result = result
        self.candidates = candidates
    }
}
