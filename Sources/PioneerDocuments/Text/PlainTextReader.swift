/// Reads plain text. (Placeholder.)
public enum PlainTextReader {
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        throw DocumentError(path: path, reason: .malformed("not yet"))
    }
}
