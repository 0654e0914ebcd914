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
        if lines.isSimple {
            var parser = MarkdownBlockParser(lines)
            return parser.parse()
        }
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
struct MarkdownBlockParser {
    private let bytes: [UInt8]
    private let lines: [SourceLines.Line]
    /// The text has no control character but tab, line feed, form feed and carriage return (`TextCounts`).
    private let lowBytesAreSpaces: Bool
    private var index = 0
    private var blocks: [RawBlock] = []
    private var pendingBreak = false
    /// The lines of the block being read (reused from block to block).
    private var parts: [ByteSpan] = []
    /// The block's text joined from `parts`, and the same without inline markup (reused).
    private var joined: [UInt8] = [], clean: [UInt8] = []

    init(_ source: SourceLines) {
        bytes = source.bytes
        lines = source.lines
        lowBytesAreSpaces = source.lowBytesAreSpaces
    }

    mutating func parse() -> [RawBlock] {
        blocks.reserveCapacity(lines.count)
        while index < lines.count {
            let line = lines[index]
            if line.pageBreakBefore { pendingBreak = true }
            let body = trimmed(unquoted(span(line)))
            if body.isEmpty { index += 1; continue }
            // Most lines start with a byte that no block but a paragraph or a table row can start with.
            let marked = mayOpenBlock(bytes[body.start])
            if marked && (isThematicBreak(body) || hasPrefix(body, "<!--")) { index += 1; continue }
            if marked, let level = atxLevel(body) { parseATXHeading(body, level: level); continue }
            if marked && isFence(body) { parseFence(body); continue }
            if isTableStart() { parseTable(); continue }
            if marked && listItem(unquoted(span(line))) != nil { parseListItem(); continue }
            parseParagraph()
        }
        return blocks
    }
}

private extension MarkdownBlockParser {
    /// Adds a block of `parts` joined by `separator`, without inline markup, unless that leaves no text.
    mutating func emit(_ kind: Block.Kind, separator: UInt8 = 0x0A, line: Int) {
        guard let made = parts.count == 1 ? text(of: parts[0]) : text(joinedBy: separator), !made.text.isEmpty else { return }
        blocks.append(RawBlock(kind: kind, text: made.text, counts: made.counts, line: line, pageBreakBefore: pendingBreak))
        pendingBreak = false
    }

    /// The text and counts of a block of one part. Most hold no inline markup: their text is then
    /// their bytes as they are.
    mutating func text(of part: ByteSpan) -> (text: String, counts: TextCounts)? {
        let asItIs = bytes.withUnsafeBufferPointer {
            TextCounts.block(UnsafeBufferPointer(rebasing: $0[part.start..<part.end]), refusingMarkup: true, lowBytesAreSpaces: lowBytesAreSpaces)
        }
        if let asItIs { return asItIs }
        clean.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { InlineMarkdown.plain(UnsafeBufferPointer(rebasing: $0[part.start..<part.end]), into: &clean) }
        return clean.withUnsafeBufferPointer { TextCounts.block($0, refusingMarkup: false) }
    }

    /// The text and counts of a block of `parts` joined by `separator`, without inline markup.
    mutating func text(joinedBy separator: UInt8) -> (text: String, counts: TextCounts)? {
        joined.removeAll(keepingCapacity: true)
        for (number, part) in parts.enumerated() {
            if number > 0 { joined.append(separator) }
            joined.append(contentsOf: bytes[part.start..<part.end])
        }
        clean.removeAll(keepingCapacity: true)
        joined.withUnsafeBufferPointer { InlineMarkdown.plain($0, into: &clean) }
        return clean.withUnsafeBufferPointer { TextCounts.block($0, refusingMarkup: false) }
    }

    /// Adds a block of one part.
    mutating func emit(_ kind: Block.Kind, _ part: ByteSpan, line: Int) {
        parts.removeAll(keepingCapacity: true)
        parts.append(part)
        emit(kind, line: line)
    }

    mutating func parseATXHeading(_ body: ByteSpan, level: Int) {
        var text = body
        while text.start < text.end && bytes[text.start] == UInt8(ascii: "#") { text.start += 1 }
        text = trimmed(text)
        while text.start < text.end && bytes[text.end - 1] == UInt8(ascii: "#") { text.end -= 1 }
        emit(.heading(level: level), trimmed(text), line: lines[index].number)
        index += 1
    }

    mutating func parseFence(_ opening: ByteSpan) {
        let fence = bytes[opening.start]
        let start = lines[index].number
        parts.removeAll(keepingCapacity: true)
        index += 1
        while index < lines.count, !hasThree(fence, trimmed(span(lines[index]))) {
            parts.append(span(lines[index]))
            index += 1
        }
        index = min(index + 1, lines.count)
        emit(.paragraph, line: start + 1)
    }

    mutating func parseListItem() {
        guard let (level, first) = listItem(unquoted(span(lines[index]))) else { index += 1; return }
        let start = lines[index].number
        parts.removeAll(keepingCapacity: true)
        parts.append(first)
        index += 1
        // Continuation lines: non-blank, not a new block.
        while index < lines.count, !lines[index].pageBreakBefore {
            let body = unquoted(span(lines[index]))
            let text = trimmed(body)
            if text.isEmpty || (mayOpenBlock(bytes[text.start]) && (listItem(body) != nil || atxLevel(text) != nil || isFence(text))) { break }
            parts.append(text)
            index += 1
        }
        emit(.listItem(level: level), line: start)
    }

    mutating func parseParagraph() {
        let start = lines[index].number
        parts.removeAll(keepingCapacity: true)
        while index < lines.count {
            if !parts.isEmpty && lines[index].pageBreakBefore { break }
            let body = unquoted(span(lines[index]))
            let text = trimmed(body)
            if text.isEmpty { break }
            if !parts.isEmpty, let level = setextLevel(text) {
                index += 1
                emit(.heading(level: level), separator: 0x20, line: start)
                return
            }
            if !parts.isEmpty && ((mayOpenBlock(bytes[text.start]) && (atxLevel(text) != nil || isFence(text) || listItem(body) != nil))
                || isTableStart()) { break }
            parts.append(text)
            index += 1
        }
        emit(.paragraph, line: start)
    }

    func isTableStart() -> Bool {
        guard index + 1 < lines.count else { return false }
        // The separator line first: it rules out most lines at their first byte.
        let separator = trimmed(unquoted(span(lines[index + 1])))
        return isTableSeparator(separator) && contains(trimmed(unquoted(span(lines[index]))), UInt8(ascii: "|"))
    }

    mutating func parseTable() {
        var row = 0
        while index < lines.count {
            let body = trimmed(unquoted(span(lines[index])))
            guard contains(body, UInt8(ascii: "|")), !(row > 0 && lines[index].pageBreakBefore) else { break }
            if row == 1 && isTableSeparator(body) { index += 1; row += 1; continue }
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
            cursor = nextBarOrBackslash(from: cursor, to: body.end)
            guard cursor < body.end else { break }
            // An escaped byte cannot end a cell (nor can the rest of an escaped multi-byte scalar).
            if bytes[cursor] == UInt8(ascii: "\\") { cursor += 2; continue }
            column += 1
            emit(.tableCell(row: number, column: column), trimmed(ByteSpan(start: cellStart, end: cursor)), line: line)
            cellStart = cursor + 1
            cursor += 1
        }
        emit(.tableCell(row: number, column: column + 1), trimmed(ByteSpan(start: cellStart, end: body.end)), line: line)
    }
}

/// Line shapes, on bytes. Every Character of simple text is one scalar, so these agree with the
/// Character-level tests of `MarkdownCharacterParser` and `PlainTextReader.listItem`.
private extension MarkdownBlockParser {
    func span(_ line: SourceLines.Line) -> ByteSpan { ByteSpan(start: line.start, end: line.end) }

    /// False when a line whose text (without quote markers and blanks) starts with `byte` can only
    /// be a paragraph line or a table row: thematic breaks, comments, ATX headings, fences and list
    /// items start with one of # - * _ < ` ~ + ( a digit, a lowercase letter, or a non-ASCII
    /// scalar (a bullet, or a lowercase letter as a list label).
    func mayOpenBlock(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "<"), UInt8(ascii: "`"),
             UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...:
            return true
        default:
            return false
        }
    }

    /// The line without block-quote markers ("> > text" → "text").
    func unquoted(_ line: ByteSpan) -> ByteSpan {
        var rest = line
        while true {
            var position = rest.start
            while position < rest.end && bytes[position] == 0x20 { position += 1 }
            guard position < rest.end && bytes[position] == UInt8(ascii: ">") else { return rest }
            rest.start = position + 1
        }
    }

    /// The text without leading and trailing spaces and tabs.
    func trimmed(_ span: ByteSpan) -> ByteSpan {
        var result = span
        while result.start < result.end && (bytes[result.start] == 0x20 || bytes[result.start] == 0x09) { result.start += 1 }
        while result.end > result.start && (bytes[result.end - 1] == 0x20 || bytes[result.end - 1] == 0x09) { result.end -= 1 }
        return result
    }

    /// The first position of '|' or '\\' in `start..<end` (within the text), or `end`; sixteen bytes at a time.
    func nextBarOrBackslash(from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            if let base = buffer.baseAddress.map(UnsafeRawPointer.init), end <= buffer.count {
                while end &- index >= 16 {
                    let pair = BytePairs.load(base, index)
                    let marks = BytePairs.equal(pair, UInt8(ascii: "|")) | BytePairs.equal(pair, UInt8(ascii: "\\"))
                    if BytePairs.any(marks) { return index + BytePairs.firstByte(marks) }
                    index &+= 16
                }
            }
            while index < end && buffer[index] != UInt8(ascii: "|") && buffer[index] != UInt8(ascii: "\\") { index += 1 }
            return index
        }
    }

    func contains(_ span: ByteSpan, _ byte: UInt8) -> Bool {
        bytes[span.start..<span.end].contains(byte)
    }

    func hasPrefix(_ span: ByteSpan, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            span.end - span.start >= prefix.count && prefix.indices.allSatisfy { bytes[span.start + $0] == prefix[$0] }
        }
    }

    /// True when the span starts with three `byte`s.
    func hasThree(_ byte: UInt8, _ span: ByteSpan) -> Bool {
        span.end - span.start >= 3 && bytes[span.start] == byte && bytes[span.start + 1] == byte && bytes[span.start + 2] == byte
    }

    func atxLevel(_ body: ByteSpan) -> Int? {
        var position = body.start
        while position < body.end && bytes[position] == UInt8(ascii: "#") { position += 1 }
        let hashes = position - body.start
        guard (1...6).contains(hashes) else { return nil }
        return position == body.end || bytes[position] == 0x20 || bytes[position] == 0x09 ? hashes : nil
    }

    func setextLevel(_ body: ByteSpan) -> Int? {
        guard body.end - body.start >= 2 else { return nil }
        if bytes[body.start..<body.end].allSatisfy({ $0 == UInt8(ascii: "=") }) { return 1 }
        if bytes[body.start..<body.end].allSatisfy({ $0 == UInt8(ascii: "-") }) { return 2 }
        return nil
    }

    /// Three or more of one of "-", "*", "_", perhaps with spaces between.
    func isThematicBreak(_ body: ByteSpan) -> Bool {
        guard !body.isEmpty else { return false }
        let first = bytes[body.start]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        var marks = 0
        for byte in bytes[body.start..<body.end] {
            if byte == first { marks += 1 } else if byte != 0x20 { return false }
        }
        return marks >= 3
    }

    func isFence(_ body: ByteSpan) -> Bool { hasThree(UInt8(ascii: "`"), body) || hasThree(UInt8(ascii: "~"), body) }

    /// Only bars, dashes, colons and blanks, with at least one dash.
    func isTableSeparator(_ body: ByteSpan) -> Bool {
        var dash = false
        for byte in bytes[body.start..<body.end] {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        return dash
    }

    /// A bulleted or numbered line: its nesting level (from indentation) and its text, as `PlainTextReader.listItem`.
    func listItem(_ line: ByteSpan) -> (Int, ByteSpan)? {
        var position = line.start
        while position < line.end && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        let indent = position - line.start
        guard let markerEnd = listMarkerEnd(from: position, to: line.end) else { return nil }
        let text = trimmed(ByteSpan(start: markerEnd, end: line.end))
        guard !text.isEmpty else { return nil }
        return (min(indent / 2 + 1, 9), text)
    }

    /// Where the text after a list marker at `start` begins: a bullet and a space, or a number,
    /// lowercase letter or roman numeral (perhaps after "("), then "." or ")" and a space.
    func listMarkerEnd(from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        let (first, firstLength) = scalar(at: start)
        switch first {
        case 0x2D, 0x2A, 0x2022, 0x2B, 0x2013, 0xB7, 0x25AA:  // - * • + – · ▪
            let after = start + firstLength
            return after < end && bytes[after] == 0x20 ? after + 1 : nil
        default:
            break
        }
        var position = start
        var length = 0
        if first == 0x28 { position += 1; length = 1 }  // (
        var label = 0, allDigits = true, allRoman = true
        while position < end, length < 5 {
            let (scalar, size) = scalar(at: position)
            let digit = scalar >= 0x30 && scalar <= 0x39
            guard digit || UTF8Bytes.isLowercaseLetter(scalar) else { break }
            allDigits = allDigits && digit
            allRoman = allRoman && (scalar == 0x69 || scalar == 0x76 || scalar == 0x78 || scalar == 0x6C)  // i v x l
            position += size
            length += 1
            label += 1
        }
        guard label > 0, label <= 3, allDigits || label == 1 || allRoman else { return nil }
        guard position < end, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")") else { return nil }
        position += 1
        guard position < end, bytes[position] == 0x20 else { return nil }
        return position + 1
    }

    /// The scalar at `position` and its length in bytes.
    func scalar(at position: Int) -> (UInt32, Int) {
        let byte = bytes[position]
        if byte < 0x80 { return (UInt32(byte), 1) }
        return bytes.withUnsafeBufferPointer { UTF8Bytes.scalar($0, at: position) }
    }
}
