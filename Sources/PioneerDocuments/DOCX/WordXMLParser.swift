import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element name split into its namespace (the ones a .docx reader cares about) and local name.
struct XMLName: Sendable, Hashable {
    enum Namespace: Sendable, Hashable { case word, markupCompatibility, other }

    var namespace: Namespace
    var local: String

    init(namespaceURI: String?, local: String) {
        switch namespaceURI {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main":
            namespace = .word
        case "http://schemas.openxmlformats.org/markup-compatibility/2006":
            namespace = .markupCompatibility
        default:
            namespace = .other
        }
        self.local = local
    }

    /// True for `w:<local>`.
    func isWord(_ name: String) -> Bool { namespace == .word && local == name }
}

extension XMLName {
    /// `w:<local>`.
    static func word(_ local: String) -> XMLName {
        XMLName(namespaceURI: "http://schemas.openxmlformats.org/wordprocessingml/2006/main", local: local)
    }
}

/// Receives the events of one XML part. Handlers are value types; the parser owns them while it runs.
protocol XMLEventHandler {
    /// Set to stop parsing with an error.
    var failure: WordXMLError? { get }
    /// Attribute keys are local names (prefixes dropped).
    mutating func start(_ name: XMLName, attributes: [String: String])
    mutating func end(_ name: XMLName)
    mutating func characters(_ text: String)
}

/// Runs Foundation's SAX `XMLParser` over an untrusted part with every defence on:
/// no DTD at all (so no entity expansion and no external entities), bounded depth, no external resolution.
enum WordXMLParser {
    /// Feeds `bytes` to `handler` and returns it; throws on a DTD, excessive nesting or bad XML.
    static func parse<H: XMLEventHandler>(_ bytes: [UInt8], part: String, limits: ReaderLimits, handler: H) throws(WordXMLError) -> H {
        try refuseDocumentTypes(bytes, part: part)
        let adapter = Adapter(handler: handler, part: part, maxDepth: limits.maxNesting)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = adapter
        let succeeded = parser.parse()
        if let failure = adapter.failure ?? adapter.handler.failure { throw failure }
        // On Linux `parse()` can return true after an error, so the error is checked as well.
        if !succeeded || parser.parserError != nil {
            let code = parser.parserError.map { ($0 as NSError).code }
            // libxml2 stops at a node of over 10,000,000 bytes with an internal error (1): say so.
            if code == 1, longestNode(bytes) > maximumNode { throw .nodeTooLong(part: part, limit: maximumNode) }
            throw .syntax(part: part, line: parser.lineNumber, message: "not well-formed XML" + (code.map { " (parser error \($0))" } ?? ""))
        }
        return adapter.handler
    }

    /// libxml2's limit on one text node or tag without `XML_PARSE_HUGE` (`XML_MAX_TEXT_LENGTH`).
    static let maximumNode = 10_000_000

    /// The most bytes between one `<` or `>` and the next.
    static func longestNode(_ bytes: [UInt8]) -> Int {
        var longest = 0, start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
            longest = max(longest, index - start)
            start = index + 1
        }
        return max(longest, bytes.count - start)
    }

    /// Refuses UTF-16 parts (the scan below would not see their declarations), parts that are not
    /// valid UTF-8 (libxml2 passes such bytes on in element and attribute names, and FoundationXML's
    /// XMLParser traps on them: `<a\u{CF}\u{CF}/>` crashed the process), and any `<!DOCTYPE` or `<!ENTITY`.
    static func refuseDocumentTypes(_ bytes: [UInt8], part: String) throws(WordXMLError) {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.prefix(4).contains(0) {
            throw .unsupportedEncoding(part: part)
        }
        if String(validating: bytes, as: UTF8.self) == nil { throw .unsupportedEncoding(part: part) }
        if bytes.containsByteSequence(Array("<!ENTITY".utf8)) { throw .entityDeclaration(part: part) }
        if bytes.containsByteSequence(Array("<!DOCTYPE".utf8)) { throw .doctype(part: part) }
        if mostAttributes(bytes) > maximumAttributes { throw .tooManyAttributes(part: part, limit: maximumAttributes) }
    }

    /// Attributes one element may have. Word writes a few dozen at most (namespace declarations on the
    /// root); libxml2 checks each new attribute against all the element's others, so an element of
    /// hundreds of thousands cost minutes (2.9 MB: 23 s).
    static let maximumAttributes = 1_000

    /// The most `=` signs outside quoted values within one tag (`<` to `>`): an upper bound on the
    /// attributes of any element of `bytes`.
    static func mostAttributes(_ bytes: [UInt8]) -> Int {
        var most = 0, count = 0
        var inTag = false
        var quote: UInt8 = 0
        for byte in bytes {
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if inTag {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "="): count += 1
                case UInt8(ascii: ">"):
                    most = max(most, count)
                    inTag = false
                default: break
                }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                count = 0
            }
        }
        return max(most, count)
    }
}

private extension WordXMLParser {
    /// Bridges `XMLParserDelegate` (which must be a class) to a value-type handler, bounding depth.
    final class Adapter<H: XMLEventHandler>: NSObject, XMLParserDelegate {
        var handler: H
        var failure: WordXMLError?
        let part: String
        let maxDepth: Int
        var depth = 0

        init(handler: H, part: String, maxDepth: Int) {
            self.handler = handler
            self.part = part
            self.maxDepth = maxDepth
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            guard depth <= maxDepth else {
                failure = .nestingTooDeep(part: part, limit: maxDepth)
                parser.abortParsing()
                return
            }
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict {
                let local = key.split(separator: ":").last.map(String.init) ?? key
                attributes[local] = value
            }
            handler.start(XMLName(namespaceURI: namespaceURI, local: localName(elementName)), attributes: attributes)
            if handler.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            handler.end(XMLName(namespaceURI: namespaceURI, local: localName(elementName)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handler.characters(string)
            if handler.failure != nil { parser.abortParsing() }
        }

        func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }
    }
}
