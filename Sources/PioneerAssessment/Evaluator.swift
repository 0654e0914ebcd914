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
        var tried = Set<Int>()
        for position in unitsToTry(plan.required, paragraphs: paragraphs) {
            let unit = units[position]
            guard !unit.isHeading else { continue }
            let holds = conditions.holds(consideration.evidence, on: unit)
            guard holds || conditions.holds(consideration.evidence, on: unit, countingNegated: true) else { continue }
            tried.insert(position)
            let status = status(of: unit, holds: holds, plan: plan, inScope: inScope)
            candidates.append(Candidate(unit: unit, status: status, negated: !holds,
                                        phrases: phrases(in: unit, relevant: plan.relevant, negated: !holds)))
        }
        guard let mentions = consideration.mentions else { return candidates }
        for position in unitsToTry(plan.mentionRequired, paragraphs: paragraphs) where !tried.contains(position) {
            let unit = units[position]
            guard !unit.isHeading, conditions.holds(mentions, on: unit) else { continue }
            candidates.append(Candidate(unit: unit, status: mentionStatus(of: unit, inScope: inScope), negated: false,
                                        phrases: phrases(in: unit, relevant: plan.relevant, negated: false)))
        }
        return candidates.sorted { ($0.unit.tokens.lowerBound, $0.status.rawValue) < ($1.unit.tokens.lowerBound, $1.status.rawValue) }
    }
}

private extension Evaluator {
    /// Indices of the units (or paragraphs) that hold a required phrase, in order; every unit without a requirement.
    func unitsToTry(_ required: [Int32]?, paragraphs: Bool) -> [Int] {
        let analysis = conditions.analysis
        guard let required else { return Array((paragraphs ? analysis.paragraphs : analysis.units).indices) }
        var found: [Int] = []
        for phrase in required {
            for unit in analysis.units(matching: phrase) {
                let index = paragraphs ? analysis.units[Int(unit)].paragraph : Int(unit)
                if index >= 0 { found.append(index) }
            }
        }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for index in found where unique.last != index { unique.append(index) }
        return unique
    }

    func status(of unit: TextUnit, holds: Bool, plan: ConsiderationPlan, inScope: [Bool]?) -> Explanation.Status {
        if let countedPages, unit.page > countedPages { return .beyondPageLimit }
        if let inScope, !(unit.section >= 0 && unit.section < inScope.count && inScope[unit.section]) { return .outsideScope }
        if !holds { return .negated }
        if unit.bare { return .buzzwords }
        var substance = unit
        substance.signalMask = signalsBeside(plan.relevant, in: unit)
        return conditions.holds(plan.consideration.strong, on: substance) ? .counted : .weak
    }

    /// A bare mention of the topic: never strong, and subject to the page limit and section scope like evidence.
    func mentionStatus(of unit: TextUnit, inScope: [Bool]?) -> Explanation.Status {
        if let countedPages, unit.page > countedPages { return .beyondPageLimit }
        if let inScope, !(unit.section >= 0 && unit.section < inScope.count && inScope[unit.section]) { return .outsideScope }
        return .mention
    }

    /// The unit's signals less any proper name that is the evidence itself: naming "the Adult Social Care
    /// Outcomes Framework" is the topic, not an owner standing beside it.
    func signalsBeside(_ relevant: [Bool], in unit: TextUnit) -> UInt8 {
        let analysis = conditions.analysis
        let evidence = analysis.matches[unit.matches].filter {
            !$0.negated && $0.phrase >= 0 && Int($0.phrase) < relevant.count && relevant[Int($0.phrase)]
        }
        var mask = unit.signalMask & ~SignalSpan.bit(.properName)
        for span in analysis.signals[unit.signals] where span.signal == .properName {
            let overlapsEvidence = evidence.contains { $0.start < span.end && span.start < $0.end }
            if !overlapsEvidence { mask |= SignalSpan.bit(.properName) }
        }
        return mask
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

    func phrases(in unit: TextUnit, relevant: [Bool], negated: Bool) -> [Int32] {
        var found: [Int32] = []
        for match in conditions.analysis.matches[unit.matches]
        where (negated || !match.negated) && Int(match.phrase) < relevant.count && relevant[Int(match.phrase)] {
            if !found.contains(match.phrase) { found.append(match.phrase) }
        }
        return found
    }
}
