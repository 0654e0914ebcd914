/// Did-you-mean suggestions by Levenshtein edit distance.
enum EditDistance {
    /// Edits (insert, delete, substitute, swap two neighbours) needed to turn `a` into `b`
    /// (optimal string alignment distance: `hbw` is one edit from `hwb`).
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }

    /// The closest candidate within a third of the word's length (at least 1 edit), or nil.
    /// Ties go to the candidate listed first, so suggestions are deterministic.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let allowed = Swift.max(1, word.unicodeScalars.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            guard abs(candidate.unicodeScalars.count - word.unicodeScalars.count) <= allowed else { continue }
            let distance = between(word, candidate)
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// A `did you mean 'x'?` note when a close candidate exists.
    static func notes(for word: String, among candidates: [String]) -> [Diagnostic.Note] {
        guard let match = suggestion(for: word, among: candidates) else { return [] }
        return [Diagnostic.Note(message: "did you mean '\(match)'?")]
    }
}
