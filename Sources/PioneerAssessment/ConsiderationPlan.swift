import PioneerRules

/// A consideration with what the evaluator precomputes for it once per `Assessor`.
struct ConsiderationPlan: Sendable {
    var consideration: CompiledConsideration
    /// Phrases it may cite as evidence (`Evidence.terms`): those its evidence and strong conditions refer to.
    /// `relevant[phrase]`.
    var relevant: [Bool]
    /// A unit must hold a match of one of these phrases for the evidence to hold (sorted);
    /// `nil` when the evidence can hold without any match, and every unit must be tried.
    var required: [Int32]?
    /// The same for the `mentions` condition; `nil` when it has none or it needs no match.
    var mentionRequired: [Int32]?

    init(_ consideration: CompiledConsideration, rules: CompiledRules) {
        self.consideration = consideration
        var phrases = RuleIndex.phrases(in: consideration.evidence, rules: rules)
            .union(RuleIndex.phrases(in: consideration.strong, rules: rules))
        if let mentions = consideration.mentions {
            phrases.formUnion(RuleIndex.phrases(in: mentions, rules: rules))
            mentionRequired = RuleIndex.requiredPhrases(mentions, rules: rules)?.sorted()
        }
        relevant = Self.mask(phrases, count: rules.phrases.count)
        required = RuleIndex.requiredPhrases(consideration.evidence, rules: rules)?.sorted()
    }

    static func mask(_ phrases: Set<Int32>, count: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for phrase in phrases where phrase >= 0 && Int(phrase) < count { mask[Int(phrase)] = true }
        return mask
    }
}
