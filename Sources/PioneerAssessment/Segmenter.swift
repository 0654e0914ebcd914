import PioneerDocuments

/// A stretch of a block the assessment judges on its own: a heading, a sentence of a paragraph,
/// a whole list item or table cell, or (for `unit paragraph`) a whole paragraph.
struct TextUnit: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case heading(level: Int)
        case sentence
        case listItem
        case tableCell
        case paragraph
    }

    var kind: Kind
    /// Index of the block in reading order.
    var block: Int
    /// Byte range in the block's normalised text.
    var bytes: Range<Int>
    var page: Int
    var line: Int
    /// Document-wide token indices.
    var tokens: Range<Int> = 0..<0
    /// The innermost section the unit lies in (a heading: the section it opens); -1 before any heading.
    var section: Int = -1
    /// Indices into the document's phrase matches.
    var matches: Range<Int> = 0..<0
    /// Indices into the document's signal spans.
    var signals: Range<Int> = 0..<0
    /// The built-in signals present (`SignalSpan.bit`).
    var signalMask: UInt8 = 0
    /// A list item, table cell or short fragment with no verb and no signal: never strong.
    var bare: Bool = false
    /// The paragraph (index into `DocumentAnalysis.paragraphs`) a non-heading unit belongs to.
    var paragraph: Int = -1

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}

/// A part of the document opened by a heading.
struct Section: Sendable, Hashable {
    /// The heading's unit index.
    var heading: Int
    /// The enclosing section, -1 for a top-level one.
    var parent: Int
    var level: Int
}

/// Cuts a block into units: headings (including plain-text headings such as "3.2 Vision",
/// "CRITERION 3" or "Criterion 3: Vision"), sentences, list items and table cells.
enum Segmenter {
    static let headingWords: Set<String> = ["criterion", "section", "part", "question", "appendix", "annex", "theme", "annexe"]

    /// Appends the units of `block`, whose normalised text is `text`, to `units`; token ranges are
    /// filled in later.
    static func appendUnits(of block: Block, index: Int, text: NormalisedText, to units: inout [TextUnit]) {
        let page = block.page, line = block.line
        func unit(_ kind: TextUnit.Kind, _ range: Range<Int>) -> TextUnit {
            TextUnit(kind: kind, block: index, bytes: range, page: page, line: line + text.linesBefore(range.lowerBound))
        }
        guard !text.bytes.isEmpty else { return }
        let whole = 0..<text.bytes.count
        switch block.kind {
        case .heading(let level): units.append(unit(.heading(level: max(1, level)), whole))
        case .listItem: units.append(unit(.listItem, whole))
        case .tableCell: units.append(unit(.tableCell, whole))
        case .paragraph:
            if text.lineStarts.isEmpty, let level = plainHeadingLevel(text.bytes) {
                units.append(unit(.heading(level: level), whole))
            } else {
                SentenceSplitter.forEachSentence(in: text.bytes) { units.append(unit(.sentence, $0)) }
            }
        }
    }

    /// The heading level of a one-line paragraph that reads as a heading, or `nil`.
    static func plainHeadingLevel(_ bytes: [UInt8]) -> Int? {
        guard bytes.count <= 100, let last = bytes.last, last != 0x2E, last != 0x2C, last != 0x3B else { return nil }
        let words = Words(bytes)
        guard words.count <= 14, let first = words.first else { return nil }
        if let level = numberLevel(bytes[first]), let initial = words.secondInitial, isUpper(initial) { return level }
        if isHeadingWord(bytes[first]), let next = words.secondInitial, isUpper(next) || isDigit(next) { return 1 }
        var letters = 0
        for byte in bytes where (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
            guard isUpper(byte) else { return nil }
            letters += 1
        }
        return letters >= 4 && words.count <= 10 ? 1 : nil
    }
}

private extension Segmenter {
    /// The space-separated words of a short line, as far as `plainHeadingLevel` reads them.
    struct Words {
        /// The number of words, counted up to 15.
        var count = 0
        var first: Range<Int>?
        /// The first byte of the second word.
        var secondInitial: UInt8?

        init(_ bytes: [UInt8]) {
            var start = 0
            while start < bytes.count, count <= 14 {
                guard bytes[start] != 0x20 else { start += 1; continue }
                var end = start + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if count == 0 { first = start..<end }
                if count == 1 { secondInitial = bytes[start] }
                count += 1
                start = end
            }
        }
    }

    /// `headingWords` as `SentenceSplitter.key(ofLetters:)` gives them.
    static let headingKeys: [UInt64] = headingWords.map { SentenceSplitter.key(ofLetters: $0.utf8) }

    /// Whether `word`, colons dropped, is one of `headingWords` in any case.
    static func isHeadingWord(_ word: ArraySlice<UInt8>) -> Bool {
        let letters = word.lazy.filter { $0 != 0x3A }
        // Heading words are short and ASCII letters only: any other byte makes the word none of them.
        guard letters.count <= 12, letters.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        return headingKeys.contains(SentenceSplitter.key(ofLetters: letters))
    }

    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// "3", "3.", "3.2", "3.2.1" (components of at most two digits) → number of components.
    static func numberLevel(_ word: ArraySlice<UInt8>) -> Int? {
        var trimmed = word
        if trimmed.last == 0x2E || trimmed.last == 0x29 { trimmed = trimmed.dropLast() }
        var parts = 1
        var digits = 0
        for byte in trimmed {
            if byte == 0x2E {
                guard digits > 0 else { return nil }
                parts += 1
                digits = 0
            } else {
                guard isDigit(byte), digits < 2 else { return nil }
                digits += 1
            }
        }
        return digits > 0 && parts <= 6 ? parts : nil
    }
}
