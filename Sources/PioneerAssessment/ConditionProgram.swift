import PioneerText
import PioneerRules

/// Every rule condition of an `Assessor`, compiled once into flat operations on canonical phrase
/// and term-set indices.
///
/// An operation holds only small integers, and refers to its operands by index, so judging a unit
/// takes no reference count and allocates nothing: threads judging different documents never write
/// to memory they share. Identical sub-conditions are stored once (hash-consed), so two conditions
/// that say the same thing on canonical indices have the same root: the `Assessor` evaluates them once.
/// An operand is always added before the operation using it, so operands have lower indices.
struct ConditionProgram: Sendable {
    enum Kind: UInt8, Sendable, Hashable {
        /// Never holds: a condition nested deeper than `maximumDepth`.
        case never
        /// `a`: canonical phrase (-1: none); `b`: its atom (-1: none).
        case phrase
        /// `a`: canonical term set (-1: none); `b`: its atom (-1: none).
        case termSet
        /// `a`: the signal's bit (`SignalSpan.bit`).
        case signal
        /// Operands `operands[a..<a + b]`.
        case all, any
        /// Operand `a`.
        case not
        /// Operands `operands[a..<a + b]`, of which at least `c` must hold.
        case atLeast
        /// Operands `a` and `b`, whose matches lie within `c` words.
        case near
    }

    struct Op: Sendable, Hashable {
        var kind: Kind
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
    }

    /// Conditions nested deeper never hold (the rules compiler bounds nesting well below this).
    static let maximumDepth = 64

    /// A phrase or term set a condition tests directly, which `UnitAtoms` records per unit.
    struct Atom: Sendable, Hashable {
        var kind: Kind
        var index: Int32
    }

    private(set) var ops: [Op] = []
    /// The operands of `all`, `any` and `atLeast` operations.
    private(set) var operands: [Int32] = []
    /// The atoms, numbered densely (an op's `b`).
    private(set) var atoms: [Atom] = []

    /// The operation at `index`; `nil` out of range.
    func op(_ index: Int32) -> Op? {
        index >= 0 && Int(index) < ops.count ? ops[Int(index)] : nil
    }

    /// The operand indices of a list operation.
    func listOperands(_ op: Op) -> Range<Int> {
        let start = max(0, min(Int(op.a), operands.count))
        return start..<max(start, min(start + Int(op.b), operands.count))
    }
}

extension ConditionProgram {
    /// Adds conditions to a program, storing each distinct operation once.
    struct Builder {
        private(set) var program = ConditionProgram()
        /// The op each distinct (operation, operands) pair was stored as.
        private var known = KnownOps()
        let canon: CanonicalRules

        init(canon: CanonicalRules) {
            self.canon = canon
        }

        /// The root of `condition` on canonical indices.
        mutating func add(_ condition: Condition, depth: Int = 0) -> Int32 {
            guard depth < ConditionProgram.maximumDepth else { return intern(Op(kind: .never)) }
            switch condition {
            case .phrase(let phrase): return atom(.phrase, canon.phrase(phrase))
            case .termSet(let set): return atom(.termSet, canon.termSet(set))
            case .signal(let signal): return intern(Op(kind: .signal, a: Int32(SignalSpan.bit(signal))))
            case .all(let items): return intern(Op(kind: .all), operands: items.map { add($0, depth: depth + 1) })
            case .any(let items): return intern(Op(kind: .any), operands: items.map { add($0, depth: depth + 1) })
            case .atLeast(let count, let items):
                return intern(Op(kind: .atLeast, c: Self.clamped(count)), operands: items.map { add($0, depth: depth + 1) })
            case .not(let item): return intern(Op(kind: .not, a: add(item, depth: depth + 1)))
            case .near(let first, let second, let words):
                let a = add(first, depth: depth + 1)
                let b = add(second, depth: depth + 1)
                return intern(Op(kind: .near, a: a, b: b, c: Self.clamped(words)))
            }
        }

        /// The op testing a phrase or term set, numbering it as an atom on first sight.
        private mutating func atom(_ kind: Kind, _ index: Int32) -> Int32 {
            let key = KnownOps.Key(op: Op(kind: kind, a: index), operands: [])
            let (found, slot) = known.find(key)
            if let found { return found }
            var atom: Int32 = -1
            if index >= 0 {
                atom = Int32(truncatingIfNeeded: program.atoms.count)
                program.atoms.append(Atom(kind: kind, index: index))
            }
            let op = Int32(truncatingIfNeeded: program.ops.count)
            program.ops.append(Op(kind: kind, a: index, b: atom))
            known.insert(key, op: op, at: slot)
            return op
        }

        private mutating func intern(_ op: Op, operands: [Int32] = []) -> Int32 {
            let key = KnownOps.Key(op: op, operands: operands)
            let (found, slot) = known.find(key)
            if let found { return found }
            var stored = op
            if op.kind == .all || op.kind == .any || op.kind == .atLeast {
                stored.a = Int32(truncatingIfNeeded: program.operands.count)
                stored.b = Int32(truncatingIfNeeded: operands.count)
                program.operands.append(contentsOf: operands)
            }
            let index = Int32(truncatingIfNeeded: program.ops.count)
            program.ops.append(stored)
            known.insert(key, op: index, at: slot)
            return index
        }

        static func clamped(_ value: Int) -> Int32 {
            Int32(clamping: value)
        }
    }

    /// The builder's hash-consing table: (operation, operands) → op index.
    struct KnownOps {
        struct Key: Equatable {
            var op: Op
            var operands: [Int32]
        }

        private var keys: [Key] = []
        private var ops: [Int32] = []
        private var table = InternTable(capacity: 64)

        /// The op stored for `key`, or nil and the slot to insert it at.
        func find(_ key: Key) -> (op: Int32?, slot: Int) {
            let (index, slot) = table.find(hash: Self.hash(key)) { keys[Int($0)] == key }
            return (index.map { ops[Int($0)] }, slot)
        }

        /// Records `op` for `key`, which `find` did not find and gave `slot` for.
        mutating func insert(_ key: Key, op: Int32, at slot: Int) {
            table.insert(hash: Self.hash(key), at: slot)
            keys.append(key)
            ops.append(op)
        }

        static func hash(_ key: Key) -> Int {
            var hash = MixHash()
            hash.mix(UInt64(key.op.kind.rawValue))
            hash.mix(key.op.a)
            hash.mix(key.op.b)
            hash.mix(key.op.c)
            for operand in key.operands { hash.mix(operand) }
            return hash.value
        }
    }
}

extension ConditionProgram {
    /// The canonical phrases a condition refers to (directly or through term sets), sorted, without repeats.
    func phrases(in root: Int32, termSets: [CanonicalTermSet]) -> [Int32] {
        var found: [Int32] = []
        collectPhrases(root, termSets: termSets, into: &found, depth: 0)
        return SortedIndices.unique(nonNegative: found)
    }

    /// Canonical phrases of which a unit must hold a match for the condition to hold on it (sorted),
    /// or `nil` when it can hold without any (a signal, a `not`).
    func requiredPhrases(_ root: Int32, termSets: [CanonicalTermSet]) -> [Int32]? {
        required(root, termSets: termSets, depth: 0)
    }

    private func collectPhrases(_ node: Int32, termSets: [CanonicalTermSet], into found: inout [Int32], depth: Int) {
        guard depth < Self.maximumDepth, let op = op(node) else { return }
        switch op.kind {
        case .never, .signal, .not: return
        case .phrase: found.append(op.a)
        case .termSet:
            guard op.a >= 0, Int(op.a) < termSets.count else { return }
            found += termSets[Int(op.a)].phrases
            found += termSets[Int(op.a)].afterFirst
        case .all, .any, .atLeast:
            for position in listOperands(op) {
                collectPhrases(operands[position], termSets: termSets, into: &found, depth: depth + 1)
            }
        case .near:
            collectPhrases(op.a, termSets: termSets, into: &found, depth: depth + 1)
            collectPhrases(op.b, termSets: termSets, into: &found, depth: depth + 1)
        }
    }

    private func required(_ node: Int32, termSets: [CanonicalTermSet], depth: Int) -> [Int32]? {
        guard depth < Self.maximumDepth, let op = op(node) else { return nil }
        switch op.kind {
        case .never: return []
        case .phrase, .termSet: return phrases(in: node, termSets: termSets)
        case .signal, .not: return nil
        case .all:
            // The smallest requirement of any operand (the first of equal size).
            var best: [Int32]?
            for position in listOperands(op) {
                guard let required = required(operands[position], termSets: termSets, depth: depth + 1) else { continue }
                if required.count < best?.count ?? Int.max { best = required }
            }
            return best
        case .atLeast where op.c <= 0: return nil
        case .any, .atLeast:
            var union: [Int32] = []
            for position in listOperands(op) {
                // A phrase or term set operand requires its own phrases: gathered straight into the
                // union (sorted once at the end) rather than sorted on their own first.
                if depth + 1 < Self.maximumDepth, let operand = self.op(operands[position]),
                   operand.kind == .phrase || operand.kind == .termSet {
                    collectPhrases(operands[position], termSets: termSets, into: &union, depth: 0)
                    continue
                }
                guard let required = required(operands[position], termSets: termSets, depth: depth + 1) else { return nil }
                union += required
            }
            return SortedIndices.unique(nonNegative: union)
        case .near:
            return required(op.a, termSets: termSets, depth: depth + 1) ?? required(op.b, termSets: termSets, depth: depth + 1)
        }
    }
}
