import PioneerRules

/// A unit that bears on a consideration, and how it was judged. Plain values only: the phrases it
/// cites are read from the unit's matches when a report needs them (`VerdictWriter`).
struct Candidate: Sendable, Hashable {
    var unit: TextUnit
    var status: Explanation.Status
    /// The unit holds the evidence only when negated matches count: a stated gap.
    var negated: Bool
    /// The unit's row in the document's `UnitAtoms` (-1: none), which identifies it within the document.
    var row: Int = -1
}

/// Judges every unit of an analysed document against one evaluation plan.
struct Evaluator {
    let conditions: ConditionEvaluator
    /// Units on later pages do not count (`nil`: the document is within the limit, or the limit is ignored).
    let countedPages: Int?
    /// False for rule examples written without headings.
    let honoursScope: Bool

    /// Every unit where the plan's evidence holds (negated matches counted), and every other unit
    /// where its mentions hold, in reading order.
    func candidates(for plan: EvaluationPlan) -> [Candidate] {
        let analysis = conditions.analysis
        let inScope = sectionsInScope(plan)
        let paragraphs = plan.key.unit == .paragraph
        let units = paragraphs ? analysis.paragraphs : analysis.units
        var candidates: [Candidate] = []
        let mentions = plan.mentions
        var evidence: [Int] = []
        let tried = unitsToTry(plan.required, paragraphs: paragraphs)
        candidates.reserveCapacity(tried.count)
        for position in tried {
            let unit = units[position]
            guard !unit.isHeading else { continue }
            let row = paragraphs ? conditions.atoms.paragraphRow(position) : conditions.atoms.unitRow(position)
            let holds = conditions.holds(plan.key.evidence, on: unit, row: row)
            // Without a negated match in the unit, counting negated matches changes nothing.
            guard holds || (conditions.atoms.hasNegatedMatch(row: row)
                            && conditions.holds(plan.key.evidence, on: unit, row: row, countingNegated: true)) else { continue }
            if mentions != nil { evidence.append(position) }
            let status = status(of: unit, row: row, holds: holds, plan: plan, inScope: inScope)
            candidates.append(Candidate(unit: unit, status: status, negated: !holds, row: row))
        }
        guard let mentions else { return candidates }
        var next = 0
        for position in unitsToTry(plan.mentionRequired, paragraphs: paragraphs) {
            // Both lists are sorted: skip the units already judged as evidence.
            while next < evidence.count, evidence[next] < position { next += 1 }
            if next < evidence.count, evidence[next] == position { continue }
            let unit = units[position]
            let row = paragraphs ? conditions.atoms.paragraphRow(position) : conditions.atoms.unitRow(position)
            guard !unit.isHeading, conditions.holds(mentions, on: unit, row: row) else { continue }
            candidates.append(Candidate(unit: unit, status: mentionStatus(of: unit, inScope: inScope), negated: false, row: row))
        }
        return Self.inReadingOrder(candidates)
    }

    /// Candidates sorted by where their unit starts (then status); already sorted ones as they are.
    static func inReadingOrder(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = zip(candidates, candidates.dropFirst()).allSatisfy { $0.unit.tokens.lowerBound < $1.unit.tokens.lowerBound }
        if sorted { return candidates }
        return candidates.sorted { ($0.unit.tokens.lowerBound, $0.status.rawValue) < ($1.unit.tokens.lowerBound, $1.status.rawValue) }
    }
}

private extension Evaluator {
    /// Indices of the units (or paragraphs) that hold a required phrase, in order; every unit without a requirement.
    func unitsToTry(_ required: [Int32]?, paragraphs: Bool) -> [Int] {
        let analysis = conditions.analysis
        let count = paragraphs ? analysis.paragraphs.count : analysis.units.count
        guard let required else { return Array(0..<count) }
        // Marks in a bit set (`analysis.units(matching:)` read in place: a slice per phrase would take
        // a reference each time), then reads them in order: sorted, without repeats, with no sort.
        let starts = analysis.phraseUnitStarts
        var marks = [UInt64](repeating: 0, count: (count + 63) / 64)
        var marked = 0
        for phrase in required where phrase >= 0 && Int(phrase) + 1 < starts.count {
            for position in Int(starts[Int(phrase)])..<Int(starts[Int(phrase) + 1]) {
                let unit = Int(analysis.phraseUnits[position])
                let index = paragraphs ? (analysis.units.indices.contains(unit) ? analysis.units[unit].paragraph : -1) : unit
                guard index >= 0, index < count else { continue }
                marks[index >> 6] |= 1 << UInt64(index & 63)
                marked += 1
            }
        }
        var found: [Int] = []
        found.reserveCapacity(marked)
        for (word, bits) in marks.enumerated() where bits != 0 {
            var bits = bits
            while bits != 0 {
                found.append(word << 6 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return found
    }

    func status(of unit: TextUnit, row: Int, holds: Bool, plan: EvaluationPlan, inScope: [Bool]?) -> Explanation.Status {
        if let countedPages, unit.page > countedPages { return .beyondPageLimit }
        if let inScope, !(unit.section >= 0 && unit.section < inScope.count && inScope[unit.section]) { return .outsideScope }
        if !holds { return .negated }
        if unit.bare { return .buzzwords }
        let signals = signalsBeside(plan.relevant, in: unit)
        return conditions.holds(plan.key.strong, on: unit, row: row, signalMask: signals) ? .counted : .weak
    }

    /// A bare mention of the topic: never strong, and subject to the page limit and section scope like evidence.
    func mentionStatus(of unit: TextUnit, inScope: [Bool]?) -> Explanation.Status {
        if let countedPages, unit.page > countedPages { return .beyondPageLimit }
        if let inScope, !(unit.section >= 0 && unit.section < inScope.count && inScope[unit.section]) { return .outsideScope }
        return .mention
    }

    /// The unit's signals less any proper name that is the evidence itself: naming "the Adult Social Care
    /// Outcomes Framework" is the topic, not an owner standing beside it.
    func signalsBeside(_ relevant: [Int32], in unit: TextUnit) -> UInt8 {
        let analysis = conditions.analysis
        let name = SignalSpan.bit(.properName)
        let mask = unit.signalMask & ~name
        for position in unit.signals where analysis.signals[position].signal == .properName {
            let span = analysis.signals[position]
            if !overlapsEvidence(span, relevant: relevant, in: unit) { return mask | name }
        }
        return mask
    }

    /// Whether a non-negated match of a relevant phrase overlaps `span`.
    func overlapsEvidence(_ span: SignalSpan, relevant: [Int32], in unit: TextUnit) -> Bool {
        for position in unit.matches {
            let match = conditions.analysis.matches[position]
            if !match.negated, match.start < span.end, span.start < match.end, SortedIndices.contains(relevant, match.phrase) {
                return true
            }
        }
        return false
    }

    /// For each section, whether it or a section above it has a heading satisfying the scope; `nil` without a scope.
    func sectionsInScope(_ plan: EvaluationPlan) -> [Bool]? {
        guard honoursScope, let scope = plan.headingScope else { return nil }
        let analysis = conditions.analysis
        var inScope: [Bool] = []
        inScope.reserveCapacity(analysis.sections.count)
        for section in analysis.sections {
            let heading = analysis.units.indices.contains(section.heading)
                && conditions.holds(scope, on: analysis.units[section.heading], row: conditions.atoms.unitRow(section.heading))
            let parent = section.parent >= 0 && section.parent < inScope.count && inScope[section.parent]
            inScope.append(heading || parent)
        }
        return inScope
    }
}
