/// Why an XML part of a .docx could not be read.
enum WordXMLError: Error, Sendable, Hashable {
    case missingPart(String)
    case doctype(part: String)
    case entityDeclaration(part: String)
    case unsupportedEncoding(part: String)
    case nestingTooDeep(part: String, limit: Int)
    case textTooLong(limit: Int)
    /// A run of text or markup longer than the XML parser (libxml2) reads in one piece.
    case nodeTooLong(part: String, limit: Int)
    /// An element with more attributes than Word ever writes on one.
    case tooManyAttributes(part: String, limit: Int)
    case syntax(part: String, line: Int, message: String)

    /// The document-level reason, with the message text for each case.
    var reason: DocumentError.Reason {
        switch self {
        case .missingPart(let part): return .malformed("the package has no '\(part)' part")
        case .doctype(let part): return .malformed("'\(part)' contains a DOCTYPE declaration, which Word never writes; refused")
        case .entityDeclaration(let part):
            return .limitExceeded("'\(part)' declares XML entities (entity expansion and external entities are refused)")
        case .unsupportedEncoding(let part): return .malformed("'\(part)' is not UTF-8 XML")
        case .nestingTooDeep(let part, let limit): return .limitExceeded("'\(part)' nests elements deeper than \(limit) levels")
        case .textTooLong(let limit): return .limitExceeded("the document holds more than \(limit) characters of text")
        case .tooManyAttributes(let part, let limit):
            return .limitExceeded("'\(part)' has an element with more than \(limit) attributes")
        case .nodeTooLong(let part, let limit):
            return .limitExceeded("'\(part)' has a text node or tag of more than \(limit) bytes, more than the XML parser reads")
        case .syntax(let part, let line, let message): return .malformed("'\(part)' line \(line): \(message)")
        }
    }
}
