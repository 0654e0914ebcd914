import PioneerRules

/// A built-in signal found in the text: tokens `start..<end`.
struct SignalSpan: Sendable, Hashable {
    var signal: BuiltinSignal
    var start: Int32
    var end: Int32

    /// The signal's bit in `TextUnit.signalMask`.
    static func bit(_ signal: BuiltinSignal) -> UInt8 {
        switch signal {
        case .date: return 1
        case .figure: return 2
        case .money: return 4
        case .percent: return 8
        case .properName: return 16
        }
    }
}

/// Detects the built-in signals — dates, sums of money, percentages, other figures and proper
/// names — over the tokens of one unit.
struct Substance {
    let tokens: [DocToken]
    let table: WordTable
    /// The unit's block text, for punctuation between tokens.
    let bytes: [UInt8]

    static let referenceWords: Set<String> = [
        "criterion", "section", "page", "para", "paragraph", "part", "appendix", "annex", "table", "figure", "chapter",
        "question", "phase", "tier", "step", "level", "no", "number", "stage", "option", "version", "criteria",
    ]

    /// Appends the signal spans of tokens `range` to `spans` and returns the unit's signal mask.
    func detect(_ range: Range<Int>, isListItem: Bool, into spans: inout [SignalSpan]) -> UInt8 {
        var mask: UInt8 = 0
        var index = range.lowerBound
        func add(_ signal: BuiltinSignal, _ end: Int) {
            spans.append(SignalSpan(signal: signal, start: Int32(index), end: Int32(end)))
            mask |= SignalSpan.bit(signal)
        }
        while index < range.upperBound {
            if let (signal, end) = numeric(at: index, in: range) {
                if signal != .figure || !isNumbering(index, in: range, isListItem: isListItem) { add(signal, end) }
                index = max(end, index + 1)
            } else if let name = properName(at: index, in: range) {
                index = name.lowerBound
                add(.properName, name.upperBound)
                index = name.upperBound
            } else {
                index += 1
            }
        }
        return mask
    }
}

extension Substance {
    func entry(_ index: Int) -> WordTable.Entry { table[tokens[index].word] }

    func text(_ index: Int, in range: Range<Int>) -> String? {
        range.contains(index) ? table.text(tokens[index].word) : nil
    }

    /// Money, percent, date or figure starting at `index`, with the end of its tokens.
    func numeric(at index: Int, in range: Range<Int>) -> (BuiltinSignal, Int)? {
        let current = entry(index)
        guard current.isNumber || !current.flags.isDisjoint(with: .numericStart) else { return nil }
        let next = text(index + 1, in: range)
        if current.flags.contains(.currency), index + 1 < range.upperBound, entry(index + 1).isNumber {
            let scaled = range.contains(index + 2) && entry(index + 2).flags.contains(.scaleWord)
            return (.money, index + (scaled ? 3 : 2))
        }
        if current.isNumber {
            if next == "%" || next == "percent" { return (.percent, index + 2) }
            if next == "per", text(index + 2, in: range) == "cent" { return (.percent, index + 3) }
            if next == "pounds" { return (.money, index + 2) }
            if let nextWord = next, nextWord == "million" || nextWord == "billion", text(index + 2, in: range) == "pounds" {
                return (.money, index + 3)
            }
        }
        if let end = date(at: index, in: range) { return (.date, end) }
        if current.isNumber || current.flags.contains(.numberWord) {
            if let previous = text(index - 1, in: range), Substance.referenceWords.contains(previous) { return nil }
            return (.figure, index + 1)
        }
        return nil
    }

    /// A list number ("1." at the start of an item) or a section number ("3.2" at the start of a unit).
    func isNumbering(_ index: Int, in range: Range<Int>, isListItem: Bool) -> Bool {
        let word = table.text(tokens[index].word)
        if word.utf8.filter({ $0 == 0x2E }).count >= 2 { return true }
        guard index == range.lowerBound else { return false }
        let after = Int(tokens[index].end)
        let follower: UInt8 = after < bytes.count ? bytes[after] : 0x20
        if follower == 0x2E || follower == 0x29 { return true }
        return word.contains(".")
    }
}
