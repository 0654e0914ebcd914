/// A block as a text reader finds it, before pages are assigned.
struct RawBlock: Sendable {
    let kind: Block.Kind
    let text: String
    let line: Int
    /// A form feed came before this block: it starts a new page.
    let pageBreakBefore: Bool
    /// The Unicode scalars and the words of `text` (`TextCounts`).
    let counts: TextCounts

    init(kind: Block.Kind, text: String, line: Int, pageBreakBefore: Bool = false) {
        self.kind = kind
        self.text = text
        self.line = line
        self.pageBreakBefore = pageBreakBefore
        counts = TextCounts(text)
    }

    /// A block whose `counts` are already known (counted on the bytes `text` was made from).
    init(kind: Block.Kind, text: String, counts: TextCounts, line: Int, pageBreakBefore: Bool) {
        self.kind = kind
        self.text = text
        self.line = line
        self.pageBreakBefore = pageBreakBefore
        self.counts = counts
    }
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
        // Pages only ever advance as blocks are placed: each page takes the next run of them, copied at once.
        var pages: [Page] = []
        pages.reserveCapacity(pageTotal)
        var start = 0
        while start < placed.count && placed[start].page < 1 { start += 1 }
        for number in 1...pageTotal {
            var end = start
            while end < placed.count && placed[end].page == number { end += 1 }
            pages.append(Page(number: number, blocks: Array(placed[start..<end])))
            start = end
        }
        let words = blocks.reduce(0) { $0 + $1.counts.words }
        return Document(path: path, format: format, pages: pages, pageCount: pageCount, wordCount: words, warnings: warnings)
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
                height = model.height(of: blocks[index].kind, characters: blocks[index].counts.scalars)
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
        let tallest = cells.map { model.lines(forCharacters: $0.counts.scalars, width: width) }.max() ?? 1
        return tallest + model.tableRowPadding
    }
}
