import PioneerRules

/// Evaluates a rule `Condition` on one unit of an analysed document.
struct ConditionEvaluator {
    let analysis: DocumentAnalysis
    let index: RuleIndex
    let phraseCount: Int

    /// Whether `condition` holds on `unit`. With `countingNegated`, negated matches count too: a unit
    /// that holds only then is a stated gap.
    func holds(_ condition: Condition, on unit: TextUnit, countingNegated: Bool = false, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch condition {
        case .termSet, .phrase:
            return analysis.matches[unit.matches].contains { counts($0, for: condition, countingNegated: countingNegated) }
        case .signal(let signal):
            return unit.signalMask & SignalSpan.bit(signal) != 0
        case .all(let items):
            return items.allSatisfy { holds($0, on: unit, countingNegated: countingNegated, depth: depth + 1) }
        case .any(let items):
            return items.contains { holds($0, on: unit, countingNegated: countingNegated, depth: depth + 1) }
        case .not(let item):
            return !holds(item, on: unit, countingNegated: false, depth: depth + 1)
        case .atLeast(let count, let items):
            var found = 0
            for item in items where holds(item, on: unit, countingNegated: countingNegated, depth: depth + 1) {
                found += 1
                if found >= count { return true }
            }
            return false
        case .near(let first, let second, let words):
            let firsts = spans(of: first, in: unit, countingNegated: countingNegated, depth: depth + 1)
            guard !firsts.isEmpty else { return false }
            let seconds = spans(of: second, in: unit, countingNegated: countingNegated, depth: depth + 1)
            return firsts.contains { a in
                seconds.contains { b in max(0, max(a.lowerBound, b.lowerBound) - min(a.upperBound, b.upperBound)) <= words }
            }
        }
    }

    /// Whether `match` is a counting match of a `.termSet` or `.phrase` atom.
    func counts(_ match: PhraseMatch, for atom: Condition, countingNegated: Bool) -> Bool {
        guard countingNegated || !match.negated else { return false }
        switch atom {
        case .phrase(let phrase): return Int(match.phrase) == phrase
        case .termSet(let set):
            switch index.membership(of: match.phrase, in: set) {
            case .none: return false
            case .main: return true
            case .afterFirst: return set < analysis.firstMainMatch.count && analysis.firstMainMatch[set] < match.start
            }
        default: return false
        }
    }
}

private extension ConditionEvaluator {
    /// Token ranges where a `near` operand occurs in the unit; an operand of another shape occupies
    /// the whole unit when it holds.
    func spans(of operand: Condition, in unit: TextUnit, countingNegated: Bool, depth: Int) -> [Range<Int>] {
        switch operand {
        case .termSet, .phrase:
            return analysis.matches[unit.matches].compactMap {
                counts($0, for: operand, countingNegated: countingNegated) ? Int($0.start)..<Int($0.end) : nil
            }
        case .signal(let signal):
            return analysis.signals[unit.signals].compactMap { $0.signal == signal ? Int($0.start)..<Int($0.end) : nil }
        case .any(let items) where depth < 64:
            return items.flatMap { spans(of: $0, in: unit, countingNegated: countingNegated, depth: depth + 1) }
        default:
            return holds(operand, on: unit, countingNegated: countingNegated, depth: depth) ? [unit.tokens] : []
        }
    }
}
