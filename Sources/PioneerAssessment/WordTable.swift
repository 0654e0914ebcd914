/// The distinct words of one document, each looked up once: its rule vocabulary id, the rule
/// prefixes it begins with, and its word classes. Tokens refer to entries by index, so later
/// stages work over integers instead of strings.
struct WordTable: Sendable {
    struct Entry: Sendable, Hashable {
        var text: String
        /// Vocabulary id in the `PhraseMatcher`, -1 when no rule phrase uses the word.
        var vocab: Int32
        /// Ids of the rule prefixes the word begins with.
        var prefixes: [Int32]
        var flags: Lexicon.Flags
        var isNumber: Bool
        var isSymbol: Bool
    }

    private var ids: [String: Int32] = [:]
    private(set) var entries: [Entry] = []

    /// The entry index of `word`, adding it on first sight.
    mutating func intern(_ word: String, matcher: PhraseMatcher) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(entries.count)
        let (vocab, prefixes) = matcher.lookUp(word)
        let first = word.utf8.first ?? 0
        let isNumber = first >= 0x30 && first <= 0x39
        let isSymbol = !isNumber && word.unicodeScalars.count == 1 && !(word.unicodeScalars.first?.properties.isAlphabetic ?? false)
        entries.append(Entry(text: word, vocab: vocab, prefixes: prefixes, flags: Lexicon.flags(of: word),
                             isNumber: isNumber, isSymbol: isSymbol))
        ids[word] = id
        return id
    }

    subscript(_ id: Int32) -> Entry { entries[Int(id)] }
}
