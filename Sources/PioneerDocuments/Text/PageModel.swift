/// The page model for text without real pages (plain text, Markdown): how much of an A4 page,
/// set in 11-point body text with 2 cm margins, each block fills.
///
/// A4 is 297 mm tall; less 2 × 2 cm margins leaves 257 mm (728 pt). Lines of 11-point text at
/// Word's default spacing (1.08 × the face's own line height of about 1.22 em) are 14.5 pt apart:
/// 50 lines a page. The text is 170 mm (482 pt) wide; an average
/// character of a proportional 11-point face is about 5.4 pt wide: 90 characters a line.
/// Paragraphs are followed by half a line of space; a heading takes two lines (larger type and the
/// space around it); a list item is indented by 5 characters; a table row is as tall as its tallest cell,
/// each cell as wide as the text width shared between the columns, plus a third of a line of padding.
public struct PageModel: Sendable, Hashable {
    public var linesPerPage: Double = 50
    public var charactersPerLine: Double = 90
    public var paragraphSpacing: Double = 0.5
    public var headingLines: Double = 2
    public var listIndent: Double = 5
    public var tableRowPadding: Double = 0.35

    public init() {}

    public static let a4Eleven = PageModel()

    /// Lines a run of text of `characters` characters fills at `width` characters a line.
    public func lines(forCharacters characters: Int, width: Double) -> Double {
        guard characters > 0 else { return 1 }
        return (Double(characters) / max(width, 8)).rounded(.up)
    }

    /// Lines a block fills, including the space after it; `characters` may be Unicode scalars
    /// (the model is an estimate, and counting grapheme clusters would cost more than it tells).
    public func height(of kind: Block.Kind, characters: Int) -> Double {
        switch kind {
        case .heading: return headingLines
        case .paragraph: return lines(forCharacters: characters, width: charactersPerLine) + paragraphSpacing
        case .listItem(let level):
            return lines(forCharacters: characters, width: charactersPerLine - listIndent * Double(level)) + paragraphSpacing * 0.4
        case .tableCell: return lines(forCharacters: characters, width: charactersPerLine)
        }
    }
}
