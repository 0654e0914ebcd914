/// Expressions to conditions: names resolved, phrases interned, counts and distances checked.
extension Resolver {
    /// The condition an expression stands for, or nil after reporting its problems.
    mutating func condition(_ expression: Expression) -> Condition? {
        switch expression {
        case .name(let identifier): return name(identifier)
        case .phrase(let literal):
            guard let indices = compilePhrase(literal)?.indices else { return nil }
            return indices.count == 1 ? .phrase(indices[0]) : .any(indices.map(Condition.phrase))
        case .not(let inner, _): return condition(inner).map(Condition.not)
        case .and(let operands), .all(let operands, _): return conditions(operands).map(Condition.all)
        case .or(let operands), .any(let operands, _): return conditions(operands).map(Self.flattenedAny)
        case .parenthesized(let inner, _): return condition(inner)
        case .countOf(let count, let operands):
            let resolved = conditions(operands)
            guard let n = wholeCount(count, operands: operands.count) else { return nil }
            return resolved.map { Condition.atLeast(n, $0) }
        case .near(let first, let second, let distance, _):
            return near(first, second, distance)
        }
    }

    /// `any` of the operands with nested `any`s lifted (a phrase's spellings are an `any`), so
    /// `near` operands stay one level deep.
    static func flattenedAny(_ operands: [Condition]) -> Condition {
        .any(operands.flatMap { operand -> [Condition] in
            if case .any(let inner) = operand { return inner }
            return [operand]
        })
    }

    private mutating func conditions(_ expressions: [Expression]) -> [Condition]? {
        var result: [Condition] = []
        var failed = false
        for expression in expressions {
            if let resolved = condition(expression) { result.append(resolved) } else { failed = true }
        }
        return failed ? nil : result
    }

    private mutating func name(_ identifier: Identifier) -> Condition? {
        if let builtin = Self.builtinSignal(named: identifier.name) { return .signal(builtin) }
        if let index = termSetIndex[identifier.name] {
            usedTermSets[index] = true
            return .termSet(index)
        }
        let candidates = termSets.map(\.id) + BuiltinSignal.allCases.map(\.rawValue)
        let suggestion = EditDistance.suggestion(for: identifier.name, among: candidates)
        // The suggested set was most likely meant: do not also call it unused.
        if let suggestion, let index = termSetIndex[suggestion] { usedTermSets[index] = true }
        bag.add(.unknownTermSet(identifier.name), at: identifier.location, end: identifier.end,
                notes: suggestion.map { [Diagnostic.Note(message: "did you mean '\($0)'?")] } ?? [])
        return nil
    }

    /// `BuiltinSignal(rawValue: name)`, turning away at once a name whose length and first letter are
    /// no signal's (nearly every name is a term set's; a string switch compares it with every case).
    static func builtinSignal(named name: String) -> BuiltinSignal? {
        let utf8 = name.utf8
        switch (utf8.count, utf8.first ?? 0) {
        case (4, UInt8(ascii: "d")), (5, UInt8(ascii: "m")), (6, UInt8(ascii: "f")), (7, UInt8(ascii: "p")), (11, UInt8(ascii: "p")):
            return BuiltinSignal(rawValue: name)
        default:
            return nil
        }
    }

    private mutating func wholeCount(_ count: NumberLiteral, operands: Int) -> Int? {
        guard count.value == count.value.rounded(), count.value >= 1, count.value <= Double(operands) else {
            bag.add(.countOfRange(count: Self.format(count.value), operands: operands), at: count.location, end: count.end)
            return nil
        }
        return Int(count.value)
    }

    /// near(a, b, N): operands are names, phrases, or `any` of those; N from 1 to 100 words.
    private mutating func near(_ first: Expression, _ second: Expression, _ distance: NumberLiteral) -> Condition? {
        var valid = true
        for operand in [first, second] where !Self.isNearOperand(operand, allowAny: true) {
            bag.add(.nearOperand, at: operand.location)
            valid = false
        }
        let words = whole(distance, "'near' distance", 1...100)
        guard valid, let a = condition(first), let b = condition(second), let words else { return nil }
        return .near(a, b, words: words)
    }

    private static func isNearOperand(_ expression: Expression, allowAny: Bool) -> Bool {
        switch expression {
        case .name, .phrase: return true
        case .parenthesized(let inner, _): return isNearOperand(inner, allowAny: allowAny)
        case .any(let operands, _), .or(let operands):
            return allowAny && operands.allSatisfy { isNearOperand($0, allowAny: false) }
        default: return false
        }
    }
}
