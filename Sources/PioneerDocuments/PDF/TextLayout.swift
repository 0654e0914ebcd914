/// Turns a page's text lines into blocks: headings (larger than the body size), list items
/// (leading bullet or number), table cells (aligned columns) and paragraphs.
enum TextLayout {
    /// The document's body text size and its heading sizes, largest first (level 1).
    struct Sizes {
        var body: Double
        var headings: [Double]

        /// Measured over every line of every page, so heading levels agree across pages.
        init(pages: [[TextLine]]) {
            body = TextLayout.bodySize(pages)
            let threshold = body * 1.15
            // Sorted, then repeats dropped (no `Set<Double>`: see `heaviest`).
            var sizes: [Double] = []
            for page in pages {
                for line in page where line.fontSize >= threshold { sizes.append(line.fontSize) }
            }
            sizes.sort(by: >)
            headings = []
            for size in sizes where headings.last != size { headings.append(size) }
        }
    }

    /// The lines of one page's runs.
    static func lines(from runs: [TextRun]) -> [TextLine] {
        TextLine.lines(from: runs).filter { !$0.segments.isEmpty }
    }

    /// The blocks of one page's lines.
    static func blocks(from lines: [TextLine], page: Int, sizes: Sizes) -> [Block] {
        var blocks: [Block] = []
        var previous: TextLine?
        var tableRow = 0
        var blockX = 0.0
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let isTableLine = line.segments.count >= 2 && (isTabular(lines, index - 1) || isTabular(lines, index + 1))
            if isTableLine {
                tableRow = previous.map { isTabularLine($0) } == true && tableRow > 0 ? tableRow + 1 : 1
                for (column, segment) in line.segments.enumerated() {
                    blocks.append(Block(kind: .tableCell(row: tableRow, column: column + 1), text: segment.text, page: page, line: number))
                }
                previous = line
                continue
            }
            tableRow = 0
            let text = line.text
            var kind = classify(line, text: text, headingSizes: sizes.headings)
            if case .listItem = kind, let prev = previous, let blockKind = blocks.last?.kind,
               isWrappedMarker(text, after: prev.text), continues(blockKind, .paragraph, prev, line, blockX: blockX) {
                kind = .paragraph
            }
            if let prev = previous, let blockKind = blocks.last?.kind, continues(blockKind, kind, prev, line, blockX: blockX) {
                join(&blocks[blocks.count - 1].text, text)
            } else {
                blocks.append(Block(kind: kind, text: text, page: page, line: number))
                blockX = line.x
            }
            previous = line
        }
        return blocks
    }
}

extension TextLayout {
    /// The font size carrying the most text.
    static func bodySize(_ pages: [[TextLine]]) -> Double {
        var weights: [(key: Double, weight: Int)] = []
        for page in pages {
            for line in page { weights.append((line.fontSize, TextMeasure.characters(line.text))) }
        }
        return heaviest(weights, preferLarger: false) ?? 10
    }

    /// The key whose pairs weigh most in all; on a tie the larger key when `preferLarger`, else the
    /// smaller; nil for no pairs. Equal keys are brought together by sorting rather than summed in a
    /// `Dictionary<Double, Int>`: `Double` is then never a hash key, whose first use costs a scan of the
    /// runtime's conformance tables at start-up.
    static func heaviest(_ pairs: [(key: Double, weight: Int)], preferLarger: Bool) -> Double? {
        let sorted = pairs.sorted { $0.key < $1.key }
        var best: (key: Double, weight: Int)?
        var index = 0
        while index < sorted.count {
            let key = sorted[index].key
            var weight = 0
            repeat {
                weight += sorted[index].weight
                index += 1
            } while index < sorted.count && sorted[index].key == key
            if let current = best,
               weight < current.weight || (weight == current.weight && (preferLarger ? key < current.key : key > current.key)) {
                continue
            }
            best = (key, weight)
        }
        return best?.key
    }
}

private extension TextLayout {
    /// heading (a heading size, under 200 characters) | list item (leading marker) | paragraph
    static func classify(_ line: TextLine, text: String, headingSizes: [Double]) -> Block.Kind {
        if let rank = headingSizes.firstIndex(of: line.fontSize), text.count < 200 { return .heading(level: min(rank + 1, 6)) }
        return isListStart(text) ? .listItem(level: 1) : .paragraph
    }

    /// Appends a newline and `next` to `text` in place, except that a word hyphenated across the
    /// break is rejoined ("coordi-" + "nation" → "coordination"), as pdftotext does.
    static func join(_ text: inout String, _ next: String) {
        if endsWithHyphenatedWord(text), let first = next.unicodeScalars.first, first.properties.isLowercase {
            text.removeLast()
        } else {
            text += "\n"
        }
        text += next
    }

    /// A lowercase letter then `-` at the end of `text`.
    static func endsWithHyphenatedWord(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.last == "-" else { return false }
        let hyphen = scalars.index(before: scalars.endIndex)
        guard hyphen > scalars.startIndex else { return false }
        return scalars[scalars.index(before: hyphen)].properties.isLowercase
    }

    static func isTabularLine(_ line: TextLine) -> Bool { line.segments.count >= 2 }

    static func isTabular(_ lines: [TextLine], _ index: Int) -> Bool {
        guard index >= 0, index < lines.count else { return false }
        return lines[index].segments.count >= 2
    }

    /// Whether `line` (of `kind`) continues the block that ended with `prev`.
    static func continues(_ blockKind: Block.Kind, _ kind: Block.Kind, _ prev: TextLine, _ line: TextLine, blockX: Double) -> Bool {
        let gap = prev.y - line.y
        let size = max(prev.fontSize, line.fontSize, 1)
        guard gap > 0, gap <= 1.5 * size, abs(prev.fontSize - line.fontSize) <= 0.1 * size else { return false }
        switch (blockKind, kind) {
        case (.paragraph, .paragraph): return line.x <= prev.x + size
        case (.listItem, .paragraph): return line.x > blockX + 0.5 * size
        case (.heading(let a), .heading(let b)): return a == b
        default: return false
        }
    }

    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2022, 0x25E6, 0x25AA, 0x25CF, 0x2013, 0x2D, 0x2A, 0xB7, 0x25A0, 0x25BA, 0x27A2, 0x2043, 0xF0B7, 0xF0A7, 0xF0D8: return true
        default: return false
        }
    }

    /// Whether a line that opens with a number or letter marker (`2C) and …`, `3. …`) is rather the
    /// wrapped rest of a sentence: the line before ends mid-clause (no `.` `:` `;` `!` `?` at its end).
    /// A bullet always starts an item.
    static func isWrappedMarker(_ text: String, after previous: String) -> Bool {
        guard let first = text.unicodeScalars.first, !isBullet(first),
              let last = previous.unicodeScalars.last(where: { $0 != " " }) else { return false }
        return !".:;!?".unicodeScalars.contains(last)
    }

    /// A cheap necessary condition for `isListStart`: a non-ASCII first character (a bullet?), `-`
    /// or `*`, or else a `.` or `)` within the first 8 characters, hence within the first 32 bytes.
    static func mayBeListStart(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first else { return false }
            if first >= 0x80 || first == UInt8(ascii: "-") || first == UInt8(ascii: "*") { return true }
            return bytes.prefix(32).contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ")") }
        } ?? true
    }

    /// A leading bullet, or `1.` `1)` `a)` `(iv)` followed by a space.
    static func isListStart(_ text: String) -> Bool {
        guard mayBeListStart(text), let first = text.unicodeScalars.first else { return false }
        if isBullet(first) { return text.unicodeScalars.dropFirst().first != nil }
        let scalars = Array(text.unicodeScalars.prefix(8))
        var i = 0
        if scalars[0] == "(" { i = 1 }
        let start = i
        while i < scalars.count, TextMeasure.isAlphabetic(scalars[i]) || ("0"..."9").contains(scalars[i]) { i += 1 }
        let marker = i - start
        guard marker >= 1, i + 1 < scalars.count, scalars[i] == "." || scalars[i] == ")", scalars[i + 1] == " " else { return false }
        let digits = scalars[start..<i].allSatisfy { ("0"..."9").contains($0) }
        return digits ? marker <= 3 : marker <= 2 || scalars[start..<i].allSatisfy { "ivxIVX".unicodeScalars.contains($0) }
    }
}
