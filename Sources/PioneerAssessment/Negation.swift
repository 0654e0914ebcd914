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
        markWithCues(&matches, in: range, tokens: tokens, unitTokens: unitTokens)
    }

    /// `mark` of a unit with a cue, in time linear in the unit's tokens and matches: a unit may be one
    /// long sentence (a hostile file of "no no no …" is one unit of a million cues), so no match is
    /// compared with every cue, nor a cue with every exception or clause break.
    ///
    /// - Each token is marked once as covered by an exception phrase or starting a break phrase, so a
    ///   cue's exceptions are read from its own tokens.
    /// - Clause breaks are counted from the unit's start: two tokens lie in the same clause when as many
    ///   breaks come before each.
    /// - The cues are in order of start (as the matches are), so a match is compared only with the cues
    ///   that start near enough to reach it.
    ///
    /// A match that does not lie inside `unitTokens` (the scan makes none) is never a cue and never negated.
    @inline(never)
    private func markWithCues(_ matches: inout [PhraseMatch], in range: Range<Int>, tokens: UnsafeBufferPointer<DocToken>,
                              unitTokens: Range<Int>) {
        let first = unitTokens.lowerBound, length = unitTokens.count
        guard length > 0 else { return }
        func inside(_ match: PhraseMatch) -> Bool { Int(match.start) >= first && Int(match.end) <= unitTokens.upperBound && match.start < match.end }
        // Per token of the unit: 1 when a break phrase starts there, 2 when an exception covers it.
        let breakPhrase: UInt8 = 1, excepted: UInt8 = 2
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { marks in
            marks.initialize(repeating: 0)
            for match in matches[range] where inside(match) {
                let role = roles[Int(match.phrase)]
                if role.contains(.exception) {
                    for token in Int(match.start)..<Int(match.end) { marks[token - first] |= excepted }
                }
                if role.contains(.clauseBreak) { marks[Int(match.start) - first] |= breakPhrase }
            }
            // clause[t - first]: the breaks at the unit's tokens after its first, up to t.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: length) { clause in
                var breaks: Int32 = 0
                clause.initializeElement(at: 0, to: 0)
                for offset in 1..<max(1, length) {
                    if tokens[first + offset].breakBefore || marks[offset] & breakPhrase != 0 { breaks += 1 }
                    clause.initializeElement(at: offset, to: breaks)
                }
                // The cues, at most one per match, on the stack: no array is allocated per unit with a cue.
                withUnsafeTemporaryAllocation(of: PhraseMatch.self, capacity: range.count) { cues in
                    var count = 0, longest: Int32 = 0, sorted = true
                    for match in matches[range] where inside(match) && !roles[Int(match.phrase)].isDisjoint(with: [.before, .after]) {
                        guard !(Int(match.start)..<Int(match.end)).contains(where: { marks[$0 - first] & excepted != 0 }) else { continue }
                        if count > 0, cues[count - 1].start > match.start { sorted = false }
                        cues.initializeElement(at: count, to: match)
                        count += 1
                        longest = max(longest, match.end - match.start)
                    }
                    guard count > 0 else { return }
                    if !sorted {
                        var listed = UnsafeMutableBufferPointer(rebasing: cues[..<count])
                        listed.sort { $0.start < $1.start }
                    }
                    let found = UnsafeBufferPointer(rebasing: cues[..<count])
                    for position in range where inside(matches[position]) {
                        matches[position].negated = isNegated(matches[position], cues: found, longest: longest) { from, to in
                            from >= to || clause[Int(from) - first] == clause[Int(to) - first]
                        }
                    }
                    cues.baseAddress?.deinitialize(count: count)
                }
                clause.baseAddress?.deinitialize(count: length)
            }
        }
    }

    /// Whether one of `cues` (sorted by start, none longer than `longest` tokens) negates `match`;
    /// `sameClause(from, to)` tells whether tokens `from` and `to` (`from` first) lie in one clause.
    private func isNegated(_ match: PhraseMatch, cues: UnsafeBufferPointer<PhraseMatch>, longest: Int32,
                           sameClause: (Int32, Int32) -> Bool) -> Bool {
        let window = Int32(clamping: self.window)
        // A `before` cue ends at most `window` tokens before the match starts, so it starts at least
        // `window + longest` before; an `after` cue starts at most `window` tokens after the match ends.
        let lowest = match.start &- window &- longest, highest = match.end &+ window
        var index = cues.indices.partitioningIndex { cues[$0].start >= lowest }
        while index < cues.count, cues[index].start <= highest {
            let cue = cues[index]
            index += 1
            let role = roles[Int(cue.phrase)]
            if role.contains(.before), cue.end <= match.start, match.start - cue.end <= window,
               sameClause(cue.end - 1, match.start) { return true }
            if role.contains(.after), match.end <= cue.start, cue.start - match.end <= window,
               sameClause(match.end - 1, cue.start) { return true }
        }
        return false
    }
}

private extension Negation {
    /// Whether one of the matches `range` is a `before` or `after` phrase.
    func hasCue(_ matches: [PhraseMatch], in range: Range<Int>) -> Bool {
        matches[range].contains { !roles[Int($0.phrase)].isDisjoint(with: [.before, .after]) }
    }
}
