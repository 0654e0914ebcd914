/// Reads PDF files. (Being built: see issue 6.)
public enum PDFReader {
    public static func read(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        throw DocumentError(path: path, reason: .malformed("PDF reading is not available in this build"))
    }
}
