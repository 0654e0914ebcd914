/// Evaluates compiled conditions (`ConditionProgram`) on units of one analysed document.
///
/// Works on indices and plain values only: no reference is taken or released and nothing is
/// allocated per unit. Recursion follows the program's operands, which the program bounds in depth.
struct ConditionEvaluator {
    let analysis: DocumentAnalysis
    let index: RuleIndex
    let program: ConditionProgram

    /// Whether the condition rooted at `root` holds on `unit`. With `countingNegated`, negated matches
    /// count too: a unit that holds only then is a stated gap. `signalMask` stands for the unit's own
    /// (the evaluator narrows it when judging strength).
    func holds(_ root: Int32, on unit: TextUnit, signalMask: UInt8? = nil, countingNegated: Bool = false) -> Bool {
        holds(root, on: unit, signalMask: signalMask ?? unit.signalMask, countingNegated: countingNegated, depth: 0)
    }

    /// Whether `match` is a counting match of a `.phrase` or `.termSet` operation.
    func counts(_ match: PhraseMatch, for op: ConditionProgram.Op, countingNegated: Bool) -> Bool {
        guard countingNegated || !match.negated else { return false }
        switch op.kind {
        case .phrase: return match.phrase == op.a
        case .termSet:
            switch index.membership(of: match.phrase, in: op.a) {
            case .none: return false
            case .main: return true
            case .afterFirst:
                let first = analysis.firstMainMatch
                return op.a >= 0 && Int(op.a) < first.count && first[Int(op.a)] < match.start
            }
        default: return false
        }
    }
}

private extension ConditionEvaluator {
    func holds(_ node: Int32, on unit: TextUnit, signalMask: UInt8, countingNegated: Bool, depth: Int) -> Bool {
        guard depth < ConditionProgram.maximumDepth, let op = program.op(node) else { return false }
        switch op.kind {
        case .never:
            return false
        case .phrase, .termSet:
            for position in unit.matches where counts(analysis.matches[position], for: op, countingNegated: countingNegated) {
                return true
            }
            return false
        case .signal:
            return signalMask & UInt8(truncatingIfNeeded: op.a) != 0
        case .all:
            for position in program.listOperands(op)
            where !holds(program.operands[position], on: unit, signalMask: signalMask, countingNegated: countingNegated, depth: depth + 1) {
                return false
            }
            return true
        case .any:
            for position in program.listOperands(op)
            where holds(program.operands[position], on: unit, signalMask: signalMask, countingNegated: countingNegated, depth: depth + 1) {
                return true
            }
            return false
        case .not:
            return !holds(op.a, on: unit, signalMask: signalMask, countingNegated: false, depth: depth + 1)
        case .atLeast:
            var found: Int32 = 0
            for position in program.listOperands(op)
            where holds(program.operands[position], on: unit, signalMask: signalMask, countingNegated: countingNegated, depth: depth + 1) {
                found += 1
                if found >= op.c { return true }
            }
            return false
        case .near:
            let words = Int(op.c)
            return anySpan(of: op.a, in: unit, signalMask: signalMask, countingNegated: countingNegated, depth: depth + 1) { a in
                anySpan(of: op.b, in: unit, signalMask: signalMask, countingNegated: countingNegated, depth: depth + 1) { b in
                    max(0, max(a.start, b.start) - min(a.end, b.end)) <= words
                }
            }
        }
    }

    /// Whether `visit` is true for some token range (start, end) where a `near` operand occurs in the unit; an
    /// operand of another shape than a phrase, term set, signal or `any` occupies the whole unit when it holds.
    func anySpan(of node: Int32, in unit: TextUnit, signalMask: UInt8, countingNegated: Bool, depth: Int,
                 where visit: ((start: Int, end: Int)) -> Bool) -> Bool {
        guard let op = program.op(node) else { return false }
        switch op.kind {
        case .phrase, .termSet:
            for position in unit.matches {
                let match = analysis.matches[position]
                if counts(match, for: op, countingNegated: countingNegated), visit((Int(match.start), Int(match.end))) { return true }
            }
            return false
        case .signal:
            for position in unit.signals {
                let span = analysis.signals[position]
                if SignalSpan.bit(span.signal) == UInt8(truncatingIfNeeded: op.a), visit((Int(span.start), Int(span.end))) { return true }
            }
            return false
        case .any where depth < ConditionProgram.maximumDepth:
            for position in program.listOperands(op)
            where anySpan(of: program.operands[position], in: unit, signalMask: signalMask, countingNegated: countingNegated,
                          depth: depth + 1, where: visit) {
                return true
            }
            return false
        default:
            return holds(node, on: unit, signalMask: signalMask, countingNegated: countingNegated, depth: depth) && visit((unit.tokens.lowerBound, unit.tokens.upperBound))
        }
    }
}
