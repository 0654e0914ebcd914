/// Where paragraphs fall on pages, worked out two ways: from the page breaks Word recorded at its last
/// render (`w:lastRenderedPageBreak`), and from an estimate of the layout.
///
/// The estimate's page model: the text area of the last section's page size and margins; a line is
/// `lineHeightFactor` × the font size (times `w:spacing w:line` / 240 for auto spacing); a line holds
/// text width / (`characterWidthFactor` × font size) characters; paragraphs add their spacing before and
/// after; a table row is as tall as its tallest cell; explicit page breaks start a new page.
struct WordPageLayout: Sendable {
    /// Average character width as a fraction of the font size (proportional fonts).
    static let characterWidthFactor = 0.5
    /// Line height as a multiple of the font size.
    static let lineHeightFactor = 1.17

    /// For each paragraph, where it starts, in pages from the top of the document (2.5 = halfway down page 3).
    var starts: [Double]
    /// Estimated length in pages.
    var pages: Double

    /// Estimates the layout of `paragraphs`.
    init(paragraphs: [WordParagraph], styles: WordStyles, setup: PageSetup) {
        var flow = Flow(textHeight: Double(setup.textHeight))
        var starts = [Double](repeating: 0, count: paragraphs.count)
        var index = 0
        while index < paragraphs.count {
            guard let rowKey = paragraphs[index].cell?.outerRowKey else {
                let paragraph = paragraphs[index]
                let metrics = Self.metrics(paragraph, styles: styles, width: Double(setup.textWidth))
                let breaksBefore = paragraph.hardBreaksBefore + (styles.pageBreakBefore(paragraph.properties) && !paragraph.inTextBox ? 1 : 0)
                starts[index] = flow.place(height: paragraph.inTextBox ? 0 : metrics.height, firstLine: metrics.firstLine,
                                           breaksBefore: breaksBefore, breaksAfter: paragraph.hardBreaksAfter)
                index += 1
                continue
            }
            var end = index
            while end < paragraphs.count, paragraphs[end].cell?.outerRowKey == rowKey { end += 1 }
            let row = Self.rowHeight(paragraphs[index..<end], styles: styles, textWidth: Double(setup.textWidth))
            let start = flow.place(height: row.height, firstLine: row.firstLine, breaksBefore: paragraphs[index].hardBreaksBefore, breaksAfter: 0)
            for member in index..<end { starts[member] = start }
            index = end
        }
        self.starts = starts
        pages = max(flow.position, 0.01)
    }

    /// Pages from the rendered page breaks, or `nil` when the document records none.
    /// A table row's cells each record the break, so a row counts its cells' breaks once.
    static func renderedPages(_ paragraphs: [WordParagraph]) -> (pages: [Int], count: Int)? {
        guard paragraphs.contains(where: { $0.renderedBreaksBefore + $0.renderedBreaksAfter > 0 }) else { return nil }
        var pages = [Int](repeating: 1, count: paragraphs.count)
        var page = 1
        var index = 0
        while index < paragraphs.count {
            guard let rowKey = paragraphs[index].cell?.outerRowKey else {
                page += paragraphs[index].renderedBreaksBefore
                pages[index] = page
                page += paragraphs[index].renderedBreaksAfter
                index += 1
                continue
            }
            var cellPages: [Int: Int] = [:]
            var rowEnd = page
            while index < paragraphs.count, let cell = paragraphs[index].cell, cell.outerRowKey == rowKey {
                var cellPage = cellPages[cell.outerCellKey] ?? page
                cellPage += paragraphs[index].renderedBreaksBefore
                pages[index] = cellPage
                cellPage += paragraphs[index].renderedBreaksAfter
                cellPages[cell.outerCellKey] = cellPage
                rowEnd = max(rowEnd, cellPage)
                index += 1
            }
            page = rowEnd
        }
        return (pages, page)
    }
}

private extension WordPageLayout {
    struct Metrics {
        var height: Double
        var firstLine: Double
    }

    /// A running position on the pages: whole pages passed and the height used on the current one.
    struct Flow {
        let textHeight: Double
        var page = 0
        var used = 0.0

        var position: Double { Double(page) + used / textHeight }

        /// Places a block and returns where it starts.
        mutating func place(height: Double, firstLine: Double, breaksBefore: Int, breaksAfter: Int) -> Double {
            if breaksBefore > 0 {
                page += used > 0 ? breaksBefore : breaksBefore - 1
                used = 0
            }
            if used > 0, used + firstLine > textHeight {
                page += 1
                used = 0
            }
            let start = position
            used += height
            if used > textHeight {
                let overflow = (used / textHeight).rounded(.down)
                page += Int(min(overflow, 1_000_000))
                used -= overflow * textHeight
            }
            if breaksAfter > 0 {
                page += breaksAfter
                used = 0
            }
            return start
        }
    }

    static func metrics(_ paragraph: WordParagraph, styles: WordStyles, width: Double) -> Metrics {
        let size = Double(paragraph.runFontSize ?? styles.fontSize(paragraph.properties)) / 2
        let spacing = styles.spacing(paragraph.properties)
        let natural = size * 20 * lineHeightFactor
        let lineHeight: Double
        if spacing.lineIsAuto ?? true {
            lineHeight = natural * Double(spacing.line ?? 240) / 240
        } else {
            lineHeight = max(natural, Double(spacing.line ?? 240))
        }
        let perLine = max(1, width / (size * 20 * characterWidthFactor))
        var lines = 0.0
        for segment in paragraph.text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += max(1, (Double(segment.count) / perLine).rounded(.up))
        }
        let textLines = paragraph.pictureHeight > 0 && !paragraph.hasText ? 0 : max(lines, 1)
        let height = textLines * lineHeight + Double(paragraph.pictureHeight) + Double(spacing.before ?? 0) + Double(spacing.after ?? 0)
        return Metrics(height: height, firstLine: lineHeight)
    }

    /// A row is as tall as its tallest cell; a cell is its paragraphs stacked, in its width less the cell margins.
    static func rowHeight(_ members: ArraySlice<WordParagraph>, styles: WordStyles, textWidth: Double) -> Metrics {
        var heights: [Int: Double] = [:]
        var firstLine = 0.0
        let cellCount = Double(Set(members.compactMap { $0.cell?.outerCellKey }).count)
        for paragraph in members {
            guard let cell = paragraph.cell else { continue }
            let width = cell.width.map(Double.init) ?? textWidth / max(cellCount, 1)
            let metrics = metrics(paragraph, styles: styles, width: max(width - 216, 360))
            heights[cell.outerCellKey, default: 0] += paragraph.inTextBox ? 0 : metrics.height
            firstLine = max(firstLine, metrics.firstLine)
        }
        return Metrics(height: heights.values.max() ?? 0, firstLine: firstLine)
    }
}
