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

/// The Unicode scalars of a text, for the page model, and its words: runs of bytes other than
/// space, tab, line feed, carriage return and form feed.
struct TextCounts: Sendable, Hashable {
    var scalars = 0
    var words = 0

    init(_ text: String) {
        if let counts = text.utf8.withContiguousStorageIfAvailable(TextCounts.init) {
            self = counts
        } else {
            self = Array(text.utf8).withUnsafeBufferPointer(TextCounts.init)
        }
    }

    /// Counts sixteen bytes at a time (`BytePairs`), then eight: scalars are the bytes that do not
    /// continue a UTF-8 sequence (10xxxxxx); a word starts at a byte that is not a space after one
    /// that is (or at the start). Each byte lane of the lane counters counts up to 255 words of the
    /// text before being added up (cheaper than counting bits one word at a time).
    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        self = Self.counts(utf8, refusingMarkup: false) ?? TextCounts(scalars: 0, words: 0)
    }

    /// The counts of bytes that hold no inline markup, found in the same pass as `InlineMarkdown.firstMarkup`
    /// would look for markup (the text is then a block's text as it is); nil when there may be some.
    init?(unlessMarkup utf8: UnsafeBufferPointer<UInt8>) {
        guard let counts = Self.counts(utf8, refusingMarkup: true) else { return nil }
        self = counts
    }

    private init(scalars: Int, words: Int) {
        self.scalars = scalars
        self.words = words
    }

    /// The counts of `utf8`; with `refusingMarkup`, nil as soon as a byte `InlineMarkdown.firstMarkup`
    /// looks for turns up. Inlined into both initialisers, so each loop tests only what it needs.
    @inline(__always)
    private static func counts(_ utf8: UnsafeBufferPointer<UInt8>, refusingMarkup: Bool) -> TextCounts? {
        let count = utf8.count
        var continuations = 0, words = 0
        var spaceBefore: UInt64 = 0x80  // the high bit of the byte before the next one: the text starts after a space
        var index = 0
        if let base = utf8.baseAddress.map(UnsafeRawPointer.init) {
            typealias Pair = BytePairs.Pair
            while count &- index >= 16 {
                var laneContinuations = Pair(), laneWords = Pair()
                let stop = index &+ min(count &- index, 16 &* 255)
                repeat {
                    let pair = BytePairs.load(base, index)
                    index &+= 16
                    // Markup as `InlineMarkdown.firstMarkup` looks for it; tab, line feed, form feed and carriage return are below 0x0E.
                    if refusingMarkup {
                        let marks = (BytePairs.less(pair, than: 0x61) & ~BytePairs.less(pair, than: 0x5B))
                            | BytePairs.equal(pair, 0x21) | BytePairs.equal(pair, 0x2A) | BytePairs.equal(pair, 0x3C)
                        if BytePairs.any(marks) { return nil }
                    }
                    var spaces = BytePairs.equal(pair, 0x20)
                    if BytePairs.any(BytePairs.less(pair, than: 0x0E)) {
                        spaces |= BytePairs.equal(pair, 0x09) | BytePairs.equal(pair, 0x0A) | BytePairs.equal(pair, 0x0D)
                            | BytePairs.equal(pair, 0x0C)
                    }
                    laneContinuations &+= (pair & ~(pair &<< 1) & Pair(repeating: ByteWords.highs)) &>> 7
                    // The bytes after a space: the first word's follow `spaceBefore`, the second's the first word's last byte.
                    let before = Pair(spaceBefore, spaces[0] &>> 56)
                    laneWords &+= ((spaces &<< 8 | before) & ~spaces) &>> 7
                    spaceBefore = spaces[1] &>> 56
                } while stop &- index >= 16
                continuations &+= sumOfLanes(laneContinuations[0]) &+ sumOfLanes(laneContinuations[1])
                words &+= sumOfLanes(laneWords[0]) &+ sumOfLanes(laneWords[1])
            }
            if count &- index >= 8 {
                let word = ByteWords.load(base, index)
                index &+= 8
                if refusingMarkup {
                    let marks = (ByteWords.less(word, than: 0x61) & ~ByteWords.less(word, than: 0x5B))
                        | ByteWords.equal(word, 0x21) | ByteWords.equal(word, 0x2A) | ByteWords.equal(word, 0x3C)
                    if marks != 0 { return nil }
                }
                continuations &+= sumOfLanes((word & ~(word << 1) & ByteWords.highs) >> 7)
                var spaces = ByteWords.equal(word, 0x20)
                if ByteWords.less(word, than: 0x0E) != 0 {
                    spaces |= ByteWords.equal(word, 0x09) | ByteWords.equal(word, 0x0A) | ByteWords.equal(word, 0x0D) | ByteWords.equal(word, 0x0C)
                }
                words &+= sumOfLanes(((spaces << 8 | spaceBefore) & ~spaces) >> 7)
                spaceBefore = spaces >> 56
            }
        }
        var inWord = spaceBefore == 0
        while index < count {
            let byte = utf8[index]
            index &+= 1
            if refusingMarkup {
                switch byte {
                case 0x21, 0x2A, 0x3C, 0x5B...0x60: return nil
                default: break
                }
            }
            continuations &+= byte & 0xC0 == 0x80 ? 1 : 0
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            words &+= !space && !inWord ? 1 : 0
            inWord = !space
        }
        return TextCounts(scalars: count &- continuations, words: words)
    }

    /// The sum of the eight byte lanes of `lanes`.
    static func sumOfLanes(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
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
