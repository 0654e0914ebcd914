import PioneerRules

/// A unit that bears on a consideration, and how it was judged.
struct Candidate: Sendable, Hashable {
    var unit: TextUnit
    var status: Explanation.Status
    /// The unit holds the evidence only when negated matches count: a stated gap.
    var negated: Bool
    /// Indices of the rule phrases matched in the unit that the consideration refers to.
    var phrases: [Int32]
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
    func candidates(for plan: ConsiderationPlan) -> [Candidate] {
        let analysis = conditions.analysis
        let consideration = plan.consideration
        let inScope = sectionsInScope(consideration)
        let paragraphs = consideration.unit == .paragraph
        let units = paragraphs ? analysis.paragraphs : analysis.units
        var candidates: [Candidate] = []
        for position in unitsToTry(plan, paragraphs: paragraphs) {
            let unit = units[position]
            guard !unit.isHeading else { continue }
            let holds = conditions.holds(consideration.evidence, on: unit)
            guard holds || conditions.holds(consideration.evidence, on: unit, countingNegated: true) else { continue }
            let status = status(of: unit, holds: holds, consideration: consideration, inScope: inScope)
            candidates.append(Candidate(unit: unit, status: status, negated: !holds,
                                        phrases: phrases(in: unit, relevant: plan.relevant, negated: !holds)))
        }
        return candidates
    }
}

private extension Evaluator {
    /// Indices of the units (or paragraphs) that hold a required phrase, in order; every unit without a requirement.
    func unitsToTry(_ plan: ConsiderationPlan, paragraphs: Bool) -> [Int] {
        let analysis = conditions.analysis
        guard let required = plan.required else { return Array((paragraphs ? analysis.paragraphs : analysis.units).indices) }
        var found: [Int] = []
        for (position, match) in analysis.matches.enumerated() where Int(match.phrase) < required.count && required[Int(match.phrase)] {
            let unit = Int(analysis.matchUnits[position])
            let index = paragraphs ? analysis.units[unit].paragraph : unit
            if index >= 0, found.last != index { found.append(index) }
        }
        return found
    }

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

    func phrases(in unit: TextUnit, relevant: Set<Int32>, negated: Bool) -> [Int32] {
        var found: [Int32] = []
        for match in conditions.analysis.matches[unit.matches] where (negated || !match.negated) && relevant.contains(match.phrase) {
            if !found.contains(match.phrase) { found.append(match.phrase) }
        }
        return found
    }
}
