/// Evaluates compiled conditions (`ConditionProgram`) on units of one analysed document.
///
/// Works on indices and plain values only: no reference is taken or released and nothing is
/// allocated per unit. A phrase or term set is one bit of the document's `UnitAtoms`. Recursion
/// follows the program's operands, which the program bounds in depth.
struct ConditionEvaluator {
    let analysis: DocumentAnalysis
    let index: RuleIndex
    let program: ConditionProgram
    let atoms: UnitAtoms

    /// Whether the condition rooted at `root` holds on `unit`, whose row in `atoms` is `row`. With
    /// `countingNegated`, negated matches count too: a unit that holds only then is a stated gap.
    /// `signalMask` stands for the unit's own (the evaluator narrows it when judging strength).
    func holds(_ root: Int32, on unit: TextUnit, row: Int, signalMask: UInt8? = nil, countingNegated: Bool = false) -> Bool {
        let place = Place(unit: unit, row: row, signalMask: signalMask ?? unit.signalMask)
        return holds(root, at: place, countingNegated: countingNegated, depth: 0)
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
    /// The unit a condition is evaluated on.
    struct Place {
        var unit: TextUnit
        var row: Int
        var signalMask: UInt8
    }

    func holds(_ node: Int32, at place: Place, countingNegated: Bool, depth: Int) -> Bool {
        guard depth < ConditionProgram.maximumDepth, let op = program.op(node) else { return false }
        switch op.kind {
        case .never:
            return false
        case .phrase, .termSet:
            return atoms.holds(op.b, row: place.row, countingNegated: countingNegated)
        case .signal:
            return place.signalMask & UInt8(truncatingIfNeeded: op.a) != 0
        case .all:
            for position in program.listOperands(op)
            where !holdsOperand(position, at: place, countingNegated: countingNegated, depth: depth + 1) {
                return false
            }
            return true
        case .any:
            for position in program.listOperands(op)
            where holdsOperand(position, at: place, countingNegated: countingNegated, depth: depth + 1) {
                return true
            }
            return false
        case .not:
            return !holds(op.a, at: place, countingNegated: false, depth: depth + 1)
        case .atLeast:
            var found: Int32 = 0
            for position in program.listOperands(op)
            where holdsOperand(position, at: place, countingNegated: countingNegated, depth: depth + 1) {
                found += 1
                if found >= op.c { return true }
            }
            return false
        case .near:
            return near(op.a, op.b, words: Int(op.c), at: place, countingNegated: countingNegated, depth: depth + 1, secondDepth: depth + 1)
        }
    }

    /// Whether operand `position` of a list operation holds: a phrase, term set or signal tested in
    /// place (the common case, without a call), anything else by `holds`.
    @inline(__always)
    func holdsOperand(_ position: Int, at place: Place, countingNegated: Bool, depth: Int) -> Bool {
        let node = program.operands[position]
        if depth < ConditionProgram.maximumDepth, let op = program.op(node) {
            switch op.kind {
            case .phrase, .termSet: return atoms.holds(op.b, row: place.row, countingNegated: countingNegated)
            case .signal: return place.signalMask & UInt8(truncatingIfNeeded: op.a) != 0
            default: break
            }
        }
        return holds(node, at: place, countingNegated: countingNegated, depth: depth)
    }

    /// Whether some token range (start, end) where operand `first` of a `near` occurs lies within
    /// `words` words of one where operand `second` occurs. A phrase or term set occurs at each of its
    /// counting matches, a signal at each of its spans, an `any` wherever an operand of it occurs, and
    /// an operand of another shape over the whole unit when it holds. `depth` and `secondDepth` are the operands' depths.
    func near(_ first: Int32, _ second: Int32, words: Int, at place: Place, countingNegated: Bool, depth: Int, secondDepth: Int) -> Bool {
        guard let op = program.op(first) else { return false }
        switch op.kind {
        case .phrase, .termSet:
            // The unit's atoms say at once whether any match counts at all.
            guard atoms.holds(op.b, row: place.row, countingNegated: countingNegated) else { return false }
            for position in place.unit.matches {
                let match = analysis.matches[position]
                if counts(match, for: op, countingNegated: countingNegated),
                   occurs(second, near: (Int(match.start), Int(match.end)), words: words, at: place, countingNegated: countingNegated,
                          depth: secondDepth) {
                    return true
                }
            }
            return false
        case .signal:
            for position in place.unit.signals {
                let span = analysis.signals[position]
                if SignalSpan.bit(span.signal) == UInt8(truncatingIfNeeded: op.a),
                   occurs(second, near: (Int(span.start), Int(span.end)), words: words, at: place, countingNegated: countingNegated,
                          depth: secondDepth) {
                    return true
                }
            }
            return false
        case .any where depth < ConditionProgram.maximumDepth:
            for position in program.listOperands(op)
            where near(program.operands[position], second, words: words, at: place, countingNegated: countingNegated, depth: depth + 1,
                       secondDepth: secondDepth) {
                return true
            }
            return false
        default:
            return holds(first, at: place, countingNegated: countingNegated, depth: depth)
                && occurs(second, near: (place.unit.tokens.lowerBound, place.unit.tokens.upperBound), words: words, at: place,
                          countingNegated: countingNegated, depth: secondDepth)
        }
    }

    /// Whether operand `node` of a `near` occurs within `words` words of token range `target` (see `near`).
    func occurs(_ node: Int32, near target: (start: Int, end: Int), words: Int, at place: Place, countingNegated: Bool,
                depth: Int) -> Bool {
        guard let op = program.op(node) else { return false }
        switch op.kind {
        case .phrase, .termSet:
            guard atoms.holds(op.b, row: place.row, countingNegated: countingNegated) else { return false }
            // Only the matches starting from `words` plus the longest match's length before the target
            // to `words` after it can be near it; they come in order of start, so they are found by
            // halving, and a long sentence of matches costs no more than its length.
            let lowest = target.start - words - Int(analysis.longestMatch), highest = target.end + words
            var position = place.unit.matches.partitioningIndex { Int(analysis.matches[$0].start) >= lowest }
            while position < place.unit.matches.upperBound, Int(analysis.matches[position].start) <= highest {
                let match = analysis.matches[position]
                if counts(match, for: op, countingNegated: countingNegated),
                   Self.distance(target, (Int(match.start), Int(match.end))) <= words {
                    return true
                }
                position += 1
            }
            return false
        case .signal:
            let bit = UInt8(truncatingIfNeeded: op.a)
            guard place.unit.signalMask & bit != 0 else { return false }
            // A unit's spans come in order and never overlap (`Substance.detect`), so their ends are in
            // order too: the first that ends late enough is found by halving.
            let lowest = target.start - words, highest = target.end + words
            var position = place.unit.signals.partitioningIndex { Int(analysis.signals[$0].end) >= lowest }
            while position < place.unit.signals.upperBound, Int(analysis.signals[position].start) <= highest {
                let span = analysis.signals[position]
                if SignalSpan.bit(span.signal) == bit, Self.distance(target, (Int(span.start), Int(span.end))) <= words {
                    return true
                }
                position += 1
            }
            return false
        case .any where depth < ConditionProgram.maximumDepth:
            for position in program.listOperands(op)
            where occurs(program.operands[position], near: target, words: words, at: place, countingNegated: countingNegated,
                         depth: depth + 1) {
                return true
            }
            return false
        default:
            return holds(node, at: place, countingNegated: countingNegated, depth: depth)
                && Self.distance(target, (place.unit.tokens.lowerBound, place.unit.tokens.upperBound)) <= words
        }
    }

    /// Words between two token ranges (0 when they touch or overlap).
    static func distance(_ a: (start: Int, end: Int), _ b: (start: Int, end: Int)) -> Int {
        max(0, max(a.start, b.start) - min(a.end, b.end))
    }
}

extension Range<Int> {
    /// The first position from which `isAtOrAfter` holds, given that once it holds it holds to the end
    /// (`upperBound` when nowhere), found by halving.
    func partitioningIndex(where isAtOrAfter: (Int) -> Bool) -> Int {
        var low = lowerBound, high = upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if isAtOrAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
