import PioneerRules

/// What judging a consideration depends on, compiled once per `Assessor`: its conditions as roots
/// in the `ConditionProgram` (canonical, so copies of a consideration have equal plans) and its unit,
/// with the lookups precomputed from them. Considerations with equal plans are evaluated once per document.
struct EvaluationPlan: Sendable, Hashable {
    /// What the evaluation of a unit depends on: considerations with the same key share the plan.
    struct Key: Sendable, Hashable {
        var evidence: Int32
        var strong: Int32
        /// -1 when the consideration has none.
        var mentions: Int32
        var headingScope: Int32
        var unit: EvidenceUnit
    }

    var key: Key
    /// Canonical phrases it may cite as evidence (`Evidence.terms`): those its evidence, strong and
    /// mentions conditions refer to. Sorted.
    var relevant: [Int32]
    /// Canonical phrases that name the topic (those of its evidence and mentions conditions), for reasons. Sorted.
    var topical: [Int32]
    /// A unit must hold a match of one of these phrases for the evidence to hold (sorted);
    /// `nil` when the evidence can hold without any match, and every unit must be tried.
    var required: [Int32]?
    /// The same for the `mentions` condition; `nil` when it has none or it needs no match.
    var mentionRequired: [Int32]?

    var mentions: Int32? { key.mentions >= 0 ? key.mentions : nil }
    var headingScope: Int32? { key.headingScope >= 0 ? key.headingScope : nil }

    init(_ key: Key, program: ConditionProgram, termSets: [CanonicalTermSet]) {
        self.key = key
        let evidence = program.phrases(in: key.evidence, termSets: termSets)
        var mentioned: [Int32] = []
        if key.mentions >= 0 {
            mentioned = program.phrases(in: key.mentions, termSets: termSets)
            mentionRequired = program.requiredPhrases(key.mentions, termSets: termSets)
        }
        relevant = SortedIndices.unique(evidence + program.phrases(in: key.strong, termSets: termSets) + mentioned)
        topical = SortedIndices.unique(evidence + mentioned)
        required = program.requiredPhrases(key.evidence, termSets: termSets)
    }
}

/// A consideration (or principle) with where its judgement comes from.
struct ConsiderationPlan: Sendable {
    var consideration: CompiledConsideration
    /// Index of its evaluation in `Assessor.evaluations`.
    var evaluation: Int
    /// Index of its outcome (evaluation and minimum) in `Assessor.outcomes`.
    var outcome: Int
}

/// An evaluation and the number of strong pieces of evidence a `met` needs: all the verdict,
/// reason and evidence of a consideration depend on. Considerations with equal outcomes share one judgement.
struct OutcomeKey: Sendable, Hashable {
    var evaluation: Int
    var minimum: Int
}
