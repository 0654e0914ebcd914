/// Bounds on everything an untrusted document can make a reader do.
public struct ReaderLimits: Sendable, Hashable {
    /// Largest input file read at all.
    public var maxFileBytes: Int = 64 * 1_048_576
    /// Largest output of any one decompression (a ZIP entry, a PDF stream).
    public var maxInflatedBytes: Int = 64 * 1_048_576
    /// Total decompressed bytes for one document.
    public var maxTotalInflatedBytes: Int = 256 * 1_048_576
    /// Largest expansion ratio of one compressed entry or stream (zip bombs).
    public var maxInflateRatio: Int = 200
    /// Deepest nesting of XML elements, PDF arrays and dictionaries, or Markdown structure.
    public var maxNesting: Int = 256
    /// Most indirect objects followed in one PDF, or entries in one ZIP.
    public var maxObjects: Int = 1_000_000
    /// Most pages accepted.
    public var maxPages: Int = 10_000
    /// Most characters of text extracted from one document.
    public var maxTextCharacters: Int = 64 * 1_048_576

    public init() {}

    public static let `default` = ReaderLimits()
}
