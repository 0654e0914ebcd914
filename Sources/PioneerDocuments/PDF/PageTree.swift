/// One leaf of the page tree with the resources it inherits.
struct PageInfo {
    var dict: PDFDict
    var resources: PDFDict?
    /// The page area: the media box (what pdftotext uses by default; crop boxes are often
    /// narrower than the text a reader is meant to see).
    var box: Rect?
}

/// Page attributes a leaf inherits from its ancestors (§7.7.3.4).
private struct Inherited {
    var resources: PDFDict?
    var mediaBox: Rect?

    func updated(with dict: PDFDict, store: ObjectStore) throws(PDFError) -> Inherited {
        var next = self
        if let resources = try store.resolveDict(dict["Resources"]) { next.resources = resources }
        if let media = Rect(try store.resolve(dict["MediaBox"]).arrayValue ?? []) { next.mediaBox = media }
        return next
    }

    var visibleBox: Rect? { mediaBox.flatMap { $0.width > 0 && $0.height > 0 ? $0 : nil } }
}

/// The pages a page tree lists, and how many of its kids could not be read.
struct PageList {
    var pages: [PageInfo] = []
    /// Kids that name no readable object (a damaged or truncated file): each hid at least one page.
    var lost = 0
}

/// Walks the page tree (§7.7.3) to list the pages in order. `/Count` is not trusted: leaves are
/// counted, visited nodes are remembered (cycles), and depth is bounded.
enum PageTree {
    static func pages(catalog: PDFDict, store: ObjectStore) throws(PDFError) -> [PageInfo] {
        try walk(catalog: catalog, store: store).pages
    }

    /// The pages in order, counting the kids that could not be read.
    static func walk(catalog: PDFDict, store: ObjectStore) throws(PDFError) -> PageList {
        guard let rootObject = catalog["Pages"], try store.resolveDict(rootObject) != nil else { throw .noPages }
        var list = PageList()
        var visited: Set<Int> = []
        var stack: [(PDFObject, Inherited, Int)] = [(rootObject, Inherited(), 0)]
        while let (object, inherited, depth) = stack.popLast() {
            if let ref = object.refValue, !visited.insert(ref.num).inserted { continue }
            guard let dict = try store.resolveDict(object) else {
                list.lost += 1
                continue
            }
            let attributes = try inherited.updated(with: dict, store: store)
            let type = try store.resolve(dict["Type"]).nameValue
            let kids = try store.resolve(dict["Kids"]).arrayValue
            if type == "Pages" || (type != "Page" && kids != nil) {
                guard depth < store.limits.maxNesting, let kids else { continue }
                for kid in kids.reversed() { stack.append((kid, attributes, depth + 1)) }
            } else if type == "Page" || dict["Contents"] != nil || dict["MediaBox"] != nil {
                list.pages.append(PageInfo(dict: dict, resources: attributes.resources, box: attributes.visibleBox))
                if list.pages.count > store.limits.maxPages { throw .tooManyPages(store.limits.maxPages) }
            }
        }
        return list
    }

    /// The root's `/Count`, when it is a whole number no greater than `limit` (it is not trusted further).
    static func declaredCount(catalog: PDFDict, store: ObjectStore, limit: Int) -> Int? {
        guard let root = try? store.resolveDict(catalog["Pages"]), let count = try? store.resolve(root["Count"]).intValue,
              count >= 0, count <= limit else { return nil }
        return count
    }

    /// The decoded content of a page: its stream, or its streams joined by newlines.
    static func content(of page: PageInfo, store: ObjectStore) throws(PDFError) -> [UInt8] {
        var parts: [PDFObject] = []
        switch try store.resolve(page.dict["Contents"]) {
        case .array(let items): parts = items
        case .stream(let stream): parts = [.stream(stream)]
        default: return []
        }
        var data: [UInt8] = []
        for part in parts.prefix(10_000) {
            guard case .stream(let stream) = try store.resolve(part), let decoded = try store.decode(stream) else { continue }
            data.append(contentsOf: decoded)
            data.append(10)
        }
        return data
    }
}
