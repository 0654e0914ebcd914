/// Reads plain text: paragraphs are separated by blank lines, form feeds are page breaks, and
/// headings and list items are recognised from their shape.
///
/// A heading is a short line standing alone: all capitals ("RISK MANAGEMENT"), numbered
/// ("3.2 Governance"), or a short capitalised line without final punctuation ("Our vision").
/// A list item starts with a bullet ("-", "*", "•") or a number or letter ("1.", "2)", "(a)").
public enum PlainTextReader {
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        let (lines, warnings) = try TextDecoding.lines(of: bytes, path: path, limits: limits)
        let blocks = parse(lines)
        guard blocks.contains(where: { !$0.text.isEmpty }) else { throw DocumentError(path: path, reason: .noText) }
        return try TextPagination().document(path: path, format: .text, blocks: blocks, explicitPages: lines.hasFormFeeds,
                                             warnings: warnings, limits: limits)
    }

    static func parse(_ lines: SourceLines) -> [RawBlock] {
        var blocks: [RawBlock] = []
        var paragraph: [Substring] = []
        var paragraphLine = 0
        var pendingBreak = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            let kind: Block.Kind = paragraph.count == 1 ? (headingLevel(paragraph[0]).map { .heading(level: $0) } ?? .paragraph) : .paragraph
            let text = paragraph.map { $0.trimmingBlanks() }.joined(separator: "\n")
            blocks.append(RawBlock(kind: kind, text: text, line: paragraphLine, pageBreakBefore: pendingBreak))
            pendingBreak = false
            paragraph = []
        }
        let all = lines.textLines
        for (index, line) in all.enumerated() {
            if line.pageBreakBefore { flush(); pendingBreak = true }
            let trimmed = line.text.trimmingBlanks()
            if trimmed.isEmpty { flush(); continue }
            // A numbered line standing alone between blank lines ("8. RISK MANAGEMENT") is a heading, not a list.
            if paragraph.isEmpty, isAlone(index, in: all), listItem(line.text) != nil, let level = headingLevel(line.text) {
                blocks.append(RawBlock(kind: .heading(level: level), text: String(trimmed), line: line.number, pageBreakBefore: pendingBreak))
                pendingBreak = false
                continue
            }
            if let (level, item) = listItem(line.text) {
                flush()
                blocks.append(RawBlock(kind: .listItem(level: level), text: String(item), line: line.number, pageBreakBefore: pendingBreak))
                pendingBreak = false
                continue
            }
            if paragraph.isEmpty { paragraphLine = line.number }
            paragraph.append(line.text)
        }
        flush()
        return blocks
    }

    /// True when the lines before and after `index` are blank (or absent, or across a page break).
    static func isAlone(_ index: Int, in lines: [CharacterLine]) -> Bool {
        let before = index == 0 || lines[index - 1].text.trimmingBlanks().isEmpty || lines[index].pageBreakBefore
        let after = index + 1 >= lines.count || lines[index + 1].text.trimmingBlanks().isEmpty || lines[index + 1].pageBreakBefore
        return before && after
    }

    /// The heading level of a line standing alone, or nil when it reads as prose.
    static func headingLevel(_ line: Substring) -> Int? {
        let text = line.trimmingBlanks()
        guard !text.isEmpty, text.count <= 90 else { return nil }
        let words = text.split(separator: " ")
        guard words.count <= 12 else { return nil }
        if let last = text.last, ".,;!?".contains(last) { return nil }
        // "Signed on behalf of the partners:" introduces what follows; "Vision:" may head a section.
        if text.last == ":" && words.count > 3 { return nil }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard !letters.isEmpty else { return nil }
        if let first = words.first, let depth = sectionNumberDepth(first), words.count > 1 { return min(depth, 6) }
        if letters.allSatisfy({ !$0.properties.isLowercase }) && letters.count >= 3 { return 1 }
        if let first = text.unicodeScalars.first, first.properties.isUppercase, words.count <= 8 { return 2 }
        return nil
    }

    /// "3" → 1, "3.2" → 2, "3.2.1" → 3; nil when the word is not a section number.
    static func sectionNumberDepth(_ word: Substring) -> Int? {
        let trimmed = word.hasSuffix(".") ? word.dropLast() : word
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 6,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return parts.count
    }

    /// A bulleted or numbered line: its nesting level (from indentation) and its text.
    static func listItem(_ line: Substring) -> (Int, Substring)? {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        let body = line.dropFirst(indent)
        guard let marker = listMarkerLength(body) else { return nil }
        let text = body.dropFirst(marker).trimmingBlanks()
        guard !text.isEmpty else { return nil }
        return (min(indent / 2 + 1, 9), text)
    }

    static func listMarkerLength(_ body: Substring) -> Int? {
        guard let first = body.first else { return nil }
        if "-*•+–·▪".contains(first) {
            let rest = body.dropFirst()
            return rest.first == " " ? 2 : nil
        }
        var index = body.startIndex
        var length = 0
        if first == "(" { index = body.index(after: index); length = 1 }
        let labelStart = index
        while index < body.endIndex, body[index].isASCIIDigit || (body[index].isLetter && body[index].isLowercase), length < 5 {
            index = body.index(after: index)
            length += 1
        }
        let label = body[labelStart..<index]
        guard !label.isEmpty, label.count <= 3, label.allSatisfy(\.isASCIIDigit) || label.count == 1 || isRoman(label) else { return nil }
        guard index < body.endIndex, body[index] == "." || body[index] == ")" else { return nil }
        index = body.index(after: index)
        guard index < body.endIndex, body[index] == " " else { return nil }
        return length + 2
    }

    static func isRoman(_ label: Substring) -> Bool {
        label.allSatisfy { "ivxl".contains($0) }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> Substring {
        let s = self
        guard let start = s.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return s[s.endIndex...] }
        let end = s.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? start
        return s[start...end]
    }
}

extension String {
    func trimmingBlanks() -> Substring { self[...].trimmingBlanks() }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
