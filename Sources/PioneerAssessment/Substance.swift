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
    /// The tokens, their words' entries and the unit's block text (for punctuation between tokens).
    let view: TokenView

    var tokens: UnsafeBufferPointer<DocToken> { view.tokens }
    var bytes: UnsafeBufferPointer<UInt8> { view.bytes }

    static let referenceWords: Set<String> = [
        "criterion", "section", "page", "para", "paragraph", "part", "appendix", "annex", "table", "figure", "chapter",
        "question", "phase", "tier", "step", "level", "no", "number", "stage", "option", "version", "criteria",
    ]

    /// Appends the signal spans of tokens `range` to `spans` and returns the unit's signal mask.
    func detect(_ range: Range<Int>, isListItem: Bool, into spans: inout [SignalSpan]) -> UInt8 {
        guard range.lowerBound >= 0, range.upperBound <= tokens.count else { return 0 }
        var mask: UInt8 = 0
        var index = range.lowerBound
        func add(_ signal: BuiltinSignal, _ end: Int) {
            spans.append(SignalSpan(signal: signal, start: Int32(index), end: Int32(end)))
            mask |= SignalSpan.bit(signal)
        }
        while index < range.upperBound {
            let entry = entry(index)
            // Only a number or a word such as "£", "May" or "Q1" starts a figure, and only a capital a name.
            if entry.isNumber || !entry.flags.isDisjoint(with: .numericStart), let (signal, end) = numeric(at: index, in: range) {
                if signal != .figure || !isNumbering(index, in: range, isListItem: isListItem) { add(signal, end) }
                index = max(end, index + 1)
            } else if tokens[index].capitalised {
                let found = properNameOrSkip(at: index, in: range)
                if let name = found.name {
                    index = name.lowerBound
                    add(.properName, name.upperBound)
                    index = name.upperBound
                } else {
                    // The words skipped are capitalised stopwords; one that may start a figure ("May")
                    // is still read as one.
                    var next = index + 1
                    while next < found.next, !self.entry(next).isNumber, self.entry(next).flags.isDisjoint(with: .numericStart) { next += 1 }
                    index = next
                }
            } else {
                index += 1
            }
        }
        return mask
    }
}

extension Substance {
    /// What `detect` needs to know of one canonical word beyond its `Lexicon.Flags`: whether it is
    /// one of the few words the detectors test by name, or a year, or holds dots. Worked out once per
    /// distinct word (`WordTable`), so the detectors never compare strings.
    struct Marks: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        /// A number 1990–2039 written with four digits.
        static let year = Marks(rawValue: 1 << 0)
        /// "1", "2", "3" or "4", after "q".
        static let quarterDigit = Marks(rawValue: 1 << 1)
        static let q = Marks(rawValue: 1 << 2)
        static let financial = Marks(rawValue: 1 << 3)
        /// The word "year".
        static let yearWord = Marks(rawValue: 1 << 4)
        /// "%" or "percent".
        static let percent = Marks(rawValue: 1 << 5)
        static let per = Marks(rawValue: 1 << 6)
        static let cent = Marks(rawValue: 1 << 7)
        static let pounds = Marks(rawValue: 1 << 8)
        /// "million" or "billion".
        static let millions = Marks(rawValue: 1 << 9)
        /// One of `dateLeadWords`.
        static let dateLead = Marks(rawValue: 1 << 10)
        /// One of `referenceWords`.
        static let reference = Marks(rawValue: 1 << 11)
        static let and = Marks(rawValue: 1 << 12)
        static let healthwatch = Marks(rawValue: 1 << 13)
        /// Holds a '.'.
        static let dot = Marks(rawValue: 1 << 14)
        /// Holds two '.' or more ("1.2.3").
        static let dots = Marks(rawValue: 1 << 15)
    }

    /// The words some mark is given to by name: any other word's marks follow from its spelling alone.
    static var markedWords: [String] {
        ["1", "2", "3", "4", "q", "financial", "year", "%", "percent", "per", "cent", "pounds", "million", "billion", "and",
         "healthwatch"] + dateLeadWords + referenceWords
    }

    /// The marks of a canonical word.
    static func marks(of word: String) -> Marks {
        var marks = namedMarks(of: word)
        func mark(_ mark: Marks, _ holds: Bool) { if holds { marks.insert(mark) } }
        mark(.year, isYear(word))
        mark(.dots, word.utf8.filter({ $0 == 0x2E }).count >= 2)
        mark(.dot, word.contains("."))
        return marks
    }

    /// The marks a canonical word has by name: `marks(of:)` but `.year`, `.dot` and `.dots`, which
    /// follow from the spelling (for an ASCII word, `marks(ofUnmarkedASCII:)` gives them).
    static func namedMarks(of word: String) -> Marks {
        namedMarkTable[word] ?? []
    }

    /// Every word with marks by name, and those marks: one hash per lookup instead of comparisons and
    /// two set lookups. (`BuiltInWords` reads it whole.)
    static let namedMarkTable: [String: Marks] = {
        var table: [String: Marks] = [:]
        func mark(_ words: [String], _ mark: Marks) {
            for word in words { table[word, default: []].insert(mark) }
        }
        mark(["1", "2", "3", "4"], .quarterDigit)
        mark(["q"], .q)
        mark(["financial"], .financial)
        mark(["year"], .yearWord)
        mark(["%", "percent"], .percent)
        mark(["per"], .per)
        mark(["cent"], .cent)
        mark(["pounds"], .pounds)
        mark(["million", "billion"], .millions)
        mark(Array(dateLeadWords), .dateLead)
        mark(Array(referenceWords), .reference)
        mark(["and"], .and)
        mark(["healthwatch"], .healthwatch)
        return table
    }()

    /// `marks(of:)` of an ASCII word that is not one of `markedWords`, read from its bytes.
    static func marks(ofUnmarkedASCII word: UnsafeBufferPointer<UInt8>) -> Marks {
        var marks: Marks = []
        var dots = 0
        var value = 0
        var digits = 0
        for byte in word {
            if byte == 0x2E { dots += 1 }
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                value = value &* 10 &+ Int(byte - 0x30)
            }
        }
        if word.count == 4, digits == 4, (1990...2039).contains(value) { marks.insert(.year) }
        if dots >= 1 { marks.insert(.dot) }
        if dots >= 2 { marks.insert(.dots) }
        return marks
    }

    /// A number 1990–2039 written with four characters.
    static func isYear(_ text: String) -> Bool {
        guard text.utf8.count == 4, let value = Int(text) else { return false }
        return (1990...2039).contains(value)
    }

    func entry(_ index: Int) -> WordTable.Entry { view.entry(index) }

    /// The marks of token `index`, none outside `range`.
    func marks(_ index: Int, in range: Range<Int>) -> Marks {
        range.contains(index) ? view.entry(index).marks : []
    }

    /// Money, percent, date or figure starting at `index`, with the end of its tokens.
    func numeric(at index: Int, in range: Range<Int>) -> (BuiltinSignal, Int)? {
        let current = entry(index)
        guard current.isNumber || !current.flags.isDisjoint(with: .numericStart) else { return nil }
        if current.flags.contains(.currency), index + 1 < range.upperBound, entry(index + 1).isNumber {
            let scaled = range.contains(index + 2) && entry(index + 2).flags.contains(.scaleWord)
            return (.money, index + (scaled ? 3 : 2))
        }
        if current.isNumber {
            let next = marks(index + 1, in: range)
            if next.contains(.percent) { return (.percent, index + 2) }
            if next.contains(.per), marks(index + 2, in: range).contains(.cent) { return (.percent, index + 3) }
            if next.contains(.pounds) { return (.money, index + 2) }
            if next.contains(.millions), marks(index + 2, in: range).contains(.pounds) { return (.money, index + 3) }
        }
        if let end = date(at: index, in: range) { return (.date, end) }
        if current.isNumber || current.flags.contains(.numberWord) {
            if marks(index - 1, in: range).contains(.reference) { return nil }
            return (.figure, index + 1)
        }
        return nil
    }

    /// A list number ("1." at the start of an item) or a section number ("3.2" at the start of a unit).
    func isNumbering(_ index: Int, in range: Range<Int>, isListItem: Bool) -> Bool {
        let marks = entry(index).marks
        if marks.contains(.dots) { return true }
        guard index == range.lowerBound else { return false }
        let after = Int(tokens[index].end)
        let follower: UInt8 = after < bytes.count ? bytes[after] : 0x20
        if follower == 0x2E || follower == 0x29 { return true }
        return marks.contains(.dot)
    }
}
