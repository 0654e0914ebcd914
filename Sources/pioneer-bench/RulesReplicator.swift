import PioneerRules

/// Builds a rule set `factor` times the size of a real one, for the scaling figures: every
/// criterion, consideration, principle, term set and phrase is copied with fresh ids
/// (`vision.narrative~r3`), and the copies refer to NEW phrase entries (same words), so the
/// matcher really holds `factor` times the phrases. Negation, gates and scoring stay as they are.
enum RulesReplicator {
    static func replicate(_ rules: CompiledRules, factor: Int) -> CompiledRules {
        guard factor > 1 else { return rules }
        var result = rules
        let phraseCount = rules.phrases.count
        let termSetCount = rules.termSets.count
        for copy in 1..<factor {
            let map = IndexMap(phraseOffset: copy * phraseCount, termSetOffset: copy * termSetCount, suffix: "~r\(copy)")
            result.phrases += rules.phrases
            result.termSets += rules.termSets.map(map.termSet)
            result.criteria += rules.criteria.map(map.criterion)
            result.principles.considerations += rules.principles.considerations.map(map.consideration)
        }
        result.fingerprint = rules.fingerprint + "~x\(factor)"
        return result
    }
}

private extension RulesReplicator {
    /// Moves one copy's references to its own phrases and term sets.
    struct IndexMap {
        var phraseOffset: Int
        var termSetOffset: Int
        var suffix: String

        func termSet(_ set: CompiledTermSet) -> CompiledTermSet {
            var copy = set
            copy.id += suffix
            copy.phrases = set.phrases.map { $0 + phraseOffset }
            copy.afterFirst = set.afterFirst.map { $0 + phraseOffset }
            return copy
        }

        func criterion(_ criterion: CompiledCriterion) -> CompiledCriterion {
            var copy = criterion
            copy.id += suffix
            copy.considerations = criterion.considerations.map(consideration)
            return copy
        }

        func consideration(_ consideration: CompiledConsideration) -> CompiledConsideration {
            var copy = consideration
            copy.id += suffix
            copy.evidence = condition(consideration.evidence)
            copy.strong = condition(consideration.strong)
            copy.headingScope = consideration.headingScope.map(condition)
            copy.mentions = consideration.mentions.map(condition)
            return copy
        }

        /// The condition with every phrase and term-set index moved; compiled conditions are shallow
        /// (the rules compiler bounds their nesting), so the recursion is bounded.
        func condition(_ condition: Condition) -> Condition {
            switch condition {
            case .termSet(let index): return .termSet(index + termSetOffset)
            case .phrase(let index): return .phrase(index + phraseOffset)
            case .signal: return condition
            case .all(let items): return .all(items.map(self.condition))
            case .any(let items): return .any(items.map(self.condition))
            case .not(let inner): return .not(self.condition(inner))
            case .atLeast(let count, let items): return .atLeast(count, items.map(self.condition))
            case .near(let a, let b, let words): return .near(self.condition(a), self.condition(b), words: words)
            }
        }
    }
}
