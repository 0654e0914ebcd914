/// Reads Markdown. (Placeholder.)
public enum MarkdownReader {
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        throw DocumentError(path: path, reason: .malformed("not yet"))
    }
}
