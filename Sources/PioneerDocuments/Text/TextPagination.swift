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
        // The page of each block first, then each page's blocks made at once.
        let pageOfBlock: [Int]
        let pageCount: PageCount
        if explicitPages {
            pageOfBlock = pagesByBreaks(blocks)
            let pages = max(pageOfBlock.last ?? 1, pageTotal(blocks: blocks))
            pageCount = PageCount(value: Double(pages), exact: true, source: .formFeeds)
        } else {
            let (estimated, pages) = pagesByModel(blocks)
            pageOfBlock = estimated
            pageCount = PageCount(value: pages, exact: false, source: .textEstimate)
        }
        let pageTotal = max(pageCount.wholePages, pageOfBlock.last ?? 1, 1)
        guard pageTotal <= limits.maxPages else {
            throw DocumentError(path: path, reason: .limitExceeded("more than \(limits.maxPages) pages (\(pageTotal) by the page model)"))
        }
        // Pages only ever advance from block to block: each page takes the next run of them.
        var pages: [Page] = []
        pages.reserveCapacity(pageTotal)
        var start = 0
        while start < blocks.count && pageOfBlock[start] < 1 { start += 1 }
        for number in 1...pageTotal {
            var end = start
            while end < blocks.count && pageOfBlock[end] == number { end += 1 }
            pages.append(Page(number: number, blocks: blocks[start..<end].map { Block(kind: $0.kind, text: $0.text, page: number, line: $0.line) }))
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

    /// The page of each block: one more after each form feed.
    func pagesByBreaks(_ blocks: [RawBlock]) -> [Int] {
        var page = 1
        return blocks.map { raw in
            if raw.pageBreakBefore { page += 1 }
            return page
        }
    }

    /// Flows the blocks down pages of `model.linesPerPage` lines; returns the page of each block and
    /// the estimated page count to one decimal place.
    func pagesByModel(_ blocks: [RawBlock]) -> ([Int], Double) {
        var pageOfBlock: [Int] = []
        pageOfBlock.reserveCapacity(blocks.count)
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
            for _ in index..<end { pageOfBlock.append(page) }
            used += height
            while used > model.linesPerPage {
                used -= model.linesPerPage
                page += 1
            }
            index = end
        }
        let pages = Double(page - 1) + used / model.linesPerPage
        return (pageOfBlock, max(0.1, (pages * 10).rounded(.up) / 10))
    }

    func tableRowHeight(_ cells: ArraySlice<RawBlock>) -> Double {
        let width = model.charactersPerLine / Double(max(cells.count, 1)) - 2
        let tallest = cells.map { model.lines(forCharacters: $0.counts.scalars, width: width) }.max() ?? 1
        return tallest + model.tableRowPadding
    }
}
