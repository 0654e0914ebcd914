import PioneerRules

/// A unit that bears on a consideration, and how it was judged.
struct Candidate: Sendable, Hashable {
    var unit: TextUnit
    var status: Explanation.Status
    /// The unit holds the evidence only when negated matches count: a stated gap.
    var negated: Bool
    /// Rule phrases matched in the unit that the consideration refers to, sorted.
    var terms: [String]
}

/// Judges every unit of an analysed document against one consideration.
struct Evaluator {
    let rules: CompiledRules
    let conditions: ConditionEvaluator
    /// Units on later pages do not count (`nil`: the document is within the limit, or the limit is ignored).
    let countedPages: Int?
    /// False for rule examples written without headings.
    let honoursScope: Bool

    /// Every unit where the consideration's evidence holds (negated matches counted), in reading order.
    /// `relevant` holds the phrases the consideration refers to (cited as `Evidence.terms`).
    func candidates(for consideration: CompiledConsideration, relevant: Set<Int32>) -> [Candidate] {
        let analysis = conditions.analysis
        let inScope = sectionsInScope(consideration)
        let units = consideration.unit == .paragraph ? analysis.paragraphs : analysis.units
        var candidates: [Candidate] = []
        for unit in units where !unit.isHeading {
            let holds = conditions.holds(consideration.evidence, on: unit)
            guard holds || conditions.holds(consideration.evidence, on: unit, countingNegated: true) else { continue }
            let status = status(of: unit, holds: holds, consideration: consideration, inScope: inScope)
            candidates.append(Candidate(unit: unit, status: status, negated: !holds, terms: terms(in: unit, relevant: relevant, negated: !holds)))
        }
        return candidates
    }
}

private extension Evaluator {
    func status(of unit: TextUnit, holds: Bool, consideration: CompiledConsideration, inScope: [Bool]?) -> Explanation.Status {
        if let countedPages, unit.page > countedPages { return .beyondPageLimit }
        if let inScope, !(unit.section >= 0 && unit.section < inScope.count && inScope[unit.section]) { return .outsideScope }
        if !holds { return .negated }
        if unit.bare { return .buzzwords }
        return conditions.holds(consideration.strong, on: unit) ? .counted : .weak
    }

    /// For each section, whether it or a section above it has a heading satisfying the scope; `nil` without a scope.
    func sectionsInScope(_ consideration: CompiledConsideration) -> [Bool]? {
        guard honoursScope, let scope = consideration.headingScope else { return nil }
        let analysis = conditions.analysis
        var inScope: [Bool] = []
        inScope.reserveCapacity(analysis.sections.count)
        for section in analysis.sections {
            let heading = analysis.units.indices.contains(section.heading) && conditions.holds(scope, on: analysis.units[section.heading])
            let parent = section.parent >= 0 && section.parent < inScope.count && inScope[section.parent]
            inScope.append(heading || parent)
        }
        return inScope
    }

    func terms(in unit: TextUnit, relevant: Set<Int32>, negated: Bool) -> [String] {
        var terms = Set<String>()
        for match in conditions.analysis.matches[unit.matches] where relevant.contains(match.phrase) && (negated || !match.negated) {
            if rules.phrases.indices.contains(Int(match.phrase)) { terms.insert(rules.phrases[Int(match.phrase)].source) }
        }
        return terms.sorted()
    }
}
