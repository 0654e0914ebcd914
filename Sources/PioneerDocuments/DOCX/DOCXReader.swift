/// Reads Word .docx files: the ZIP package, the main document's paragraphs, tables, lists and headings
/// (styles resolved through `word/styles.xml`) and the page count (see `DOCXPageCount`).
public enum DOCXReader {
    /// Reads the .docx in `bytes`; `path` is used only in messages and in the result.
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        if bytes.starts(with: CompoundFile.signature) { throw DocumentError(path: path, reason: CompoundFile.reason(bytes)) }
        var package: DOCXPackage
        do {
            package = try DOCXPackage(bytes: bytes, limits: limits)
        } catch {
            throw DocumentError(path: path, reason: error.reason)
        }
        var body: WordBodyHandler
        let styles: WordStyles
        let appPages: Int?
        do {
            body = try package.body()
            let notes = try package.notes(budget: limits.maxTextCharacters - body.characterCount)
            body.paragraphs = placingNotes(notes, in: body.paragraphs)
            styles = try package.styles()
            appPages = try package.appPages()
        } catch {
            throw DocumentError(path: path, reason: error.reason)
        }
        return try assemble(body: body, styles: styles, appPages: appPages, path: path, limits: limits)
    }
}

private extension DOCXReader {
    static func assemble(body: WordBodyHandler, styles: WordStyles, appPages: Int?, path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        let paragraphs = body.paragraphs
        let wordCount = paragraphs.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
        guard wordCount > 0 else { throw DocumentError(path: path, reason: .noText) }
        let layout = WordPageLayout(paragraphs: paragraphs, styles: styles, setup: body.pageSetup)
        let rendered = WordPageLayout.renderedPages(paragraphs)
        let decision = DOCXPageCount(appPages: appPages, estimate: layout.pages, renderedPages: rendered?.count)
        let total = max(decision.count.wholePages, 1)
        guard total <= limits.maxPages else {
            throw DocumentError(path: path, reason: .limitExceeded("the document fills about \(total) pages, more than the limit of \(limits.maxPages)"))
        }
        let pageOf: [Int]
        if let rendered, abs(rendered.count - total) <= max(1, total / 10) {
            pageOf = rendered.pages.map { min($0, total) }
        } else {
            // Stretch the estimate's pages onto the chosen count (1 when the estimate itself was chosen).
            let scale = Double(total) / max(layout.pages.rounded(.up), 1)
            pageOf = layout.starts.map { min(total, max(1, Int(min(($0 * scale).rounded(.down), 1_000_000)) + 1)) }
        }
        let pages = makePages(paragraphs, pageOf: pageOf, styles: styles)
        return Document(path: path, format: .docx, pages: pages, pageCount: decision.count, wordCount: wordCount,
                        warnings: decision.warning.map { [$0] } ?? [])
    }

    /// Footnotes follow the paragraph (or table row) that refers to them, so they land on its page;
    /// endnotes follow the body.
    static func placingNotes(_ notes: [String: [WordParagraph]], in paragraphs: [WordParagraph]) -> [WordParagraph] {
        guard !notes.isEmpty else { return paragraphs }
        var result: [WordParagraph] = []
        var pending: [WordParagraph] = []
        var endnotes: [WordParagraph] = []
        var placed = Set<String>()
        for paragraph in paragraphs {
            let continuesRow = paragraph.cell.map { $0.outerRowKey == result.last?.cell?.outerRowKey } ?? false
            if !continuesRow {
                result += pending
                pending = []
            }
            result.append(paragraph)
            for reference in paragraph.noteReferences where placed.insert(reference).inserted {
                if reference.hasPrefix("endnote:") { endnotes += notes[reference] ?? [] } else { pending += notes[reference] ?? [] }
            }
        }
        return result + pending + endnotes
    }

    /// Blocks grouped by page; consecutive paragraphs of one table cell on one page form one block.
    static func makePages(_ paragraphs: [WordParagraph], pageOf: [Int], styles: WordStyles) -> [Page] {
        var blocksByPage: [[Block]] = [[]]
        var lastCell: Int?
        for (index, paragraph) in paragraphs.enumerated() where paragraph.hasText {
            let page = pageOf.indices.contains(index) ? pageOf[index] : 1
            while blocksByPage.count < page { blocksByPage.append([]) }
            let text = paragraph.text.trimmingWhitespace
            if let key = paragraph.cell?.cellKey, key == lastCell, var previous = blocksByPage[page - 1].popLast() {
                previous.text += "\n" + text
                blocksByPage[page - 1].append(previous)
                continue
            }
            lastCell = paragraph.cell?.cellKey
            let line = blocksByPage[page - 1].count + 1
            blocksByPage[page - 1].append(Block(kind: kind(paragraph, styles: styles), text: text, page: page, line: line))
        }
        return blocksByPage.enumerated().map { Page(number: $0.offset + 1, blocks: $0.element) }
    }

    static func kind(_ paragraph: WordParagraph, styles: WordStyles) -> Block.Kind {
        if let cell = paragraph.cell { return .tableCell(row: cell.row, column: cell.column) }
        if let level = styles.headingLevel(paragraph.properties) { return .heading(level: level) }
        if let level = styles.listLevel(paragraph.properties) { return .listItem(level: level) }
        return .paragraph
    }
}

private extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
