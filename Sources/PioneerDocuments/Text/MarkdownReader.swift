/// Reads Markdown: ATX and setext headings, bulleted and numbered lists (nested by indentation),
/// pipe tables, block quotes, fenced code, and paragraphs; inline markup is removed
/// (`InlineMarkdown`). Form feeds are page breaks; otherwise pages are estimated (`PageModel`).
///
/// Simple text (`SimpleText`, nearly every bid) is parsed on its UTF-8 bytes by
/// `MarkdownBlockParser`; any other text on Characters by `MarkdownCharacterParser`, with the same result.
public enum MarkdownReader {
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        let (lines, warnings) = try TextDecoding.lines(of: bytes, path: path, limits: limits)
        let blocks = parse(lines)
        guard blocks.contains(where: { !$0.text.isEmpty }) else { throw DocumentError(path: path, reason: .noText) }
        return try TextPagination().document(path: path, format: .markdown, blocks: blocks, explicitPages: lines.hasFormFeeds,
                                             warnings: warnings, limits: limits)
    }

    /// The blocks of the text, read on bytes when the text is simple.
    static func parse(_ lines: SourceLines) -> [RawBlock] {
        if lines.isSimple { return MarkdownBlockParser.parse(lines) }
        var parser = MarkdownCharacterParser(lines: lines.textLines)
        return parser.parse()
    }
}

/// A range of a text's UTF-8 bytes.
struct ByteSpan {
    var start: Int
    var end: Int

    var isEmpty: Bool { start >= end }
}

/// The Markdown block parser on the UTF-8 bytes of simple text (`SimpleText`): reads exactly as
/// `MarkdownCharacterParser` does, one line at a time; every step consumes at least one line.
/// Each block's text is gathered from byte ranges and becomes a String once, after inline markup is removed.
///
/// It reads the bytes and lines through buffer pointers, which `parse` holds for as long as it runs:
/// every index it reads at is inside a line (checked against the line's end) or a line's own bounds.
struct MarkdownBlockParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let shapes: MarkdownLineShapes
    private let lines: UnsafeBufferPointer<SourceLines.Line>
    /// The text has no control character but tab, line feed, form feed and carriage return (`TextCounts`).
    private let lowBytesAreSpaces: Bool
    private var index = 0
    private var blocks: [RawBlock] = []
    private var pendingBreak = false
    /// The lines of the block being read (reused from block to block).
    private var parts: [ByteSpan] = []
    /// The block's text joined from `parts`, and the same without inline markup (reused).
    private var joined: [UInt8] = [], clean: [UInt8] = []

    /// The blocks of simple text.
    static func parse(_ source: SourceLines) -> [RawBlock] {
        source.bytes.withUnsafeBufferPointer { bytes in
            source.lines.withUnsafeBufferPointer { lines in
                var parser = MarkdownBlockParser(bytes: bytes, lines: lines, lowBytesAreSpaces: source.lowBytesAreSpaces)
                return parser.parse()
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, lines: UnsafeBufferPointer<SourceLines.Line>, lowBytesAreSpaces: Bool) {
        self.bytes = bytes
        shapes = MarkdownLineShapes(bytes: bytes)
        self.lines = lines
        self.lowBytesAreSpaces = lowBytesAreSpaces
    }

    private mutating func parse() -> [RawBlock] {
        blocks.reserveCapacity(lines.count)
        while index < lines.count {
            let line = lines[index]
            if line.pageBreakBefore { pendingBreak = true }
            let body = shapes.trimmed(shapes.unquoted(shapes.span(line)))
            if body.isEmpty { index += 1; continue }
            // Most lines start with a byte that no block but a paragraph or a table row can start with.
            let marked = shapes.mayOpenBlock(bytes[body.start])
            if marked && (shapes.isThematicBreak(body) || shapes.hasPrefix(body, "<!--")) { index += 1; continue }
            if marked, let level = shapes.atxLevel(body) { parseATXHeading(body, level: level); continue }
            if marked && shapes.isFence(body) { parseFence(body); continue }
            if isTableStart() { parseTable(); continue }
            if marked, let item = shapes.listItem(shapes.unquoted(shapes.span(line))) { parseListItem(level: item.0, first: item.1); continue }
            parseParagraph(body)
        }
        return blocks
    }
}

private extension MarkdownBlockParser {
    /// Adds a block of one part.
    mutating func emit(_ kind: Block.Kind, _ part: ByteSpan, line: Int) {
        add(kind, text(of: part), line: line)
    }

    /// Adds a block of `first` (when there is one) and then `parts`, joined by `separator`.
    mutating func emit(_ kind: Block.Kind, first: ByteSpan?, separator: UInt8 = 0x0A, line: Int) {
        if let first, parts.isEmpty { return add(kind, text(of: first), line: line) }
        if first == nil, parts.count == 1 { return add(kind, text(of: parts[0]), line: line) }
        add(kind, text(joining: first, separator: separator), line: line)
    }

    /// Adds a block of `made`, unless it has no text.
    @inline(__always)
    mutating func add(_ kind: Block.Kind, _ made: CountedText?, line: Int) {
        guard let made, !made.text.isEmpty else { return }
        blocks.append(RawBlock(kind: kind, text: made.text, counts: made.counts, line: line, pageBreakBefore: pendingBreak))
        pendingBreak = false
    }

    /// Empties `parts` for the next block (`removeAll(keepingCapacity:)` costs more than the few parts there were).
    mutating func clearParts() {
        while !parts.isEmpty { parts.removeLast() }
    }

    /// The text and counts of a block of one part, without inline markup. Most hold none: their
    /// text is then their bytes as they are.
    @inline(__always)
    mutating func text(of part: ByteSpan) -> CountedText? {
        let text = UnsafeBufferPointer(rebasing: bytes[part.start..<part.end])
        if let asItIs = TextCounts.block(text, refusingMarkup: true, lowBytesAreSpaces: lowBytesAreSpaces) { return asItIs }
        clean.removeAll(keepingCapacity: true)
        InlineMarkdown.plain(text, into: &clean)
        return clean.withUnsafeBufferPointer { TextCounts.block($0, refusingMarkup: false) }
    }

    /// The text and counts of `first` and `parts` joined by `separator`, without inline markup.
    mutating func text(joining first: ByteSpan?, separator: UInt8) -> CountedText? {
        joined.removeAll(keepingCapacity: true)
        if let first { joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first.start..<first.end])) }
        for (number, part) in parts.enumerated() {
            if first != nil || number > 0 { joined.append(separator) }
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part.start..<part.end]))
        }
        clean.removeAll(keepingCapacity: true)
        joined.withUnsafeBufferPointer { InlineMarkdown.plain($0, into: &clean) }
        return clean.withUnsafeBufferPointer { TextCounts.block($0, refusingMarkup: false) }
    }

    mutating func parseATXHeading(_ body: ByteSpan, level: Int) {
        var text = body
        while text.start < text.end && bytes[text.start] == UInt8(ascii: "#") { text.start += 1 }
        text = shapes.trimmed(text)
        while text.start < text.end && bytes[text.end - 1] == UInt8(ascii: "#") { text.end -= 1 }
        emit(.heading(level: level), shapes.trimmed(text), line: lines[index].number)
        index += 1
    }

    mutating func parseFence(_ opening: ByteSpan) {
        let fence = bytes[opening.start]
        let start = lines[index].number
        clearParts()
        index += 1
        while index < lines.count, !shapes.hasThree(fence, shapes.trimmed(shapes.span(lines[index]))) {
            parts.append(shapes.span(lines[index]))
            index += 1
        }
        index = min(index + 1, lines.count)
        emit(.paragraph, first: nil, line: start + 1)
    }

    /// A list item at `index`, whose nesting level and text `shapes.listItem` found, and its continuation lines.
    mutating func parseListItem(level: Int, first: ByteSpan) {
        let start = lines[index].number
        clearParts()
        index += 1
        // Continuation lines: non-blank, not a new block.
        while index < lines.count, !lines[index].pageBreakBefore {
            let body = shapes.unquoted(shapes.span(lines[index]))
            let text = shapes.trimmed(body)
            if text.isEmpty || (shapes.mayOpenBlock(bytes[text.start]) && (shapes.listItem(body) != nil || shapes.atxLevel(text) != nil || shapes.isFence(text))) { break }
            parts.append(text)
            index += 1
        }
        emit(.listItem(level: level), first: first, line: start)
    }

    /// A paragraph from the line at `index`, whose text `first` is; it ends at a blank line, a page
    /// break or a line that starts another block, or becomes a setext heading at an underline.
    mutating func parseParagraph(_ first: ByteSpan) {
        let start = lines[index].number
        clearParts()
        index += 1
        while index < lines.count && !lines[index].pageBreakBefore {
            let body = shapes.unquoted(shapes.span(lines[index]))
            let text = shapes.trimmed(body)
            if text.isEmpty { break }
            if let level = shapes.setextLevel(text) {
                index += 1
                emit(.heading(level: level), first: first, separator: 0x20, line: start)
                return
            }
            if (shapes.mayOpenBlock(bytes[text.start]) && (shapes.atxLevel(text) != nil || shapes.isFence(text) || shapes.listItem(body) != nil))
                || isTableStart() { break }
            parts.append(text)
            index += 1
        }
        emit(.paragraph, first: first, line: start)
    }

    func isTableStart() -> Bool {
        guard index + 1 < lines.count else { return false }
        // The separator line first: it rules out most lines at their first byte.
        let separator = shapes.trimmed(shapes.unquoted(shapes.span(lines[index + 1])))
        return shapes.isTableSeparator(separator) && shapes.contains(shapes.trimmed(shapes.unquoted(shapes.span(lines[index]))), UInt8(ascii: "|"))
    }

    mutating func parseTable() {
        var row = 0
        while index < lines.count {
            let body = shapes.trimmed(shapes.unquoted(shapes.span(lines[index])))
            guard shapes.contains(body, UInt8(ascii: "|")), !(row > 0 && lines[index].pageBreakBefore) else { break }
            if row == 1 && shapes.isTableSeparator(body) { index += 1; row += 1; continue }
            emitCells(body, row: row == 0 ? 1 : row, line: lines[index].number)
            row += 1
            index += 1
        }
    }

    /// Adds the cells of a pipe-table row; "\|" is a literal bar.
    mutating func emitCells(_ row: ByteSpan, row number: Int, line: Int) {
        var body = row
        if !body.isEmpty && bytes[body.start] == UInt8(ascii: "|") { body.start += 1 }
        if !body.isEmpty && bytes[body.end - 1] == UInt8(ascii: "|")
            && !(body.end - body.start >= 2 && bytes[body.end - 2] == UInt8(ascii: "\\")) { body.end -= 1 }
        var column = 0
        var cellStart = body.start
        var cursor = body.start
        while cursor < body.end {
            cursor = shapes.nextBarOrBackslash(from: cursor, to: body.end)
            guard cursor < body.end else { break }
            // An escaped byte cannot end a cell (nor can the rest of an escaped multi-byte scalar).
            if bytes[cursor] == UInt8(ascii: "\\") { cursor += 2; continue }
            column += 1
            emit(.tableCell(row: number, column: column), shapes.trimmed(ByteSpan(start: cellStart, end: cursor)), line: line)
            cellStart = cursor + 1
            cursor += 1
        }
        emit(.tableCell(row: number, column: column + 1), shapes.trimmed(ByteSpan(start: cellStart, end: body.end)), line: line)
    }
}
