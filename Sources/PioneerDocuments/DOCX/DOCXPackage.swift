/// The parts of a .docx package the reader uses, each parsed with the safe XML parser.
struct DOCXPackage: Sendable {
    private var archive: ZipArchive
    private let limits: ReaderLimits
    /// The main document part ("word/document.xml" unless `_rels/.rels` says otherwise).
    let mainDocument: String

    init(bytes: [UInt8], limits: ReaderLimits) throws(ZipError) {
        archive = try ZipArchive(bytes: bytes, limits: limits)
        self.limits = limits
        mainDocument = "word/document.xml"
    }

    /// The paragraphs and page setup of the main document.
    mutating func body() throws(PackageError) -> WordBodyHandler {
        let main = try resolveMainDocument()
        guard let bytes = try part(main) else { throw .xml(.missingPart(main)) }
        return try parse(bytes, part: main, handler: WordBodyHandler(maxCharacters: limits.maxTextCharacters))
    }

    /// The paragraph styles, or none when the package has no styles part.
    mutating func styles() throws(PackageError) -> WordStyles {
        let name = sibling(of: try resolveMainDocument(), named: "styles.xml")
        guard let bytes = try part(name) else { return WordStyles() }
        return try parse(bytes, part: name, handler: WordStylesHandler()).styles
    }

    /// Paragraphs of the footnotes and endnotes by note ("footnote:3"), within what is left of the text budget.
    mutating func notes(budget: Int) throws(PackageError) -> [String: [WordParagraph]] {
        let main = try resolveMainDocument()
        var notes: [String: [WordParagraph]] = [:]
        var budget = budget
        for name in ["footnotes.xml", "endnotes.xml"].map({ sibling(of: main, named: $0) }) {
            guard let bytes = try part(name) else { continue }
            let handler = try parse(bytes, part: name, handler: WordBodyHandler(maxCharacters: budget))
            budget -= handler.characterCount
            for var paragraph in handler.paragraphs {
                guard let note = paragraph.note else { continue }
                paragraph.cell = nil
                notes[note, default: []].append(paragraph)
            }
        }
        return notes
    }

    /// `<Pages>` from `docProps/app.xml`, when present.
    mutating func appPages() throws(PackageError) -> Int? {
        guard let bytes = try part("docProps/app.xml") else { return nil }
        return try parse(bytes, part: "docProps/app.xml", handler: PackagePartsHandler()).pages
    }
}

/// A failure reading a part: in the ZIP container or in its XML.
enum PackageError: Error, Sendable, Hashable {
    case zip(ZipError)
    case xml(WordXMLError)

    var reason: DocumentError.Reason {
        switch self {
        case .zip(let error): return error.reason
        case .xml(let error): return error.reason
        }
    }
}

private extension DOCXPackage {
    mutating func part(_ name: String) throws(PackageError) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        do {
            return try archive.contents(of: entry)
        } catch {
            throw .zip(error)
        }
    }

    func parse<H: XMLEventHandler>(_ bytes: [UInt8], part: String, handler: H) throws(PackageError) -> H {
        do {
            return try WordXMLParser.parse(bytes, part: part, limits: limits, handler: handler)
        } catch {
            throw .xml(error)
        }
    }

    mutating func resolveMainDocument() throws(PackageError) -> String {
        if archive.entry(named: mainDocument) != nil { return mainDocument }
        guard let rels = try part("_rels/.rels") else { return mainDocument }
        return try parse(rels, part: "_rels/.rels", handler: PackagePartsHandler()).mainDocument ?? mainDocument
    }

    /// "word/document.xml", "styles.xml" → "word/styles.xml".
    func sibling(of part: String, named name: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return name }
        return String(part[...slash]) + name
    }
}
