/// What can go wrong inside the PDF reader; mapped to `DocumentError` at the entry point.
enum PDFError: Error, Sendable, Hashable {
    case notPDF
    case syntax(String, offset: Int)
    case nestingTooDeep(Int)
    case noCatalog
    case noPages
    case tooManyPages(Int)
    case tooManyObjects(Int)
    case inflateLimit(Int)
    case totalInflateLimit(Int)
    case tooManyOperators(Int)
    case textLimit(Int)
    case encrypted(pages: Int?)

    var message: String {
        switch self {
        case .notPDF: return "not a PDF file (no '%PDF-' header)"
        case .syntax(let why, let offset): return "\(why) at byte \(offset)"
        case .nestingTooDeep(let limit): return "arrays or dictionaries nested deeper than \(limit) levels"
        case .noCatalog: return "no document catalog (the cross-reference data and the recovery scan found no '/Root')"
        case .noPages: return "the document catalog has no readable page tree"
        case .tooManyPages(let limit): return "more than \(limit) pages"
        case .tooManyObjects(let limit): return "more than \(limit) indirect objects"
        case .inflateLimit(let limit): return "a stream decompresses to more than \(limit) bytes"
        case .totalInflateLimit(let limit): return "streams decompress to more than \(limit) bytes in total"
        case .tooManyOperators(let limit): return "more than \(limit) content-stream operators"
        case .textLimit(let limit): return "more than \(limit) characters of text"
        case .encrypted: return "encrypted"
        }
    }

    var isLimit: Bool {
        switch self {
        case .nestingTooDeep, .tooManyPages, .tooManyObjects, .inflateLimit, .totalInflateLimit, .tooManyOperators, .textLimit: return true
        default: return false
        }
    }
}
