/// Recognises units that only list words — "• Integration, personalisation, prevention" — which a
/// panel does not take as substance: a list item, table cell or short fragment with no verb and
/// no built-in signal.
enum BareList {
    /// Fragments of at most this many words are judged like list items.
    static let shortFragment = 8

    static func isBare(_ unit: TextUnit, tokens: [DocToken], table: WordTable, bytes: [UInt8]) -> Bool {
        guard unit.signalMask == 0, !unit.isHeading, !unit.tokens.isEmpty else { return false }
        switch unit.kind {
        case .listItem, .tableCell: break
        default:
            guard unit.tokens.count <= shortFragment else { return false }
        }
        return !unit.tokens.contains { hasVerb(at: $0, in: unit.tokens, tokens: tokens, table: table) }
    }

    /// A verb-like word: an auxiliary, modal or common verb, or an -ed/-ing form used as a verb
    /// (after a pronoun or auxiliary, or not followed by the noun it would describe).
    static func hasVerb(at index: Int, in range: Range<Int>, tokens: [DocToken], table: WordTable) -> Bool {
        let flags = table[tokens[index].word].flags
        if flags.contains(.verb) { return true }
        guard flags.contains(.participle) else { return false }
        if index > range.lowerBound, !table[tokens[index - 1].word].flags.isDisjoint(with: [.pronoun, .verb]) { return true }
        let next = index + 1
        guard next < range.upperBound, !tokens[next].separatedBefore else { return true }
        let nextEntry = table[tokens[next].word]
        return nextEntry.flags.contains(.function) || nextEntry.isNumber || nextEntry.isSymbol
    }
}
