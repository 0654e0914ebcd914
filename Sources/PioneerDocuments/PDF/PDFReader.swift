/// Reads PDF files: cross-reference data (with recovery), the page tree, and each page's text
/// laid out into blocks. No third-party code; every structure the file controls is bounded.
public enum PDFReader {
    /// Reads `bytes` as a PDF; `path` names the file in errors and in the result.
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        do {
            return try readDocument(bytes: bytes, path: path, limits: limits)
        } catch {
            switch error {
            case .encrypted(let pages): throw DocumentError(path: path, reason: .encrypted(pages: pages))
            case _ where error.isLimit: throw DocumentError(path: path, reason: .limitExceeded(error.message))
            default: throw DocumentError(path: path, reason: .malformed(error.message))
            }
        }
    }
}

private extension PDFReader {
    static let header = Array("%PDF-".utf8)

    static func readDocument(bytes: [UInt8], path: String, limits: ReaderLimits) throws(PDFError) -> Document {
        guard IndirectObjectReader.find(header, in: bytes, from: 0, to: min(bytes.count, 1024)) != nil else { throw .notPDF }
        let store = ObjectStore(bytes: bytes, limits: limits)
        let catalog = try openCatalog(store)
        let pages: [PageInfo]
        if store.trailer["Encrypt"] != nil, store.decryptor == nil {
            let count = try? PageTree.pages(catalog: catalog, store: store).count
            throw .encrypted(pages: count.flatMap { $0 > 0 ? $0 : nil })
        }
        let tree = try PageTree.walk(catalog: catalog, store: store)
        pages = tree.pages
        guard !pages.isEmpty else { throw .noPages }
        var pageLines: [[TextLine]] = []
        var damaged: [Int] = []
        for (index, info) in pages.enumerated() {
            let read = try lines(of: info, store: store)
            pageLines.append(read.lines)
            if read.damaged { damaged.append(index + 1) }
        }
        let sizes = TextLayout.Sizes(pages: pageLines)
        var documentPages: [Page] = []
        var wordCount = 0
        for (index, lines) in pageLines.enumerated() {
            let blocks = TextLayout.blocks(from: lines, page: index + 1, sizes: sizes)
            for block in blocks { wordCount += countWords(block.text) }
            documentPages.append(Page(number: index + 1, blocks: blocks, hasText: !blocks.isEmpty))
        }
        var list = warnings(documentPages)
        if !damaged.isEmpty { list.append(damagedContentWarning(damaged)) }
        var count = PageCount(value: Double(pages.count), exact: true, source: .pdfPageTree)
        if tree.lost > 0 {
            // Pages the tree hides from us still count against the limit: at least one per lost kid,
            // or the root's /Count when that is more.
            let declared = PageTree.declaredCount(catalog: catalog, store: store, limit: store.limits.maxPages) ?? 0
            let least = max(pages.count + tree.lost, declared)
            count = PageCount(value: Double(least), exact: false, source: .pdfPageTree)
            list.append(missingPagesWarning(read: pages.count, least: least, lost: tree.lost))
        }
        return Document(path: path, format: .pdf, pages: documentPages, pageCount: count, wordCount: wordCount, warnings: list)
    }

    /// Loads the cross-reference data (recovering it when broken), sets up decryption and returns the catalog.
    static func openCatalog(_ store: ObjectStore) throws(PDFError) -> PDFDict {
        if let table = try XRefLoader(store: store).load() {
            store.entries = table.entries
            store.trailer = table.trailer
        }
        try setUpDecryption(store)
        if let catalog = try store.resolveDict(store.trailer["Root"]), catalog["Pages"] != nil { return catalog }
        guard let recovered = try store.recoveredTable() else { throw .noCatalog }
        store.entries.merge(recovered.entries) { _, new in new }
        if recovered.trailer["Root"] != nil { store.trailer = recovered.trailer }
        try setUpDecryption(store)
        guard let catalog = try store.resolveDict(store.trailer["Root"]), catalog["Pages"] != nil else { throw .noCatalog }
        return catalog
    }

    static func setUpDecryption(_ store: ObjectStore) throws(PDFError) {
        guard store.decryptor == nil, let encrypt = try store.resolveDict(store.trailer["Encrypt"]) else { return }
        store.decryptor = try Decryptor.emptyPassword(encrypt: encrypt, trailer: store.trailer, store: store)
    }

    /// The text lines of a page, its content stream and its annotations; a broken stream keeps what came
    /// before the fault, and the page is reported `damaged`.
    static func lines(of info: PageInfo, store: ObjectStore) throws(PDFError) -> (lines: [TextLine], damaged: Bool) {
        var interpreter = ContentStream(store: store)
        var damaged = false
        let damagedBefore = store.damagedStreams
        do {
            let data = try PageTree.content(of: info, store: store)
            try interpreter.run(data, resources: info.resources)
            try interpreter.runAnnotations(of: info.dict)
        } catch {
            if error.isLimit { throw error }
            damaged = true
        }
        if store.damagedStreams > damagedBefore { damaged = true }
        // Text placed outside the visible page area is not shown by any viewer.
        guard let box = info.box else { return (TextLayout.lines(from: interpreter.runs), damaged) }
        let isVisible = { (run: TextRun) in run.x >= box.x0 - 2 && run.x <= box.x1 + 2 && run.y >= box.y0 - 2 && run.y <= box.y1 + 2 }
        let runs = interpreter.runs
        return (TextLayout.lines(from: runs.allSatisfy(isVisible) ? runs : runs.filter(isVisible)), damaged)
    }

    static func countWords(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(countWords) ?? countWords(Array(text.utf8))
    }

    /// Runs of bytes other than space, tab, CR and LF.
    static func countWords<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 32 || byte == 10 || byte == 9 || byte == 13
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    static func warnings(_ pages: [Page]) -> [DocumentWarning] {
        let empty = pages.filter { !$0.hasText }.map(\.number)
        guard !empty.isEmpty else { return [] }
        let verb = empty.count == 1 ? "page \(pageList(empty)) has" : "pages \(pageList(empty)) have"
        return [DocumentWarning(code: "no-text-pages", message: "\(verb) no extractable text (scanned images?)")]
    }

    /// Pages whose content could not be read to its end.
    static func damagedContentWarning(_ pages: [Int]) -> DocumentWarning {
        let which = pages.count == 1 ? "page \(pageList(pages))" : "pages \(pageList(pages))"
        return DocumentWarning(code: "damaged-content", message: "the text of \(which) could not be read in full (damaged content)")
    }

    /// Kids of the page tree that could not be read: the page count is a lower bound.
    static func missingPagesWarning(read: Int, least: Int, lost: Int) -> DocumentWarning {
        let pages = read == 1 ? "1 page" : "\(read) pages"
        return DocumentWarning(code: "missing-pages",
                               message: "only \(pages) of at least \(least) could be read (damaged page tree); the page limit is judged on \(least)")
    }

    /// Page numbers for a message: the first 30, then how many more.
    static func pageList(_ numbers: [Int]) -> String {
        var list = numbers.prefix(30).map(String.init).joined(separator: ", ")
        if numbers.count > 30 { list += " and \(numbers.count - 30) more" }
        return list
    }
}
