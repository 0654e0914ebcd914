/// A block as a text reader finds it, before pages are assigned.
struct RawBlock: Sendable {
    var kind: Block.Kind
    var text: String
    var line: Int
    /// A form feed came before this block: it starts a new page.
    var pageBreakBefore: Bool = false
}

/// Assigns pages to the blocks of a text document: exact pages when the text has form feeds,
/// otherwise pages estimated with the `PageModel`.
struct TextPagination {
    var model: PageModel = .a4Eleven

    /// Builds the document; `explicitPages` is true when the text had form feeds.
    func document(path: String, format: DocumentFormat, blocks: [RawBlock], explicitPages: Bool, warnings: [DocumentWarning],
                  limits: ReaderLimits) throws(DocumentError) -> Document {
        let placed: [Block]
        let pageCount: PageCount
        if explicitPages {
            placed = paginateByBreaks(blocks)
            let pages = max(placed.last?.page ?? 1, pageTotal(blocks: blocks))
            pageCount = PageCount(value: Double(pages), exact: true, source: .formFeeds)
        } else {
            let (estimated, pages) = paginateByModel(blocks)
            placed = estimated
            pageCount = PageCount(value: pages, exact: false, source: .textEstimate)
        }
        let pageTotal = max(pageCount.wholePages, placed.last?.page ?? 1, 1)
        guard pageTotal <= limits.maxPages else {
            throw DocumentError(path: path, reason: .limitExceeded("more than \(limits.maxPages) pages (\(pageTotal) by the page model)"))
        }
        var pages = (1...pageTotal).map { Page(number: $0, blocks: []) }
        for block in placed where block.page >= 1 && block.page <= pageTotal {
            pages[block.page - 1].blocks.append(block)
        }
        let words = placed.reduce(0) { $0 + Self.wordCount($1.text) }
        return Document(path: path, format: format, pages: pages, pageCount: pageCount, wordCount: words, warnings: warnings)
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if space { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}

private extension TextPagination {
    func pageTotal(blocks: [RawBlock]) -> Int {
        1 + blocks.filter(\.pageBreakBefore).count
    }

    func paginateByBreaks(_ blocks: [RawBlock]) -> [Block] {
        var page = 1
        return blocks.map { raw in
            if raw.pageBreakBefore { page += 1 }
            return Block(kind: raw.kind, text: raw.text, page: page, line: raw.line)
        }
    }

    /// Flows the blocks down pages of `model.linesPerPage` lines; returns the placed blocks and the
    /// estimated page count to one decimal place.
    func paginateByModel(_ blocks: [RawBlock]) -> ([Block], Double) {
        var placed: [Block] = []
        placed.reserveCapacity(blocks.count)
        var page = 1
        var used = 0.0
        var index = 0
        while index < blocks.count {
            var end = index + 1
            var height: Double
            if case .tableCell(let row, _) = blocks[index].kind {
                while end < blocks.count, case .tableCell(let nextRow, _) = blocks[end].kind, nextRow == row { end += 1 }
                height = tableRowHeight(blocks[index..<end])
            } else {
                height = model.height(of: blocks[index].kind, characters: blocks[index].text.unicodeScalars.count)
            }
            let keepWithNext: Double
            if case .heading = blocks[index].kind { keepWithNext = 2 } else { keepWithNext = 0 }
            if used > 0 && used + min(height, 2) + keepWithNext > model.linesPerPage {
                page += 1
                used = 0
            }
            for raw in blocks[index..<end] {
                placed.append(Block(kind: raw.kind, text: raw.text, page: page, line: raw.line))
            }
            used += height
            while used > model.linesPerPage {
                used -= model.linesPerPage
                page += 1
            }
            index = end
        }
        let pages = Double(page - 1) + used / model.linesPerPage
        return (placed, max(0.1, (pages * 10).rounded(.up) / 10))
    }

    func tableRowHeight(_ cells: ArraySlice<RawBlock>) -> Double {
        let width = model.charactersPerLine / Double(max(cells.count, 1)) - 2
        let tallest = cells.map { model.lines(forCharacters: $0.text.unicodeScalars.count, width: width) }.max() ?? 1
        return tallest + model.tableRowPadding
    }
}
