/// A paragraph of `word/document.xml` as read, before it is placed on a page.
struct WordParagraph: Sendable, Hashable {
    /// Where a paragraph inside a table sits.
    struct TableCell: Sendable, Hashable {
        /// 1-based row and column in the innermost table.
        var row: Int
        var column: Int
        /// Identifies the innermost cell (consecutive paragraphs of one cell form one block).
        var cellKey: Int
        /// Identifies the row and cell of the outermost table (the unit of layout).
        var outerRowKey: Int
        var outerCellKey: Int
        /// `w:tcW` in twips when given.
        var width: Int?
    }

    var text = ""
    var properties = ParagraphProperties()
    /// Largest `w:sz` (half-points) of a run that holds text.
    var runFontSize: Int?
    var cell: TableCell?
    /// Text box paragraphs float beside the body and take no space in the page estimate.
    var inTextBox = false
    /// `w:lastRenderedPageBreak` before the first text, and after it.
    var renderedBreaksBefore = 0
    var renderedBreaksAfter = 0
    /// Explicit page breaks (`w:br w:type="page"`, `w:pageBreakBefore`, section breaks) before and after the first text.
    var hardBreaksBefore = 0
    var hardBreaksAfter = 0
    /// Line breaks inside the paragraph.
    var lineBreaks = 0
    /// Height of inline pictures (`wp:inline/wp:extent`), in twips.
    var pictureHeight = 0
    /// Footnotes and endnotes referenced from the paragraph, as "footnote:3" / "endnote:1".
    var noteReferences: [String] = []
    /// In a notes part: the note the paragraph belongs to, as "footnote:3".
    var note: String?

    /// True once the paragraph holds visible text.
    var hasText: Bool { text.contains { !$0.isWhitespace } }
}

/// Page size and margins of a section (`w:pgSz`, `w:pgMar`), in twips.
struct PageSetup: Sendable, Hashable {
    var width = 11_906
    var height = 16_838
    var top = 1_440
    var bottom = 1_440
    var left = 1_440
    var right = 1_440

    /// Width available to text; never below half an inch.
    var textWidth: Int { max(width - left - right, 720) }
    /// Height available to text; never below half an inch.
    var textHeight: Int { max(height - abs(top) - abs(bottom), 720) }

    mutating func apply(_ name: XMLName, attributes: [String: String]) {
        func twips(_ key: String) -> Int? { attributes[key].flatMap { Int($0) }.map { min(max($0, -31_680), 31_680) } }
        switch name.local {
        case "pgSz":
            width = twips("w") ?? width
            height = twips("h") ?? height
        case "pgMar":
            top = twips("top") ?? top
            bottom = twips("bottom") ?? bottom
            left = (twips("left") ?? left) + max(twips("gutter") ?? 0, 0)
            right = twips("right") ?? right
        default: break
        }
    }
}
