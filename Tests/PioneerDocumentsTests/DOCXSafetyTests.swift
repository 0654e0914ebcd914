import Testing
@testable import PioneerDocuments

@Suite("DOCX safety")
struct DOCXSafetyTests {
    static func reason(_ bytes: [UInt8], limits: ReaderLimits = .default) -> DocumentError.Reason? {
        do {
            _ = try DOCXBuilder.read(bytes, limits: limits)
            return nil
        } catch {
            return error.reason
        }
    }

    static func document(prolog: String, body: String) -> String {
        "<?xml version=\"1.0\"?>\(prolog)<w:document \(DOCXBuilder.namespaces)><w:body>\(body)</w:body></w:document>"
    }

    @Test("a text node longer than the XML parser reads is named as such, not as bad XML")
    func nodeTooLong() {
        let long = String(repeating: "care ", count: WordXMLParser.maximumNode / 5 + 1)
        let bytes = DOCXBuilder.package(documentXML: Self.document(prolog: "", body: DOCXBuilder.paragraph(long)))
        #expect(Self.reason(bytes) == .limitExceeded(
            "'word/document.xml' has a text node or tag of more than 10000000 bytes, more than the XML parser reads"))
    }

    @Test("an element with more attributes than Word writes is refused before parsing")
    func tooManyAttributes() {
        let attributes = (0...WordXMLParser.maximumAttributes).map { "a\($0)=\"v\"" }.joined(separator: " ")
        let body = "<w:p \(attributes)><w:r><w:t>care</w:t></w:r></w:p>"
        let bytes = DOCXBuilder.package(documentXML: Self.document(prolog: "", body: body))
        #expect(Self.reason(bytes) == .limitExceeded("'word/document.xml' has an element with more than 1000 attributes"))
        #expect(WordXMLParser.mostAttributes(Array("<a x=\"1=2\" y='=' z=\"3\">t=u</a><b c=\"d\"/>".utf8)) == 3)
        #expect(WordXMLParser.mostAttributes(Array("no tags = here".utf8)) == 0)
    }

    @Test("the longest node is measured between angle brackets")
    func longestNode() {
        #expect(WordXMLParser.longestNode(Array("".utf8)) == 0)
        #expect(WordXMLParser.longestNode(Array("<a>hello</a>".utf8)) == 5)
        #expect(WordXMLParser.longestNode(Array("<a>hi</a>tail end".utf8)) == 8)
        #expect(WordXMLParser.longestNode(Array("<a very-long-attribute=\"1\">x</a>".utf8)) == 25)
    }

    @Test("an entity bomb is refused before parsing")
    func entityBomb() {
        let prolog = "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        let bytes = DOCXBuilder.package(documentXML: Self.document(prolog: prolog, body: DOCXBuilder.paragraph("&c;")))
        #expect(Self.reason(bytes) == .limitExceeded("'word/document.xml' declares XML entities (entity expansion and external entities are refused)"))
    }

    @Test("an external entity is never read")
    func externalEntity() {
        let prolog = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        let bytes = DOCXBuilder.package(documentXML: Self.document(prolog: prolog, body: DOCXBuilder.paragraph("x &xxe; y")))
        guard case .limitExceeded? = Self.reason(bytes) else {
            Issue.record("the external entity was not refused")
            return
        }
    }

    @Test("any DOCTYPE is refused")
    func doctype() {
        let prolog = "<!DOCTYPE w:document SYSTEM \"http://example.invalid/evil.dtd\">"
        let bytes = DOCXBuilder.package(documentXML: Self.document(prolog: prolog, body: DOCXBuilder.paragraph("text")))
        #expect(Self.reason(bytes) == .malformed("'word/document.xml' contains a DOCTYPE declaration, which Word never writes; refused"))
    }

    @Test("deep nesting stops at the limit")
    func nesting() {
        let body = String(repeating: "<w:sdt><w:sdtContent>", count: 40) + DOCXBuilder.paragraph("deep") + String(repeating: "</w:sdtContent></w:sdt>", count: 40)
        var limits = ReaderLimits()
        limits.maxNesting = 50
        #expect(Self.reason(DOCXBuilder.package(body: body), limits: limits) == .limitExceeded("'word/document.xml' nests elements deeper than 50 levels"))
        limits.maxNesting = 200
        #expect(Self.reason(DOCXBuilder.package(body: body), limits: limits) == nil)
    }

    @Test("text beyond the character limit is refused")
    func textLimit() {
        var limits = ReaderLimits()
        limits.maxTextCharacters = 100
        let bytes = DOCXBuilder.package(body: DOCXBuilder.paragraph(String(repeating: "word ", count: 30)))
        #expect(Self.reason(bytes, limits: limits) == .limitExceeded("the document holds more than 100 characters of text"))
    }

    @Test("a document longer than the page limit is refused")
    func pageLimit() {
        var limits = ReaderLimits()
        limits.maxPages = 2
        let body = String(repeating: DOCXBuilder.paragraph("chapter", properties: "<w:pageBreakBefore/>"), count: 5)
        #expect(Self.reason(DOCXBuilder.package(body: body), limits: limits) == .limitExceeded("the document fills about 5 pages, more than the limit of 2"))
    }

    @Test("broken XML is malformed and names the part")
    func brokenXML() {
        guard case .malformed(let why)? = Self.reason(DOCXBuilder.package(body: "<w:p><w:r><w:t>open")) else {
            Issue.record("no error")
            return
        }
        #expect(why.hasPrefix("'word/document.xml' line"))
    }

    @Test("a package without its main document, or without text, is refused")
    func missingParts() {
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", "<Types/>")
        #expect(Self.reason(zip.build()) == .malformed("the package has no 'word/document.xml' part"))
        #expect(Self.reason(DOCXBuilder.package(body: "<w:p/>")) == .noText)
    }

    @Test("OLE compound files: encrypted packages and old binary documents")
    func compoundFiles() {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let encrypted = CompoundFile.signature + [UInt8](repeating: 0, count: 100) + name + [0, 0]
        #expect(Self.reason(encrypted) == .encrypted(pages: nil))
        guard case .malformed(let why)? = Self.reason(CompoundFile.signature + [UInt8](repeating: 0, count: 600)) else {
            Issue.record("no error")
            return
        }
        #expect(why.contains("OLE compound file"))
    }

    @Test("the error names the file")
    func errorNamesFile() {
        do {
            _ = try DOCXReader.read(bytes: Array("not a zip".utf8), path: "bids/leeds.docx", limits: .default)
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("bids/leeds.docx: malformed document: not a ZIP archive"))
        }
    }
}
