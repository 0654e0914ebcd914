/// Lookups over the canonical rules precomputed once per `Assessor`: which term sets each phrase
/// belongs to. Sparse: one entry per (phrase, term set) membership, not a phrase × term-set table.
struct RuleIndex: Sendable {
    enum Membership: UInt8, Sendable { case none = 0, main = 1, afterFirst = 2 }

    /// A term set a phrase belongs to, and how.
    struct Entry: Sendable, Hashable {
        var set: Int32
        var membership: Membership
    }

    let phraseCount: Int
    let termSetCount: Int
    /// The term sets of phrase p, sorted by set: `entries[starts[p]..<starts[p + 1]]`.
    private let entries: [Entry]
    private let starts: [Int32]
    /// For each phrase, the term sets it is a main phrase of: `mainSets[mainStarts[p]..<mainStarts[p + 1]]`.
    private let mainSets: [Int32]
    private let mainStarts: [Int32]

    init(phraseCount: Int, termSets: [CanonicalTermSet]) {
        self.phraseCount = phraseCount
        termSetCount = termSets.count
        // Counted, then placed (no array per phrase). Sets are visited in order and a canonical set never
        // lists a phrase twice, so each phrase's entries come out sorted by set.
        var starts = [Int32](repeating: 0, count: phraseCount + 1)
        var mainStarts = [Int32](repeating: 0, count: phraseCount + 1)
        for termSet in termSets {
            for phrase in termSet.phrases where phrase >= 0 && Int(phrase) < phraseCount {
                starts[Int(phrase) + 1] += 1
                mainStarts[Int(phrase) + 1] += 1
            }
            for phrase in termSet.afterFirst where phrase >= 0 && Int(phrase) < phraseCount { starts[Int(phrase) + 1] += 1 }
        }
        for phrase in 0..<phraseCount {
            starts[phrase + 1] += starts[phrase]
            mainStarts[phrase + 1] += mainStarts[phrase]
        }
        var entries = [Entry](repeating: Entry(set: 0, membership: .none), count: Int(starts[phraseCount]))
        var mainSets = [Int32](repeating: 0, count: Int(mainStarts[phraseCount]))
        var next = starts
        var nextMain = mainStarts
        for (set, termSet) in termSets.enumerated() {
            let set = Int32(truncatingIfNeeded: set)
            for phrase in termSet.phrases where phrase >= 0 && Int(phrase) < phraseCount {
                entries[Int(next[Int(phrase)])] = Entry(set: set, membership: .main)
                next[Int(phrase)] += 1
                mainSets[Int(nextMain[Int(phrase)])] = set
                nextMain[Int(phrase)] += 1
            }
            for phrase in termSet.afterFirst where phrase >= 0 && Int(phrase) < phraseCount {
                entries[Int(next[Int(phrase)])] = Entry(set: set, membership: .afterFirst)
                next[Int(phrase)] += 1
            }
        }
        self.entries = entries
        self.starts = starts
        self.mainSets = mainSets
        self.mainStarts = mainStarts
    }

    /// How `phrase` belongs to term `set` (binary search among the phrase's few sets).
    func membership(of phrase: Int32, in set: Int32) -> Membership {
        guard phrase >= 0, Int(phrase) + 1 < starts.count else { return .none }
        var low = Int(starts[Int(phrase)])
        var high = Int(starts[Int(phrase) + 1])
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].set < set { low = middle + 1 } else { high = middle }
        }
        return low < Int(starts[Int(phrase) + 1]) && entries[low].set == set ? entries[low].membership : .none
    }

    /// For each term set, the start of the first match of one of its main phrases (`Int32.max` when none),
    /// from the start of each phrase's first match (`DocumentAnalysis.indexMatches`).
    func firstMainMatches(firstStarts: [Int32]) -> [Int32] {
        var first = [Int32](repeating: .max, count: termSetCount)
        for (phrase, start) in firstStarts.enumerated() where start != .max && phrase + 1 < mainStarts.count {
            for position in Int(mainStarts[phrase])..<Int(mainStarts[phrase + 1]) {
                let set = Int(mainSets[position])
                first[set] = min(first[set], start)
            }
        }
        return first
    }
}
