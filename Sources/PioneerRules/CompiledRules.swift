/// The immutable result of parsing and resolving a rule set: everything the evaluator needs
/// and nothing about syntax. Produced by `RulesCompiler`; consumed by the assessment.
///
/// Phrases are stored once in `phrases` and referred to by index, so the evaluator can build
/// one matcher over all of them and scan a document once.
public struct CompiledRules: Sendable, Hashable {
    public var header: RulesetHeader
    public var pageLimit: PageLimitRule
    /// Every distinct phrase any rule matches (term sets, signals, negation cues, inline phrases).
    public var phrases: [CompiledPhrase]
    public var termSets: [CompiledTermSet]
    public var negation: NegationRule
    public var criteria: [CompiledCriterion]
    public var principles: PrinciplesGroup
    public var gates: [CompiledGate]
    public var scoring: ScoringRule
    /// Hex digest of a canonical dump of this model: proves which rules scored a bid.
    public var fingerprint: String

    public init(header: RulesetHeader, pageLimit: PageLimitRule, phrases: [CompiledPhrase], termSets: [CompiledTermSet],
                negation: NegationRule, criteria: [CompiledCriterion], principles: PrinciplesGroup,
                gates: [CompiledGate], scoring: ScoringRule, fingerprint: String) {
        self.header = header
        self.pageLimit = pageLimit
        self.phrases = phrases
        self.termSets = termSets
        self.negation = negation
        self.criteria = criteria
        self.principles = principles
        self.gates = gates
        self.scoring = scoring
        self.fingerprint = fingerprint
    }

    /// Every consideration: the criteria's, then the principles.
    public var allConsiderations: [CompiledConsideration] {
        criteria.flatMap(\.considerations) + principles.considerations
    }
}

public struct RulesetHeader: Sendable, Hashable {
    public var name: String
    public var version: String
    /// The document the rules encode.
    public var source: String

    public init(name: String, version: String, source: String) {
        self.name = name
        self.version = version
        self.source = source
    }
}

/// What the rules say about length.
public struct PageLimitRule: Sendable, Hashable {
    /// Most pages a panel reads (10 for the pioneer call).
    public var limit: Int
    /// The highest band a bid over the limit can reach (`.notMet`: ineligible); `nil` only warns.
    public var overLimitCap: Band?

    public init(limit: Int, overLimitCap: Band?) {
        self.limit = limit
        self.overLimitCap = overLimitCap
    }
}

/// A phrase as canonical words (see `WordTokenizer.words(of:)`), spelling variants already expanded
/// into separate phrases.
public struct CompiledPhrase: Sendable, Hashable {
    /// Lower-case canonical words; never empty.
    public var words: [String]
    /// True when the last word was written with a trailing '*': it matches any word it begins.
    public var lastWordIsPrefix: Bool
    /// The phrase as the rules author wrote it (before spelling expansion), for reports.
    public var source: String

    public init(words: [String], lastWordIsPrefix: Bool = false, source: String) {
        self.words = words
        self.lastWordIsPrefix = lastWordIsPrefix
        self.source = source
    }
}

/// A named set of phrases, such as every way of naming the Health and Wellbeing Board.
public struct CompiledTermSet: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Indices into `CompiledRules.phrases`.
    public var phrases: [Int]
    /// Phrases that count only after one of `phrases` has appeared earlier in the document
    /// ("the Board" once "Health and Wellbeing Board" has been named).
    public var afterFirst: [Int]
    public var location: SourceLocation

    public init(id: String, title: String, phrases: [Int], afterFirst: [Int] = [], location: SourceLocation) {
        self.id = id
        self.title = title
        self.phrases = phrases
        self.afterFirst = afterFirst
        self.location = location
    }
}

/// How the evaluator recognises negated statements.
public struct NegationRule: Sendable, Hashable {
    /// Cues that negate a match that follows within `window` words ("no", "not", "without").
    public var before: [Int]
    /// Cues that negate a match that precedes within `window` words ("has not", "not yet").
    public var after: [Int]
    /// Phrases that look like cues but are not ("not only", "no later than"); they mask cues they overlap.
    public var exceptions: [Int]
    /// Words that end a clause: a cue never reaches across one ("but", "although").
    public var clauseBreaks: [Int]
    /// Largest distance in words between a cue and the match it negates.
    public var window: Int

    public init(before: [Int], after: [Int], exceptions: [Int], clauseBreaks: [Int], window: Int) {
        self.before = before
        self.after = after
        self.exceptions = exceptions
        self.clauseBreaks = clauseBreaks
        self.window = window
    }
}

/// Signals the evaluator detects without phrases.
public enum BuiltinSignal: String, Sendable, Hashable, CaseIterable {
    /// A date or period: "March 2014", "by 2015", "Q3 2013/14", "31/03/2014".
    case date
    /// A number that is not part of a date: "12 practices", "3,400 people".
    case figure
    /// A sum of money: "£2.4m", "£350,000".
    case money
    /// A percentage: "15%", "15 per cent".
    case percent
    /// A capitalised multi-word name: "Northshire County Council", "Dr Amara Okafor".
    case properName = "proper_name"
}

/// A boolean condition over one evidence unit (a sentence or paragraph) of a document.
public indirect enum Condition: Sendable, Hashable {
    /// The unit holds a non-negated match of any phrase of the term set (index into `termSets`).
    case termSet(Int)
    /// The unit holds a non-negated match of the phrase (index into `phrases`).
    case phrase(Int)
    /// The unit holds the built-in signal.
    case signal(BuiltinSignal)
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// At least `count` of the conditions hold.
    case atLeast(Int, [Condition])
    /// A match of the first and of the second lie within `words` words of each other (operands are
    /// term sets, phrases, signals, or `any` of those).
    case near(Condition, Condition, words: Int)
}

/// The stretch of text one piece of evidence is judged on.
public enum EvidenceUnit: String, Sendable, Hashable {
    case sentence, paragraph
}

/// A verdict on one consideration or principle.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
    case met, partial, missing
}

/// The outcome a panel gives a bid. Ordered best first: `meets > siftIn > notMet`.
public enum Band: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case meets
    case siftIn = "sift-in"
    case notMet = "not-met"

    private var rank: Int {
        switch self {
        case .meets: return 2
        case .siftIn: return 1
        case .notMet: return 0
        }
    }

    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rank < rhs.rank }
}

public struct CompiledCriterion: Sendable, Hashable {
    public var id: String
    public var title: String
    public var weight: Double
    public var considerations: [CompiledConsideration]
    public var location: SourceLocation

    public init(id: String, title: String, weight: Double, considerations: [CompiledConsideration], location: SourceLocation) {
        self.id = id
        self.title = title
        self.weight = weight
        self.considerations = considerations
        self.location = location
    }
}

/// One supporting consideration (or partnership principle) and how to judge it.
public struct CompiledConsideration: Sendable, Hashable {
    public var id: String
    public var title: String
    public var weight: Double
    /// What a bid should add when this is missing or weak.
    public var guidance: String
    /// What a unit must hold to be evidence at all.
    public var evidence: Condition
    public var unit: EvidenceUnit
    /// What makes a piece of evidence strong (substance near the match); weak otherwise.
    public var strong: Condition
    /// Strong pieces of evidence needed for `met`.
    public var minimum: Int
    /// When set, evidence counts only under a heading (at any level above it) that satisfies this.
    public var headingScope: Condition?
    /// When set, a unit where this holds (not negated) but `evidence` does not is a bare mention of the
    /// topic: it makes the verdict `partial` rather than `missing`, never `met`.
    public var mentions: Condition?
    public var examples: [RuleExample]
    public var location: SourceLocation

    public init(id: String, title: String, weight: Double, guidance: String, evidence: Condition, unit: EvidenceUnit,
                strong: Condition, minimum: Int, headingScope: Condition?, examples: [RuleExample], location: SourceLocation,
                mentions: Condition? = nil) {
        self.id = id
        self.title = title
        self.weight = weight
        self.guidance = guidance
        self.evidence = evidence
        self.unit = unit
        self.strong = strong
        self.minimum = minimum
        self.headingScope = headingScope
        self.mentions = mentions
        self.examples = examples
        self.location = location
    }
}

/// An example embedded in the rules and run by `pioneer rules test`.
public struct RuleExample: Sendable, Hashable {
    public var expected: Verdict
    public var text: String
    public var location: SourceLocation

    public init(expected: Verdict, text: String, location: SourceLocation) {
        self.expected = expected
        self.text = text
        self.location = location
    }
}

/// The partnership principles, reported beside the criteria.
public struct PrinciplesGroup: Sendable, Hashable {
    public var title: String
    /// Weight of the principles' mean in the overall score; 0 means reported only.
    public var weight: Double
    public var considerations: [CompiledConsideration]

    public init(title: String, weight: Double, considerations: [CompiledConsideration]) {
        self.title = title
        self.weight = weight
        self.considerations = considerations
    }
}

/// A prerequisite that caps the band whatever the score.
public struct CompiledGate: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The consideration whose verdict the gate reads.
    public var considerationID: String
    /// The highest band reachable for each verdict; a verdict not listed passes.
    public var caps: [Verdict: Band]
    /// Said in the report when the gate caps the band.
    public var message: String
    public var location: SourceLocation

    public init(id: String, title: String, considerationID: String, caps: [Verdict: Band], message: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.considerationID = considerationID
        self.caps = caps
        self.message = message
        self.location = location
    }
}

/// How verdicts roll up into scores and bands.
public struct ScoringRule: Sendable, Hashable {
    /// Points (0–100) for each verdict.
    public var points: [Verdict: Double]
    /// Bands from best to worst with the least overall score each needs and, optionally, the least
    /// score every criterion needs; the last band has threshold 0 and catches the rest.
    public var bands: [BandThreshold]

    public init(points: [Verdict: Double], bands: [BandThreshold]) {
        self.points = points
        self.bands = bands
    }
}

public struct BandThreshold: Sendable, Hashable {
    public var band: Band
    public var minimumScore: Double
    public var minimumCriterionScore: Double?

    public init(band: Band, minimumScore: Double, minimumCriterionScore: Double? = nil) {
        self.band = band
        self.minimumScore = minimumScore
        self.minimumCriterionScore = minimumCriterionScore
    }
}
