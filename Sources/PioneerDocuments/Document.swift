/// The file formats the readers understand.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case text, markdown, docx, pdf

    /// The format a file name's extension stands for, or `nil` when unsupported.
    public init?(pathExtension ext: String) {
        switch ext.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "docx": self = .docx
        case "pdf": self = .pdf
        default: return nil
        }
    }
}

/// A read document: pages of blocks, with everything the assessment needs to know about
/// how it was read. Readers produce it; nothing downstream ever touches the file again.
public struct Document: Sendable, Hashable {
    /// The path as the user gave it.
    public var path: String
    public var format: DocumentFormat
    /// Pages in order; `pages[i].number == i + 1`. Text formats get estimated page breaks.
    public var pages: [Page]
    public var pageCount: PageCount
    /// Whitespace-separated words of the extracted text.
    public var wordCount: Int
    /// Things the reader noticed that the user should know (stale app.xml, pages without text…).
    public var warnings: [DocumentWarning]

    public init(path: String, format: DocumentFormat, pages: [Page], pageCount: PageCount, wordCount: Int, warnings: [DocumentWarning] = []) {
        self.path = path
        self.format = format
        self.pages = pages
        self.pageCount = pageCount
        self.wordCount = wordCount
        self.warnings = warnings
    }

    /// Every block in reading order.
    public var blocks: [Block] { pages.flatMap(\.blocks) }
}

/// One page and the blocks that start on it.
public struct Page: Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    public var blocks: [Block]
    /// False when the page holds no extractable text (a scanned page).
    public var hasText: Bool

    public init(number: Int, blocks: [Block], hasText: Bool = true) {
        self.number = number
        self.blocks = blocks
        self.hasText = hasText
    }
}

/// A unit of layout: a heading, a paragraph, a list item or a table cell.
public struct Block: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A heading; level 1 is the top.
        case heading(level: Int)
        case paragraph
        /// A bulleted or numbered list item; level 1 is the outermost list.
        case listItem(level: Int)
        /// A table cell; row and column are 1-based.
        case tableCell(row: Int, column: Int)
    }

    public var kind: Kind
    /// The text as read (not normalised). Lines of a wrapped paragraph are joined by "\n".
    public var text: String
    /// The page the block starts on (1-based).
    public var page: Int
    /// 1-based line the block starts on: the line in the file for text and Markdown,
    /// the line on the page for PDF, the paragraph on the page for DOCX.
    public var line: Int

    public init(kind: Kind, text: String, page: Int, line: Int) {
        self.kind = kind
        self.text = text
        self.page = page
        self.line = line
    }
}

/// How many pages a document has, and how sure we are.
public struct PageCount: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// The PDF page tree: exact.
        case pdfPageTree = "pdf-page-tree"
        /// DOCX `docProps/app.xml` `<Pages>`, plausible against the content.
        case docxAppProperties = "docx-app-xml"
        /// Estimated from a DOCX's content with its page size, margins and fonts.
        case docxLayoutEstimate = "docx-estimate"
        /// Form feeds in a text file: exact.
        case formFeeds = "form-feeds"
        /// Estimated from text with the documented page model.
        case textEstimate = "text-estimate"
    }

    /// Pages; a fraction when estimated (9.4).
    public var value: Double
    public var exact: Bool
    public var source: Source

    public init(value: Double, exact: Bool, source: Source) {
        self.value = value
        self.exact = exact
        self.source = source
    }

    /// Whole pages a reader would have to turn: 9.4 estimated pages is 10 pages.
    public var wholePages: Int {
        let rounded = value.rounded(.up)
        return rounded.isFinite ? max(0, Int(min(rounded, 1_000_000))) : 0
    }
}

/// Something a reader noticed that does not stop it.
public struct DocumentWarning: Sendable, Hashable {
    /// A short stable code such as "no-text-pages" or "stale-app-xml".
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
