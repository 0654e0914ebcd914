import PioneerRules

/// A consideration with what the evaluator precomputes for it once per `Assessor`.
struct ConsiderationPlan: Sendable {
    var consideration: CompiledConsideration
    /// Phrases it may cite as evidence (`Evidence.terms`): those its evidence and strong conditions refer to.
    var relevant: Set<Int32>
    /// `required[phrase]`: a unit must hold a match of one of these for the evidence to hold;
    /// `nil` when the evidence can hold without any match, and every unit must be tried.
    var required: [Bool]?

    init(_ consideration: CompiledConsideration, rules: CompiledRules) {
        self.consideration = consideration
        relevant = RuleIndex.phrases(in: consideration.evidence, rules: rules)
            .union(RuleIndex.phrases(in: consideration.strong, rules: rules))
        required = RuleIndex.requiredPhrases(consideration.evidence, rules: rules).map { phrases in
            var required = [Bool](repeating: false, count: rules.phrases.count)
            for phrase in phrases where phrase >= 0 && Int(phrase) < required.count { required[Int(phrase)] = true }
            return required
        }
    }
}
