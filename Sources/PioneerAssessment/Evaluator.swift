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
        var tried: [Int] = []
        return candidates(for: plan, tried: &tried)
    }

    /// `candidates(for:)`, listing the units to try in `tried` (scratch space kept from plan to plan).
    func candidates(for plan: EvaluationPlan, tried: inout [Int]) -> [Candidate] {
        let analysis = conditions.analysis
        let inScope = sectionsInScope(plan)
        let paragraphs = plan.key.unit == .paragraph
        let units = paragraphs ? analysis.paragraphs : analysis.units
        var candidates: [Candidate] = []
        let mentions = plan.mentions
        var evidence: [Int] = []
        unitsToTry(plan.required, paragraphs: paragraphs, into: &tried)
        candidates.reserveCapacity(tried.count)
        if mentions != nil { evidence.reserveCapacity(tried.count) }
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
        var mentioned: [Candidate] = []
        var next = 0
        unitsToTry(plan.mentionRequired, paragraphs: paragraphs, into: &tried)
        mentioned.reserveCapacity(max(0, tried.count - evidence.count))
        for position in tried {
            // Both lists are sorted: skip the units already judged as evidence.
            while next < evidence.count, evidence[next] < position { next += 1 }
            if next < evidence.count, evidence[next] == position { continue }
            let unit = units[position]
            let row = paragraphs ? conditions.atoms.paragraphRow(position) : conditions.atoms.unitRow(position)
            guard !unit.isHeading, conditions.holds(mentions, on: unit, row: row) else { continue }
            mentioned.append(Candidate(unit: unit, status: mentionStatus(of: unit, inScope: inScope), negated: false, row: row))
        }
        return Self.inReadingOrder(candidates, mentioned)
    }

    /// `first + second` sorted by where their unit starts, then status (stably: on a tie, `first`'s
    /// before `second`'s and each in its own order). Each list comes in reading order, so they are
    /// merged; a list that is not sorted (units without tokens share a start) is sorted with the rest.
    static func inReadingOrder(_ first: [Candidate], _ second: [Candidate]) -> [Candidate] {
        guard isSorted(first), isSorted(second) else {
            return (first + second).sorted { ($0.unit.tokens.lowerBound, $0.status.rawValue) < ($1.unit.tokens.lowerBound, $1.status.rawValue) }
        }
        if second.isEmpty { return first }
        var merged: [Candidate] = []
        merged.reserveCapacity(first.count + second.count)
        var (left, right) = (0, 0)
        while left < first.count, right < second.count {
            if precedes(second[right], first[left]) {
                merged.append(second[right])
                right += 1
            } else {
                merged.append(first[left])
                left += 1
            }
        }
        merged.append(contentsOf: first[left...])
        merged.append(contentsOf: second[right...])
        return merged
    }

    /// Whether `a` sorts strictly before `b`: an earlier start, or the same start and a lesser status.
    private static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        (a.unit.tokens.lowerBound, a.status.rawValue) < (b.unit.tokens.lowerBound, b.status.rawValue)
    }

    private static func isSorted(_ candidates: [Candidate]) -> Bool {
        var index = 1
        while index < candidates.count {
            if precedes(candidates[index], candidates[index - 1]) { return false }
            index += 1
        }
        return true
    }
}

private extension Evaluator {
    /// Sets `tried` to the indices of the units (or paragraphs) that hold a required phrase, in order,
    /// or of every unit when there is no requirement. No closure: one would copy the evaluator, and
    /// with it take references to arrays every thread shares.
    func unitsToTry(_ required: [Int32]?, paragraphs: Bool, into tried: inout [Int]) {
        tried.removeAll(keepingCapacity: true)
        let analysis = conditions.analysis
        let count = paragraphs ? analysis.paragraphs.count : analysis.units.count
        guard let required else {
            tried.append(contentsOf: 0..<count)
            return
        }
        // Marks in a bit set (on the stack for documents of up to 8,192 units), then reads them in
        // order into `tried`: sorted, without repeats, with no sort.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, (count + 63) / 64)) { marks in
            marks.initialize(repeating: 0)
            analysis.phraseUnitStarts.withUnsafeBufferPointer { starts in
                analysis.phraseUnits.withUnsafeBufferPointer { phraseUnits in
                    for phrase in required where phrase >= 0 && Int(phrase) + 1 < starts.count {
                        let lower = max(0, Int(starts[Int(phrase)])), upper = min(phraseUnits.count, Int(starts[Int(phrase) + 1]))
                        for position in lower..<max(lower, upper) {
                            let unit = Int(phraseUnits[position])
                            let index = paragraphs ? (analysis.units.indices.contains(unit) ? analysis.units[unit].paragraph : -1) : unit
                            guard index >= 0, index < count else { continue }
                            marks[index >> 6] |= 1 << UInt64(index & 63)
                        }
                    }
                }
            }
            for word in marks.indices where marks[word] != 0 {
                var bits = marks[word]
                while bits != 0 {
                    tried.append(word << 6 + bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
        }
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

extension Evaluator {
    /// The unit's signals less any proper name that is the evidence itself: naming "the Adult Social Care
    /// Outcomes Framework" is the topic, not an owner standing beside it.
    func signalsBeside(_ relevant: PhraseSet, in unit: TextUnit) -> UInt8 {
        let analysis = conditions.analysis
        let name = SignalSpan.bit(.properName)
        let mask = unit.signalMask & ~name
        guard unit.signalMask & name != 0 else { return mask }
        for position in unit.signals where analysis.signals[position].signal == .properName {
            let span = analysis.signals[position]
            if !overlapsEvidence(span, relevant: relevant, in: unit) { return mask | name }
        }
        return mask
    }

    /// Whether a non-negated match of a relevant phrase overlaps `span`. Only the matches that start
    /// from the longest match's length before the name to its end are read (the unit's matches come in
    /// order of start), so a unit of many names and many matches (one long sentence) costs no more than
    /// its length.
    func overlapsEvidence(_ span: SignalSpan, relevant: PhraseSet, in unit: TextUnit) -> Bool {
        let analysis = conditions.analysis
        let lowest = span.start &- analysis.longestMatch
        var position = unit.matches.partitioningIndex { analysis.matches[$0].start >= lowest }
        while position < unit.matches.upperBound, analysis.matches[position].start < span.end {
            let match = analysis.matches[position]
            if !match.negated, span.start < match.end, relevant.contains(match.phrase) {
                return true
            }
            position += 1
        }
        return false
    }
}
