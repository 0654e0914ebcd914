import PioneerText
import PioneerRules

/// A term set on canonical phrase indices.
struct CanonicalTermSet: Sendable, Hashable {
    /// Main phrases, sorted, without repeats.
    var phrases: [Int32]
    /// Phrases that count only after a main one has appeared, sorted, without repeats and without
    /// the main phrases (a phrase that is both is a main phrase).
    var afterFirst: [Int32]
}

/// The compiled rules with repeated content folded together, worked out once per `Assessor`.
///
/// A rule set may say the same thing more than once: a phrase entered twice, a term set copied
/// under another id. Matching and evaluation work on canonical indices, so what an assessment costs
/// follows the distinct content, not the number of copies. Phrases with the same words, prefix
/// marker and source (the text reports quote) are one phrase; term sets with the same canonical
/// main and after-first phrases are one term set. Out-of-range indices map to -1, which nothing matches.
struct CanonicalRules: Sendable {
    /// The distinct phrases, in order of first appearance.
    private(set) var phrases: [CompiledPhrase] = []
    /// The distinct term sets, in order of first appearance.
    private(set) var termSets: [CanonicalTermSet] = []
    /// The negation rule on canonical phrase indices.
    private(set) var negation = NegationRule(before: [], after: [], exceptions: [], clauseBreaks: [], window: 0)
    /// Canonical index of each phrase of the rules.
    private var phraseMap: [Int32] = []
    /// Canonical index of each term set of the rules.
    private var termSetMap: [Int32] = []

    /// The index of `value` in `values`: that of an earlier equal value (same `hash`, then `isEqual`), else a new one.
    static func intern<Value>(_ value: Value, hash: Int, table: inout InternTable, into values: inout [Value],
                              isEqual: (Value, Value) -> Bool) -> Int32 {
        let (found, slot) = table.find(hash: hash) { isEqual(values[Int($0)], value) }
        if let found { return found }
        table.insert(hash: hash, at: slot)
        values.append(value)
        return Int32(truncatingIfNeeded: values.count - 1)
    }

    init(_ rules: CompiledRules) {
        var phraseTable = InternTable(capacity: rules.phrases.count)
        phrases.reserveCapacity(rules.phrases.count)
        phraseMap.reserveCapacity(rules.phrases.count)
        for phrase in rules.phrases {
            // The source and the shape: phrases with the same source rarely differ in their words, and
            // equality still compares everything.
            var hash = MixHash()
            hash.mix(phrase.source)
            hash.mix(phrase.lastWordIsPrefix ? 1 : 0)
            hash.mix(phrase.words.count)
            phraseMap.append(Self.intern(phrase, hash: hash.value, table: &phraseTable, into: &phrases) {
                $0.source == $1.source && $0.lastWordIsPrefix == $1.lastWordIsPrefix && $0.words == $1.words
            })
        }
        var termSetTable = InternTable(capacity: rules.termSets.count)
        termSets.reserveCapacity(rules.termSets.count)
        termSetMap.reserveCapacity(rules.termSets.count)
        for termSet in rules.termSets {
            let main = canonicalPhrases(termSet.phrases)
            let canonical = CanonicalTermSet(phrases: main, afterFirst: canonicalPhrases(termSet.afterFirst).filter {
                !SortedIndices.contains(main, $0)
            })
            var hash = MixHash()
            for phrase in canonical.phrases { hash.mix(phrase) }
            hash.mix(-1)
            for phrase in canonical.afterFirst { hash.mix(phrase) }
            termSetMap.append(Self.intern(canonical, hash: hash.value, table: &termSetTable, into: &termSets, isEqual: ==))
        }
        let rule = rules.negation
        negation = NegationRule(before: canonicalCues(rule.before), after: canonicalCues(rule.after),
                                exceptions: canonicalCues(rule.exceptions), clauseBreaks: canonicalCues(rule.clauseBreaks),
                                window: rule.window)
    }

    /// The canonical index of phrase `original` of the rules; -1 when out of range.
    func phrase(_ original: Int) -> Int32 {
        original >= 0 && original < phraseMap.count ? phraseMap[original] : -1
    }

    /// The canonical index of term set `original` of the rules; -1 when out of range.
    func termSet(_ original: Int) -> Int32 {
        original >= 0 && original < termSetMap.count ? termSetMap[original] : -1
    }

    /// The canonical phrases of `originals` that exist, sorted, without repeats.
    private func canonicalPhrases(_ originals: [Int]) -> [Int32] {
        SortedIndices.unique(nonNegative: originals.map(phrase))
    }

    private func canonicalCues(_ originals: [Int]) -> [Int] {
        canonicalPhrases(originals).map(Int.init)
    }
}

private extension Array where Element == Int32 {
    /// A sorted array without its repeats.
    func uniqued() -> [Int32] {
        var sorted = self
        var kept = 0
        for position in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[position] {
            sorted[kept] = sorted[position]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}

/// Sorted arrays of indices used as small sets: sparse where a mask would need one entry per phrase.
enum SortedIndices {
    /// `values` sorted, without repeats.
    ///
    /// Indices are small and dense (phrases, term sets), so when none is negative and the largest is
    /// within a few words of bits per value, they are marked in a bit set and read back in order:
    /// linear, without the general sort's run bookkeeping. Other inputs are sorted.
    static func unique(_ values: [Int32]) -> [Int32] {
        guard let least = values.min() else { return [] }
        return least >= 0 ? unique(nonNegative: values) : values.sorted().uniqued()
    }

    /// The values of `values` that are not negative, sorted, without repeats.
    static func unique(nonNegative values: [Int32]) -> [Int32] {
        // Often already so (a term set's phrases are interned in order): then the values are the answer.
        if isIncreasingFromZeroUp(values) { return values }
        guard let largest = values.max(), largest >= 0 else { return [] }
        if Int(largest) < 64 * (values.count + 64) {
            var bits = [UInt64](repeating: 0, count: Int(largest) / 64 + 1)
            var distinct = 0
            for value in values where value >= 0 {
                let (word, bit) = (Int(value) >> 6, UInt64(1) << UInt64(value & 63))
                if bits[word] & bit == 0 { distinct += 1 }
                bits[word] |= bit
            }
            var result: [Int32] = []
            result.reserveCapacity(distinct)
            for (word, var set) in bits.enumerated() {
                while set != 0 {
                    result.append(Int32(truncatingIfNeeded: word << 6 | set.trailingZeroBitCount))
                    set &= set - 1
                }
            }
            return result
        }
        return values.filter { $0 >= 0 }.sorted().uniqued()
    }

    /// Whether `values` is strictly increasing and not negative: sorted, without repeats, nothing to drop.
    static func isIncreasingFromZeroUp(_ values: [Int32]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var previous: Int32 = -1
            for value in buffer {
                guard value > previous else { return false }
                previous = value
            }
            return true
        }
    }

    /// Whether sorted `values` holds `value` (binary search).
    static func contains(_ values: [Int32], _ value: Int32) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == value
    }
}
