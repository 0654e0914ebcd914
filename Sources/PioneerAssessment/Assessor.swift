import PioneerDocuments
import PioneerRules

/// Assesses bids against one compiled rule set.
///
/// The phrase matcher and every rule lookup are built once, in `init`; each assessment then
/// normalises, segments and scans the document once and judges every consideration on the result.
/// Repeated content is folded first (`CanonicalRules`): the matcher holds each distinct phrase once,
/// and considerations whose conditions say the same thing are evaluated once per document.
/// Value type, `Sendable`: one assessor can judge many documents concurrently.
public struct Assessor: Sendable {
    /// The rules every assessment is judged against.
    public let rules: CompiledRules
    let matcher: PhraseMatcher
    let negation: Negation
    let index: RuleIndex
    /// Every condition of the rules, compiled on canonical indices.
    let program: ConditionProgram
    /// The distinct evaluations: what considerations with the same canonical conditions share.
    let evaluations: [EvaluationPlan]
    /// The distinct (evaluation, minimum) pairs: what considerations with the same verdict share.
    let outcomes: [OutcomeKey]
    /// Every consideration (criteria's, then principles), in that order, with its evaluation and outcome.
    let plans: [ConsiderationPlan]
    let sources: PhraseSources
    /// The atoms each phrase's matches make hold.
    let atoms: AtomIndex
    /// Whether some evaluation judges paragraphs (their atoms are then recorded too).
    let judgesParagraphs: Bool
    /// Shared by the copies of this assessor: a workspace is reused only with the rules that filled it.
    let identity = Identity()

    /// Folds repeated content, then compiles the phrase matcher, the conditions and the rule lookups for `rules`.
    public init(rules: CompiledRules) {
        self.rules = rules
        let canon = CanonicalRules(rules)
        matcher = PhraseMatcher(phrases: canon.phrases)
        negation = Negation(rule: canon.negation, phraseCount: canon.phrases.count)
        index = RuleIndex(phraseCount: canon.phrases.count, termSets: canon.termSets)
        sources = PhraseSources(canon.phrases)
        var builder = ConditionProgram.Builder(canon: canon)
        let considerations = rules.allConsiderations
        var keys: [EvaluationPlan.Key] = []
        keys.reserveCapacity(considerations.count)
        for consideration in considerations {
            keys.append(EvaluationPlan.Key(evidence: builder.add(consideration.evidence), strong: builder.add(consideration.strong),
                                           mentions: consideration.mentions.map { builder.add($0) } ?? -1,
                                           headingScope: consideration.headingScope.map { builder.add($0) } ?? -1,
                                           unit: consideration.unit))
        }
        program = builder.program
        var evaluations: [EvaluationPlan] = []
        var evaluationIndex = [EvaluationPlan.Key: Int](minimumCapacity: keys.count)
        var outcomes: [OutcomeKey] = []
        var outcomeIndex = [OutcomeKey: Int](minimumCapacity: keys.count)
        var plans: [ConsiderationPlan] = []
        for (consideration, key) in zip(considerations, keys) {
            let evaluation = evaluationIndex[key] ?? evaluations.count
            if evaluation == evaluations.count {
                evaluations.append(EvaluationPlan(key, program: builder.program, termSets: canon.termSets))
                evaluationIndex[key] = evaluation
            }
            let outcomeKey = OutcomeKey(evaluation: evaluation, minimum: consideration.minimum)
            let outcome = outcomeIndex[outcomeKey] ?? outcomes.count
            if outcome == outcomes.count {
                outcomes.append(outcomeKey)
                outcomeIndex[outcomeKey] = outcome
            }
            plans.append(ConsiderationPlan(consideration: consideration, evaluation: evaluation, outcome: outcome))
        }
        atoms = AtomIndex(atoms: program.atoms, phraseCount: canon.phrases.count, termSets: canon.termSets)
        judgesParagraphs = evaluations.contains { $0.key.unit == .paragraph }
        self.evaluations = evaluations
        self.outcomes = outcomes
        self.plans = plans
    }

    /// Judges every consideration and principle of the rules on `document`, then scores, bands,
    /// gates and checks the page limit. The same document always gives the same assessment.
    /// With `detail: .ranking` only the verdicts, scores, band, gates and page-limit verdict are written
    /// out (the same as with `.report`), not the reasons, evidence, beyond-limit items or applicants.
    public func assess(_ document: Document, detail: AssessmentDetail = .report) -> Assessment {
        assess(document, words: WordTable(), detail: detail).assessment
    }

    /// `assess`, interning the document's words into `words`; returns them with the assessment.
    /// `words` is consumed (see `DocumentAnalyser.analyse`).
    func assess(_ document: Document, words: consuming WordTable, detail: AssessmentDetail = .report) -> (assessment: Assessment, words: WordTable) {
        let analysis = analyse(document, words: words)
        let evaluator = evaluator(for: analysis, pageCount: document.pageCount)
        var tried: [Int] = []
        var candidates: [[Candidate]] = []
        candidates.reserveCapacity(evaluations.count)
        for evaluation in evaluations { candidates.append(evaluator.candidates(for: evaluation, tried: &tried)) }
        let writer = writer(for: analysis)
        let reports = detail == .report
        var quotes = QuoteCache(rows: reports ? evaluator.conditions.atoms.rowCount : 0)
        let judgements = outcomes.map { outcome in
            reports ? writer.judgement(of: evaluations[outcome.evaluation], minimum: outcome.minimum, candidates: candidates[outcome.evaluation],
                                       quotes: &quotes)
                    : writer.verdict(minimum: outcome.minimum, candidates: candidates[outcome.evaluation])
        }
        let listedBeyond = reports ? candidates.map { PageLimit.listed($0) } : []
        var results: [ConsiderationResult] = []
        results.reserveCapacity(plans.count)
        var beyond: [(considerationID: String, candidates: [Candidate])] = []
        for plan in plans {
            results.append(judgements[plan.outcome].result(for: plan.consideration))
            if reports, !listedBeyond[plan.evaluation].isEmpty { beyond.append((plan.consideration.id, listedBeyond[plan.evaluation])) }
        }
        var criteria: [CriterionResult] = []
        var offset = 0
        for criterion in rules.criteria {
            let own = Array(results[offset..<min(results.count, offset + criterion.considerations.count)])
            offset += criterion.considerations.count
            criteria.append(CriterionResult(id: criterion.id, title: criterion.title,
                                            score: Scoring.criterionScore(criterion, results: own), considerations: own))
        }
        let principles = Array(results[min(offset, results.count)...])
        let score = Scoring.overall(criteria: zip(rules.criteria, criteria).map { ($1.score, $0.weight) },
                                    principles: principles, principlesWeight: rules.principles.weight)
        let gates = Gates.results(rules.gates, verdicts: results.map { ($0.id, $0.verdict) })
        var band = Scoring.band(score: score, criterionScores: criteria.map(\.score), rule: rules.scoring)
        band = PageLimit.cap(Gates.cap(band, by: gates), pages: document.pageCount, rule: rules.pageLimit)
        let assessment = Assessment(document: summary(of: document), ruleset: RulesetSummary(name: rules.header.name, version: rules.header.version,
                                                                                             fingerprint: rules.fingerprint),
                                    applicants: reports ? ApplicantFinder.applicants(in: analysis) : Applicants(names: [], joint: false),
                                    score: score, band: band,
                                    pageLimit: reports ? PageLimit.result(pages: document.pageCount, rule: rules.pageLimit, analysis: analysis,
                                                                          beyond: beyond, quotes: &quotes)
                                                       : PageLimit.verdict(pages: document.pageCount, rule: rules.pageLimit),
                                    gates: gates, criteria: criteria, principles: principles, detail: detail)
        return (assessment, analysis.words)
    }

    /// Runs one embedded rule example: `text` as a one-page Markdown-like document, judged on that
    /// consideration alone (page limit and gates ignored; a heading scope only when the text has headings).
    /// Used by `pioneer rules test`. `nil` when no consideration or principle has that id.
    public func judgeExample(_ text: String, considerationID: String) -> ConsiderationResult? {
        guard let plan = plans.first(where: { $0.consideration.id == considerationID }) else { return nil }
        let document = ExampleDocument.document(text)
        let analysis = analyse(document)
        let evaluator = Evaluator(conditions: conditions(for: analysis), countedPages: nil, honoursScope: !analysis.sections.isEmpty)
        let evaluation = evaluations[plan.evaluation]
        return writer(for: analysis).result(for: plan.consideration, plan: evaluation, candidates: evaluator.candidates(for: evaluation))
    }
}

extension Assessor {
    func analyse(_ document: Document, words: consuming WordTable = WordTable()) -> DocumentAnalysis {
        DocumentAnalyser(matcher: matcher, negation: negation, index: index).analyse(document.blocks, words: words)
    }

    func conditions(for analysis: DocumentAnalysis) -> ConditionEvaluator {
        ConditionEvaluator(analysis: analysis, index: index, program: program,
                           atoms: UnitAtoms(analysis: analysis, index: atoms, paragraphs: judgesParagraphs))
    }

    func evaluator(for analysis: DocumentAnalysis, pageCount: PageCount) -> Evaluator {
        let over = PageLimit.isOver(pageCount, rule: rules.pageLimit)
        return Evaluator(conditions: conditions(for: analysis), countedPages: over ? rules.pageLimit.limit : nil, honoursScope: true)
    }

    func writer(for analysis: DocumentAnalysis) -> VerdictWriter {
        VerdictWriter(points: rules.scoring.points, pageLimit: rules.pageLimit.limit, analysis: analysis, sources: sources)
    }

    func summary(of document: Document) -> DocumentSummary {
        DocumentSummary(path: document.path, format: document.format, pages: document.pageCount.value,
                        pagesExact: document.pageCount.exact, pageCountSource: document.pageCount.source,
                        words: document.wordCount, warnings: document.warnings)
    }
}
