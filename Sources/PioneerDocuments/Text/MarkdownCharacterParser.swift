/// The Markdown block parser on Characters: reads any text, one line at a time; every step
/// consumes at least one line. `MarkdownBlockParser` reads simple text (`SimpleText`) the same way
/// on bytes; this parser reads all other text and is the reference the byte parser is tested against.
struct MarkdownCharacterParser {
    private let lines: [CharacterLine]
    private var index = 0
    private var blocks: [RawBlock] = []
    private var pendingBreak = false

    init(lines: [CharacterLine]) {
        self.lines = lines
    }

    mutating func parse() -> [RawBlock] {
        while index < lines.count {
            let line = lines[index]
            if line.pageBreakBefore { pendingBreak = true }
            let body = Self.unquoted(line.text).trimmingBlanks()
            if body.isEmpty || Self.isThematicBreak(body) || body.hasPrefix("<!--") { index += 1; continue }
            if let level = Self.atxLevel(body) { parseATXHeading(body, level: level); continue }
            if Self.isFence(body) { parseFence(body); continue }
            if isTableStart() { parseTable(); continue }
            if PlainTextReader.listItem(Self.unquoted(line.text)) != nil { parseListItem(); continue }
            parseParagraph()
        }
        return blocks
    }
}

private extension MarkdownCharacterParser {
    mutating func emit(_ kind: Block.Kind, _ text: String, line: Int) {
        let clean = InlineMarkdown.plainCharacters(text)
        guard !clean.isEmpty else { return }
        blocks.append(RawBlock(kind: kind, text: clean, line: line, pageBreakBefore: pendingBreak))
        pendingBreak = false
    }

    mutating func parseATXHeading(_ body: Substring, level: Int) {
        var text = body.drop { $0 == "#" }.trimmingBlanks()
        while text.hasSuffix("#") { text = text.dropLast() }
        emit(.heading(level: level), String(text.trimmingBlanks()), line: lines[index].number)
        index += 1
    }

    mutating func parseFence(_ opening: Substring) {
        let fence = opening.prefix(3)
        let start = lines[index].number
        var code: [Substring] = []
        index += 1
        while index < lines.count, !lines[index].text.trimmingBlanks().hasPrefix(fence) {
            code.append(lines[index].text)
            index += 1
        }
        index = min(index + 1, lines.count)
        emit(.paragraph, code.joined(separator: "\n"), line: start + 1)
    }

    mutating func parseListItem() {
        guard let (level, first) = PlainTextReader.listItem(Self.unquoted(lines[index].text)) else { index += 1; return }
        let start = lines[index].number
        var parts = [first]
        index += 1
        // Continuation lines: non-blank, not a new block.
        while index < lines.count, !lines[index].pageBreakBefore {
            let body = Self.unquoted(lines[index].text)
            let trimmed = body.trimmingBlanks()
            if trimmed.isEmpty || PlainTextReader.listItem(body) != nil || Self.atxLevel(trimmed) != nil || Self.isFence(trimmed) { break }
            parts.append(trimmed)
            index += 1
        }
        emit(.listItem(level: level), parts.joined(separator: "\n"), line: start)
    }

    mutating func parseParagraph() {
        let start = lines[index].number
        var parts: [Substring] = []
        while index < lines.count {
            if !parts.isEmpty && lines[index].pageBreakBefore { break }
            let body = Self.unquoted(lines[index].text)
            let trimmed = body.trimmingBlanks()
            if trimmed.isEmpty { break }
            if !parts.isEmpty, let level = Self.setextLevel(trimmed) {
                index += 1
                emit(.heading(level: level), parts.joined(separator: " "), line: start)
                return
            }
            if !parts.isEmpty && (Self.atxLevel(trimmed) != nil || Self.isFence(trimmed) || PlainTextReader.listItem(body) != nil || isTableStart()) { break }
            parts.append(trimmed)
            index += 1
        }
        emit(.paragraph, parts.joined(separator: "\n"), line: start)
    }

    func isTableStart() -> Bool {
        guard index + 1 < lines.count else { return false }
        let header = Self.unquoted(lines[index].text).trimmingBlanks()
        let separator = Self.unquoted(lines[index + 1].text).trimmingBlanks()
        return header.utf8.contains(0x7C) && Self.isTableSeparator(separator)
    }

    mutating func parseTable() {
        var row = 0
        while index < lines.count {
            let body = Self.unquoted(lines[index].text).trimmingBlanks()
            guard body.utf8.contains(0x7C), !(row > 0 && lines[index].pageBreakBefore) else { break }
            if row == 1 && Self.isTableSeparator(body) { index += 1; row += 1; continue }
            let logicalRow = row == 0 ? 1 : row
            for (column, cell) in Self.cells(body).enumerated() {
                emit(.tableCell(row: logicalRow, column: column + 1), String(cell), line: lines[index].number)
            }
            row += 1
            index += 1
        }
    }
}

private extension MarkdownCharacterParser {
    /// The line without block-quote markers ("> > text" → "text").
    static func unquoted(_ line: Substring) -> Substring {
        var rest = line
        while true {
            let trimmed = rest.drop { $0 == " " }
            guard trimmed.first == ">" else { return rest }
            rest = trimmed.dropFirst()
        }
    }

    static func atxLevel(_ body: Substring) -> Int? {
        let hashes = body.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = body.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " || rest.first == "\t" ? hashes : nil
    }

    static func setextLevel(_ body: Substring) -> Int? {
        if body.count >= 2 && body.allSatisfy({ $0 == "=" }) { return 1 }
        if body.count >= 2 && body.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    static func isThematicBreak(_ body: Substring) -> Bool {
        guard let first = body.utf8.first, first == 0x2D || first == 0x2A || first == 0x5F else { return false }
        let compact = body.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    static func isFence(_ body: Substring) -> Bool { body.hasPrefix("```") || body.hasPrefix("~~~") }

    static func isTableSeparator(_ body: Substring) -> Bool {
        guard body.utf8.contains(0x2D) else { return false }
        let compact = body.filter { $0 != " " && $0 != "\t" }
        guard compact.contains("-") else { return false }
        return compact.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" }
    }

    /// The cells of a pipe-table row; "\|" is a literal bar.
    static func cells(_ row: Substring) -> [Substring] {
        var body = row
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [Substring] = []
        var start = body.startIndex
        var cursor = body.startIndex
        while cursor < body.endIndex {
            if body[cursor] == "\\" {
                cursor = body.index(after: cursor)
                if cursor < body.endIndex { cursor = body.index(after: cursor) }
                continue
            }
            if body[cursor] == "|" {
                cells.append(body[start..<cursor].trimmingBlanks())
                start = body.index(after: cursor)
            }
            cursor = body.index(after: cursor)
        }
        cells.append(body[start...].trimmingBlanks())
        return cells
    }
}
