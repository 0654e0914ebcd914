import PioneerRules

/// NegEx-style negation with the rules' `NegationRule`.
///
/// A `before` cue negates a match that starts at most `window` words after the cue ends; an `after`
/// cue negates a match that ends at most `window` words before the cue starts. A cue never reaches
/// across a clause break (a `breaks` phrase, ';' or ':') or a sentence end (negation is marked per
/// unit). A cue overlapped by an `except` phrase ("not only", "no later than") is no cue.
struct Negation: Sendable {
    private struct Role: OptionSet, Sendable {
        let rawValue: UInt8
        static let before = Role(rawValue: 1)
        static let after = Role(rawValue: 2)
        static let exception = Role(rawValue: 4)
        static let clauseBreak = Role(rawValue: 8)
    }

    private let roles: [Role]
    let window: Int

    init(rule: NegationRule, phraseCount: Int) {
        var roles = [Role](repeating: [], count: phraseCount)
        func mark(_ indices: [Int], _ role: Role) {
            for index in indices where roles.indices.contains(index) { roles[index].insert(role) }
        }
        mark(rule.before, .before)
        mark(rule.after, .after)
        mark(rule.exceptions, .exception)
        mark(rule.clauseBreaks, .clauseBreak)
        self.roles = roles
        self.window = max(0, rule.window)
    }

    /// Sets `negated` on the matches `range` of one unit whose tokens are `unitTokens`. The matches come in
    /// not negated, so a unit without a cue (most units) is left as it is.
    /// (Inlined: the test for a cue is all most units need, and costs less than a call.)
    @inline(__always)
    func mark(_ matches: inout [PhraseMatch], in range: Range<Int>, tokens: UnsafeBufferPointer<DocToken>, unitTokens: Range<Int>) {
        guard unitTokens.lowerBound >= 0, unitTokens.upperBound <= tokens.count, hasCue(matches, in: range) else { return }
        markWithCues(&matches, in: range, tokens: tokens)
    }

    /// `mark` of a unit with a cue.
    @inline(never)
    private func markWithCues(_ matches: inout [PhraseMatch], in range: Range<Int>, tokens: UnsafeBufferPointer<DocToken>) {
        var exceptions: [PhraseMatch] = []
        var breakStarts: [Int32] = []
        for match in matches[range] {
            let role = roles[Int(match.phrase)]
            if role.contains(.exception) { exceptions.append(match) }
            if role.contains(.clauseBreak) { breakStarts.append(match.start) }
        }
        // The cues, at most one per match, on the stack: no array is allocated per unit with a cue.
        withUnsafeTemporaryAllocation(of: PhraseMatch.self, capacity: range.count) { cues in
            var count = 0
            for match in matches[range] where !roles[Int(match.phrase)].isDisjoint(with: [.before, .after]) {
                if !exceptions.contains(where: { $0.start < match.end && match.start < $0.end }) {
                    cues.initializeElement(at: count, to: match)
                    count += 1
                }
            }
            mark(&matches, in: range, cues: UnsafeBufferPointer(rebasing: cues[..<count]), tokens: tokens, breakStarts: breakStarts)
        }
    }

    /// Sets `negated` on the matches `range` of one unit by its `cues` (not overlapped by an exception).
    private func mark(_ matches: inout [PhraseMatch], in range: Range<Int>, cues: UnsafeBufferPointer<PhraseMatch>,
                      tokens: UnsafeBufferPointer<DocToken>, breakStarts: [Int32]) {
        guard !cues.isEmpty else { return }
        func sameClause(_ from: Int32, _ to: Int32) -> Bool { Self.sameClause(from, to, tokens: tokens, breakStarts: breakStarts) }
        for position in range {
            let match = matches[position]
            let negated = cues.contains { cue in
                let role = roles[Int(cue.phrase)]
                if role.contains(.before), cue.end <= match.start, Int(match.start - cue.end) <= window,
                   sameClause(cue.end - 1, match.start) { return true }
                if role.contains(.after), match.end <= cue.start, Int(cue.start - match.end) <= window,
                   sameClause(match.end - 1, cue.start) { return true }
                return false
            }
            matches[position].negated = negated
        }
    }
}

private extension Negation {
    /// Whether one of the matches `range` is a `before` or `after` phrase.
    func hasCue(_ matches: [PhraseMatch], in range: Range<Int>) -> Bool {
        matches[range].contains { !roles[Int($0.phrase)].isDisjoint(with: [.before, .after]) }
    }

    /// Whether tokens `from` and `to` of one unit lie in the same clause: no ';' or ':' before a token
    /// after `from` up to `to`, and no break phrase starting there.
    static func sameClause(_ from: Int32, _ to: Int32, tokens: UnsafeBufferPointer<DocToken>, breakStarts: [Int32]) -> Bool {
        guard from < to else { return true }
        for index in Int(from + 1)...Int(to) where tokens[index].breakBefore { return false }
        return !breakStarts.contains { from < $0 && $0 <= to }
    }
}
