/// Why a document could not be read. Every case names the file in its description.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case unsupportedFormat(extension: String)
        case fileNotFound
        case unreadableFile(String)
        case empty
        case tooLarge(limit: Int)
        case encrypted(pages: Int?)
        case malformed(String)
        case limitExceeded(String)
        case noText
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The problem without the path, lower-case, no final period.
    public var message: String {
        switch reason {
        case .unsupportedFormat(let ext):
            return ext.isEmpty ? "unsupported file type (no extension); expected .pdf, .docx, .md, .markdown or .txt"
                : "unsupported file type '.\(ext)'; expected .pdf, .docx, .md, .markdown or .txt"
        case .fileNotFound: return "no such file"
        case .unreadableFile(let why): return "cannot read the file: \(why)"
        case .empty: return "the file is empty"
        case .tooLarge(let limit): return "the file is larger than the \(limit / 1_048_576) MiB limit"
        case .encrypted(let pages):
            if let pages { return "the document is encrypted: \(pages) page\(pages == 1 ? "" : "s"), but the text cannot be read without the password" }
            return "the document is encrypted and cannot be read without the password"
        case .malformed(let why): return "malformed document: \(why)"
        case .limitExceeded(let why): return "safety limit exceeded: \(why)"
        case .noText: return "no text could be extracted"
        }
    }

    public var description: String { "\(path): \(message)" }
}
