import PioneerRules

/// Lookups over the compiled rules precomputed once per `Assessor`: which term set each phrase
/// belongs to, and which phrases each consideration can cite as evidence.
struct RuleIndex: Sendable {
    enum Membership: UInt8 { case none = 0, main = 1, afterFirst = 2 }

    let phraseCount: Int
    let termSetCount: Int
    /// `membership[set * phraseCount + phrase]`.
    private let membership: [UInt8]
    /// For each phrase, the term sets it is a main phrase of.
    private let mainSets: [[Int32]]

    init(rules: CompiledRules) {
        phraseCount = rules.phrases.count
        termSetCount = rules.termSets.count
        var membership = [UInt8](repeating: 0, count: phraseCount * termSetCount)
        for (set, termSet) in rules.termSets.enumerated() {
            for phrase in termSet.afterFirst where (0..<phraseCount).contains(phrase) {
                membership[set * phraseCount + phrase] = Membership.afterFirst.rawValue
            }
            for phrase in termSet.phrases where (0..<phraseCount).contains(phrase) {
                membership[set * phraseCount + phrase] = Membership.main.rawValue
            }
        }
        self.membership = membership
        var mainSets = [[Int32]](repeating: [], count: phraseCount)
        for (set, termSet) in rules.termSets.enumerated() {
            for phrase in termSet.phrases where (0..<phraseCount).contains(phrase) && !mainSets[phrase].contains(Int32(set)) {
                mainSets[phrase].append(Int32(set))
            }
        }
        self.mainSets = mainSets
    }

    func membership(of phrase: Int32, in set: Int) -> Membership {
        guard set >= 0, set < termSetCount, phrase >= 0, Int(phrase) < phraseCount else { return .none }
        return Membership(rawValue: membership[set * phraseCount + Int(phrase)]) ?? .none
    }

    /// For each term set, the start of the first match of one of its main phrases (`Int32.max` when none).
    func firstMainMatches(_ matches: [PhraseMatch]) -> [Int32] {
        var first = [Int32](repeating: .max, count: termSetCount)
        for match in matches where Int(match.phrase) < mainSets.count {
            for set in mainSets[Int(match.phrase)] where first[Int(set)] == .max { first[Int(set)] = match.start }
        }
        return first
    }

    /// Phrases of which a unit must hold at least one match for `condition` to hold on it, or `nil`
    /// when it can hold without any (a signal, a `not`).
    static func requiredPhrases(_ condition: Condition, rules: CompiledRules, depth: Int = 0) -> Set<Int32>? {
        guard depth < 64 else { return nil }
        switch condition {
        case .termSet, .phrase: return phrases(in: condition, rules: rules)
        case .signal, .not: return nil
        case .all(let items):
            return items.compactMap { requiredPhrases($0, rules: rules, depth: depth + 1) }.min { $0.count < $1.count }
        case .atLeast(let count, _) where count <= 0: return nil
        case .any(let items), .atLeast(_, let items):
            var union = Set<Int32>()
            for item in items {
                guard let required = requiredPhrases(item, rules: rules, depth: depth + 1) else { return nil }
                union.formUnion(required)
            }
            return union
        case .near(let first, let second, _):
            return requiredPhrases(first, rules: rules, depth: depth + 1) ?? requiredPhrases(second, rules: rules, depth: depth + 1)
        }
    }

    /// The phrases a condition refers to (directly or through term sets), as a sorted set of indices.
    static func phrases(in condition: Condition, rules: CompiledRules, depth: Int = 0) -> Set<Int32> {
        guard depth < 64 else { return [] }
        switch condition {
        case .termSet(let set):
            guard rules.termSets.indices.contains(set) else { return [] }
            return Set((rules.termSets[set].phrases + rules.termSets[set].afterFirst).map(Int32.init))
        case .phrase(let phrase): return [Int32(phrase)]
        case .signal: return []
        case .all(let items), .any(let items), .atLeast(_, let items):
            return items.reduce(into: Set<Int32>()) { $0.formUnion(phrases(in: $1, rules: rules, depth: depth + 1)) }
        case .not: return []
        case .near(let first, let second, _):
            return phrases(in: first, rules: rules, depth: depth + 1).union(phrases(in: second, rules: rules, depth: depth + 1))
        }
    }
}
