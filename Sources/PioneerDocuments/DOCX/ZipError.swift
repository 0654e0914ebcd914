/// Why a ZIP archive (the container of a .docx) could not be read.
enum ZipError: Error, Sendable, Hashable {
    case notZip
    case truncated(String)
    case zip64Unsupported
    case multiDiskUnsupported
    case badCentralDirectory(String)
    case badLocalHeader(entry: String, why: String)
    case unsafeName(String)
    case duplicateName(String)
    case overlappingEntries(String, String)
    case tooManyEntries(count: Int, limit: Int)
    case encryptedEntry(String)
    case unsupportedMethod(entry: String, method: Int)
    /// `actual` is `nil` when the data holds more than declared (decompression stopped there).
    case sizeMismatch(entry: String, declared: Int, actual: Int?)
    case crcMismatch(String)
    case corruptData(entry: String, why: String)
    case entryTooLarge(entry: String, limit: Int)
    case ratioExceeded(entry: String, limit: Int)
    case totalTooLarge(entry: String, limit: Int)

    /// The document-level reason, with the message text for each case.
    var reason: DocumentError.Reason {
        switch self {
        case .notZip: return .malformed("not a ZIP archive (no end of central directory record); a .docx is a ZIP file")
        case .truncated(let what): return .malformed("the ZIP archive is truncated: \(what)")
        case .zip64Unsupported: return .malformed("ZIP64 archives are not supported")
        case .multiDiskUnsupported: return .malformed("multi-part ZIP archives are not supported")
        case .badCentralDirectory(let why): return .malformed("bad ZIP central directory: \(why)")
        case .badLocalHeader(let entry, let why): return .malformed("bad ZIP local header for '\(entry)': \(why)")
        case .unsafeName(let name): return .malformed("ZIP entry name '\(name)' is absolute or contains '..'")
        case .duplicateName(let name): return .malformed("ZIP entry '\(name)' appears twice")
        case .overlappingEntries(let a, let b): return .malformed("ZIP entries '\(a)' and '\(b)' overlap")
        case .tooManyEntries(let count, let limit): return .limitExceeded("the ZIP archive has \(count) entries, more than the limit of \(limit)")
        case .encryptedEntry: return .encrypted(pages: nil)
        case .unsupportedMethod(let entry, let method): return .malformed("ZIP entry '\(entry)' uses unsupported compression method \(method)")
        case .sizeMismatch(let entry, let declared, let actual):
            return .malformed("ZIP entry '\(entry)' declares \(declared) bytes but holds \(actual.map(String.init) ?? "more")")
        case .crcMismatch(let entry): return .malformed("ZIP entry '\(entry)' fails its CRC-32 check")
        case .corruptData(let entry, let why): return .malformed("ZIP entry '\(entry)': \(why)")
        case .entryTooLarge(let entry, let limit):
            return .limitExceeded("ZIP entry '\(entry)' expands to more than \(limit) bytes")
        case .ratioExceeded(let entry, let limit):
            return .limitExceeded("ZIP entry '\(entry)' expands more than \(limit) times its compressed size (zip bomb)")
        case .totalTooLarge(let entry, let limit):
            return .limitExceeded("the ZIP archive expands to more than \(limit) bytes in total at entry '\(entry)'")
        }
    }
}

