/// Reads Word .docx files. (Being built: see issue 6.)
public enum DOCXReader {
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        throw DocumentError(path: path, reason: .malformed("DOCX reading is not available in this build"))
    }
}
