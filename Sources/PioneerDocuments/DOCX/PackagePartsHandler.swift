/// Reads the little the reader needs from the package's small parts: the main document's name from
/// `_rels/.rels` and the page count Word saved in `docProps/app.xml`.
struct PackagePartsHandler: XMLEventHandler {
    /// Target of the `officeDocument` relationship, without a leading "/".
    var mainDocument: String?
    /// `<Pages>` of the extended properties.
    var pages: Int?
    var failure: WordXMLError?
    private var inPages = false
    private var pagesText = ""

    mutating func start(_ name: XMLName, attributes: [String: String]) {
        switch name.local {
        case "Relationship":
            if let type = attributes["Type"], type.hasSuffix("/officeDocument"), let target = attributes["Target"], mainDocument == nil {
                mainDocument = target.hasPrefix("/") ? String(target.dropFirst()) : target
            }
        case "Pages":
            inPages = true
            pagesText = ""
        default: break
        }
    }

    mutating func end(_ name: XMLName) {
        guard name.local == "Pages", inPages else { return }
        inPages = false
        pages = Int(pagesText.trimmingPrefix(" ").prefix(9))
    }

    mutating func characters(_ text: String) {
        if inPages, pagesText.count < 32 { pagesText += text }
    }
}
