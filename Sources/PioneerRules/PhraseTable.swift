import PioneerText

/// Interns compiled phrases so each distinct word sequence is stored once in `CompiledRules.phrases`.
struct PhraseTable: Sendable {
    private struct Key: Hashable {
        var words: [String]
        var prefix: Bool
    }

    private(set) var phrases: [CompiledPhrase] = []
    private var indices: [Key: Int] = [:]

    /// The index of the phrase, adding it on first sight (the first source spelling is kept).
    mutating func intern(words: [String], prefix: Bool, source: String) -> Int {
        let key = Key(words: words, prefix: prefix)
        if let index = indices[key] { return index }
        phrases.append(CompiledPhrase(words: words, lastWordIsPrefix: prefix, source: source))
        indices[key] = phrases.count - 1
        return phrases.count - 1
    }
}

/// A phrase split into canonical words, with its trailing-'*' prefix marker.
struct PhraseWords: Sendable, Hashable {
    static let maxWords = 200

    var words: [String]
    var prefix: Bool

    /// Splits a phrase as the rules author wrote it: `"integrat*"` is `["integrat"]` with a prefix.
    init(_ text: String) {
        var body = Substring(text)
        while let last = body.last, last == " " || last == "\t" || last == "\n" { body.removeLast() }
        prefix = body.hasSuffix("*")
        if prefix { body.removeLast() }
        words = WordTokenizer.words(of: String(body))
    }
}

/// Expands a phrase into every spelling variant declared in `spellings` blocks.
struct SpellingExpander: Sendable {
    static let maxVariants = 64

    /// Each group lists equal spellings as word sequences; the first is canonical.
    private(set) var groups: [[[String]]] = []
    /// Variants by their first word: (group, variant) pairs.
    private var byFirstWord: [String: [(group: Int, words: [String])]] = [:]

    /// Adds a group; returns the variants that were already in another group.
    mutating func add(group variants: [[String]]) -> [[String]] {
        var unique = Set<[String]>()
        let group = variants.filter { unique.insert($0).inserted }
        var clashes: [[String]] = []
        for variant in group {
            guard let first = variant.first else { continue }
            if byFirstWord[first, default: []].contains(where: { $0.words == variant }) {
                clashes.append(variant)
                continue
            }
            byFirstWord[first, default: []].append((groups.count, variant))
        }
        groups.append(group)
        return clashes
    }

    /// Every spelling of `words` (the phrase itself first), or nil beyond `maxVariants`.
    /// At each position the longest declared spelling that matches is replaced by each of its group's.
    func expand(_ words: [String]) -> [[String]]? {
        var results: [[String]] = [[]]
        var position = 0
        while position < words.count {
            guard let match = longestMatch(in: words, at: position) else {
                for i in results.indices { results[i].append(words[position]) }
                position += 1
                continue
            }
            var next: [[String]] = []
            for result in results {
                next.append(result + match.words)
                for variant in groups[match.group] where variant != match.words {
                    next.append(result + variant)
                }
            }
            guard next.count <= Self.maxVariants else { return nil }
            results = next
            position += match.words.count
        }
        var seen = Set<[String]>()
        return results.filter { seen.insert($0).inserted }
    }

    private func longestMatch(in words: [String], at position: Int) -> (group: Int, words: [String])? {
        var best: (group: Int, words: [String])?
        for candidate in byFirstWord[words[position]] ?? [] {
            let end = position + candidate.words.count
            guard end <= words.count, Array(words[position..<end]) == candidate.words else { continue }
            if candidate.words.count > (best?.words.count ?? 0) { best = candidate }
        }
        return best
    }
}
