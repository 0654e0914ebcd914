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

    /// The units of `block`, whose normalised text is `text`; token ranges are filled in later.
    static func units(of block: Block, index: Int, text: NormalisedText) -> [TextUnit] {
        func unit(_ kind: TextUnit.Kind, _ range: Range<Int>) -> TextUnit {
            TextUnit(kind: kind, block: index, bytes: range, page: block.page, line: block.line + text.linesBefore(range.lowerBound))
        }
        guard !text.bytes.isEmpty else { return [] }
        let whole = 0..<text.bytes.count
        switch block.kind {
        case .heading(let level): return [unit(.heading(level: max(1, level)), whole)]
        case .listItem: return [unit(.listItem, whole)]
        case .tableCell: return [unit(.tableCell, whole)]
        case .paragraph:
            if text.lineStarts.isEmpty, let level = plainHeadingLevel(text.bytes) { return [unit(.heading(level: level), whole)] }
            return SentenceSplitter.split(text.bytes).map { unit(.sentence, $0) }
        }
    }

    /// The heading level of a one-line paragraph that reads as a heading, or `nil`.
    static func plainHeadingLevel(_ bytes: [UInt8]) -> Int? {
        guard bytes.count <= 100, let last = bytes.last, last != 0x2E, last != 0x2C, last != 0x3B else { return nil }
        let words = bytes.split(separator: 0x20)
        guard words.count <= 14, let first = words.first else { return nil }
        if let level = numberLevel(first), words.count >= 2, let initial = words[1].first, isUpper(initial) { return level }
        let firstWord = String(decoding: first.filter { $0 != 0x3A }, as: UTF8.self).lowercased()
        if headingWords.contains(firstWord), words.count >= 2, let next = words[1].first, isUpper(next) || isDigit(next) {
            return 1
        }
        let letters = bytes.filter { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
        if letters.count >= 4, words.count <= 10, letters.allSatisfy(isUpper) { return 1 }
        return nil
    }
}

private extension Segmenter {
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// "3", "3.", "3.2", "3.2.1" (components of at most two digits) → number of components.
    static func numberLevel(_ word: ArraySlice<UInt8>) -> Int? {
        var trimmed = word
        if trimmed.last == 0x2E || trimmed.last == 0x29 { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 6 else { return nil }
        for part in parts where part.isEmpty || part.count > 2 || !part.allSatisfy(isDigit) { return nil }
        return parts.count
    }
}
