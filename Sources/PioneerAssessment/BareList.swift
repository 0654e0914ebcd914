/// Recognises units that only list words — "• Integration, personalisation, prevention" — which a
/// panel does not take as substance: a list item, table cell or short fragment with no verb and
/// no built-in signal.
enum BareList {
    /// Fragments of at most this many words are judged like list items.
    static let shortFragment = 8

    /// Whether `unit`, whose signal spans are in `signals` and whose tokens and block text `view` holds, is bare.
    static func isBare(_ unit: TextUnit, view: TokenView, signals: [SignalSpan]) -> Bool {
        guard unit.signalMask & ~SignalSpan.bit(.properName) == 0, !unit.isHeading, !unit.tokens.isEmpty,
              unit.tokens.lowerBound >= 0, unit.tokens.upperBound <= view.tokens.count,
              !hasLongName(unit, signals: signals) else { return false }
        switch unit.kind {
        case .listItem, .tableCell: break
        default:
            let last = unit.bytes.upperBound - 1
            let ended = last >= 0 && last < view.bytes.count && [0x2E, 0x21, 0x3F].contains(view.bytes[last])
            guard unit.tokens.count <= shortFragment, !ended else { return false }
        }
        return !unit.tokens.contains { hasVerb(at: $0, in: unit.tokens, view: view) }
    }

    /// A verb-like word: an auxiliary, modal or common verb, or an -ed/-ing form used as a verb
    /// (after a pronoun or auxiliary, or not followed by the noun it would describe; a mostly
    /// adjectival one such as "integrated" only after a pronoun or auxiliary or ending the unit).
    static func hasVerb(at index: Int, in range: Range<Int>, view: TokenView) -> Bool {
        let flags = view.entry(index).flags
        if flags.contains(.verb) { return true }
        guard flags.contains(.participle) else { return false }
        let previous = index > range.lowerBound ? view.entry(index - 1).flags : nil
        if let previous, !previous.isDisjoint(with: [.pronoun, .verb]) { return true }
        let next = index + 1
        if flags.contains(.adjectival) {
            guard next == range.upperBound, let previous else { return false }
            return previous.isDisjoint(with: [.function, .nameConnector])
        }
        guard next < range.upperBound, !view.tokens[next].separatedBefore else { return true }
        let nextEntry = view.entry(next)
        return nextEntry.flags.contains(.function) || nextEntry.isNumber || nextEntry.isSymbol
    }

    /// A proper name of two or more words ("Dr Amara Okafor") is substance; a lone "Healthwatch" is not.
    static func hasLongName(_ unit: TextUnit, signals: [SignalSpan]) -> Bool {
        signals[unit.signals].contains { $0.signal == .properName && $0.end - $0.start >= 2 }
    }
}
