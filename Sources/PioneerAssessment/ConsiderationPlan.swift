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
    var relevant: PhraseSet
    /// Canonical phrases that name the topic (those of its evidence and mentions conditions), for reasons.
    var topical: PhraseSet
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
        relevant = PhraseSet(unionOfSorted: [evidence, program.phrases(in: key.strong, termSets: termSets), mentioned])
        topical = PhraseSet(unionOfSorted: [evidence, mentioned])
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

/// A set of canonical phrase indices as bits over the span from its least to its greatest member, so
/// that testing a match's phrase is one shift, however many phrases the rules have. A plan's phrases
/// are few and close together (a consideration's own phrases are compiled one after another), so
/// the span stays small; a set of no phrases holds no bits.
struct PhraseSet: Sendable, Hashable {
    /// The index of the phrase that bit 0 of `bits[0]` stands for (a multiple of 64).
    private let base: Int32
    private let bits: [UInt64]

    init(_ phrases: [Int32]) {
        let members = phrases.filter { $0 >= 0 }
        guard let least = members.min(), let greatest = members.max() else {
            base = 0
            bits = []
            return
        }
        let base = least & ~63
        var bits = [UInt64](repeating: 0, count: Int(greatest - base) / 64 + 1)
        for phrase in members {
            let offset = Int(phrase - base)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        self.base = base
        self.bits = bits
    }

    /// The union of `lists`, each sorted and without negative values (as `ConditionProgram.phrases(in:)`
    /// gives them): the same set as `init` of the lists joined, without joining them, filtering them or
    /// searching them for their least and greatest members.
    init(unionOfSorted lists: [[Int32]]) {
        var least = Int32.max, greatest = Int32.min
        for list in lists {
            guard let first = list.first, let last = list.last else { continue }
            least = Swift.min(least, first)
            greatest = Swift.max(greatest, last)
        }
        guard least <= greatest, least >= 0 else {
            self.init(lists.flatMap { $0 })
            return
        }
        self.init(base: least & ~63, greatest: greatest, lists: lists)
    }

    /// The set of `lists`' members from `base` to `greatest`, on bits from `base`.
    private init(base: Int32, greatest: Int32, lists: [[Int32]]) {
        var bits = [UInt64](repeating: 0, count: Int(greatest - base) / 64 + 1)
        for list in lists {
            for phrase in list where phrase >= base && phrase <= greatest {
                let offset = Int(phrase - base)
                bits[offset >> 6] |= 1 << UInt64(offset & 63)
            }
        }
        self.base = base
        self.bits = bits
    }

    @inline(__always)
    func contains(_ phrase: Int32) -> Bool {
        let offset = Int(phrase) &- Int(base)
        guard offset >= 0, offset >> 6 < bits.count else { return false }
        return bits[offset >> 6] >> UInt64(offset & 63) & 1 != 0
    }

    /// The members, in increasing order.
    var members: [Int32] {
        var members: [Int32] = []
        for (word, value) in bits.enumerated() {
            var value = value
            while value != 0 {
                members.append(base + Int32(truncatingIfNeeded: word << 6 | value.trailingZeroBitCount))
                value &= value - 1
            }
        }
        return members
    }
}
