import PioneerDocuments
import PioneerRules

/// Assesses bids against one compiled rule set.
///
/// The phrase matcher and every rule lookup are built once, in `init`; each assessment then
/// normalises, segments and scans the document once and judges every consideration on the result.
/// Value type, `Sendable`: one assessor can judge many documents concurrently.
public struct Assessor: Sendable {
    /// The rules every assessment is judged against.
    public let rules: CompiledRules
    let matcher: PhraseMatcher
    let negation: Negation
    let index: RuleIndex
    /// Every consideration (criteria's, then principles), in that order, with its precomputed lookups.
    let plans: [ConsiderationPlan]

    /// Compiles the phrase matcher and the rule lookups for `rules`.
    public init(rules: CompiledRules) {
        self.rules = rules
        matcher = PhraseMatcher(phrases: rules.phrases)
        negation = Negation(rule: rules.negation, phraseCount: rules.phrases.count)
        index = RuleIndex(rules: rules)
        plans = rules.allConsiderations.map { ConsiderationPlan($0, rules: rules) }
    }

    /// Judges every consideration and principle of the rules on `document`, then scores, bands,
    /// gates and checks the page limit. The same document always gives the same assessment.
    public func assess(_ document: Document) -> Assessment {
        let analysis = analyse(document)
        let evaluator = evaluator(for: analysis, pageCount: document.pageCount)
        let writer = VerdictWriter(rules: rules, points: rules.scoring.points, pageLimit: rules.pageLimit.limit, analysis: analysis)
        var results: [ConsiderationResult] = []
        var beyond: [(considerationID: String, candidates: [Candidate])] = []
        for plan in plans {
            let candidates = evaluator.candidates(for: plan)
            results.append(writer.result(for: plan.consideration, candidates: candidates))
            if candidates.contains(where: { $0.status == .beyondPageLimit }) { beyond.append((plan.consideration.id, candidates)) }
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
        return Assessment(document: summary(of: document), ruleset: RulesetSummary(name: rules.header.name, version: rules.header.version,
                                                                                  fingerprint: rules.fingerprint),
                          applicants: ApplicantFinder.applicants(in: analysis), score: score, band: band,
                          pageLimit: PageLimit.result(pages: document.pageCount, rule: rules.pageLimit, analysis: analysis, beyond: beyond),
                          gates: gates, criteria: criteria, principles: principles)
    }

    /// Runs one embedded rule example: `text` as a one-page Markdown-like document, judged on that
    /// consideration alone (page limit and gates ignored; a heading scope only when the text has headings).
    /// Used by `pioneer rules test`. `nil` when no consideration or principle has that id.
    public func judgeExample(_ text: String, considerationID: String) -> ConsiderationResult? {
        guard let plan = plans.first(where: { $0.consideration.id == considerationID }) else { return nil }
        let document = ExampleDocument.document(text)
        let analysis = analyse(document)
        let evaluator = Evaluator(rules: rules, conditions: conditions(for: analysis), countedPages: nil,
                                  honoursScope: !analysis.sections.isEmpty)
        let writer = VerdictWriter(rules: rules, points: rules.scoring.points, pageLimit: rules.pageLimit.limit, analysis: analysis)
        return writer.result(for: plan.consideration, candidates: evaluator.candidates(for: plan))
    }
}

extension Assessor {
    func analyse(_ document: Document) -> DocumentAnalysis {
        DocumentAnalyser(matcher: matcher, negation: negation, index: index).analyse(document.blocks)
    }

    func conditions(for analysis: DocumentAnalysis) -> ConditionEvaluator {
        ConditionEvaluator(analysis: analysis, index: index, phraseCount: rules.phrases.count)
    }

    func evaluator(for analysis: DocumentAnalysis, pageCount: PageCount) -> Evaluator {
        let over = PageLimit.isOver(pageCount, rule: rules.pageLimit)
        return Evaluator(rules: rules, conditions: conditions(for: analysis), countedPages: over ? rules.pageLimit.limit : nil,
                         honoursScope: true)
    }

    func summary(of document: Document) -> DocumentSummary {
        DocumentSummary(path: document.path, format: document.format, pages: document.pageCount.value,
                        pagesExact: document.pageCount.exact, pageCountSource: document.pageCount.source,
                        words: document.wordCount, warnings: document.warnings)
    }
}
