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
        var byPhrase = [[Entry]](repeating: [], count: phraseCount)
        for (set, termSet) in termSets.enumerated() {
            let set = Int32(truncatingIfNeeded: set)
            for phrase in termSet.phrases where phrase >= 0 && Int(phrase) < phraseCount {
                byPhrase[Int(phrase)].append(Entry(set: set, membership: .main))
            }
            for phrase in termSet.afterFirst where phrase >= 0 && Int(phrase) < phraseCount {
                byPhrase[Int(phrase)].append(Entry(set: set, membership: .afterFirst))
            }
        }
        var entries: [Entry] = []
        var starts: [Int32] = [0]
        var mainSets: [Int32] = []
        var mainStarts: [Int32] = [0]
        for list in byPhrase {
            // Sets are visited in order and a canonical set never lists a phrase twice, so `list` is sorted by set.
            entries += list
            starts.append(Int32(truncatingIfNeeded: entries.count))
            mainSets += list.filter { $0.membership == .main }.map(\.set)
            mainStarts.append(Int32(truncatingIfNeeded: mainSets.count))
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

    /// For each term set, the start of the first match of one of its main phrases (`Int32.max` when none).
    func firstMainMatches(_ matches: [PhraseMatch]) -> [Int32] {
        var first = [Int32](repeating: .max, count: termSetCount)
        for match in matches where match.phrase >= 0 && Int(match.phrase) + 1 < mainStarts.count {
            for position in Int(mainStarts[Int(match.phrase)])..<Int(mainStarts[Int(match.phrase) + 1]) {
                let set = Int(mainSets[position])
                if first[set] == .max { first[set] = match.start }
            }
        }
        return first
    }
}
