import Foundation

/// Reads a file of any supported format into a `Document`.
public enum DocumentReader {
    /// Reads the file at `path`, choosing the reader by its extension.
    public static func read(path: String, limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        let ext = (path as NSString).pathExtension
        guard let format = DocumentFormat(pathExtension: ext) else {
            throw DocumentError(path: path, reason: .unsupportedFormat(extension: ext))
        }
        let bytes = try readBytes(path: path, limits: limits)
        return try read(bytes: bytes, format: format, path: path, limits: limits)
    }

    /// Reads `bytes` as `format`; `path` is used only in messages and in the result.
    public static func read(bytes: [UInt8], format: DocumentFormat, path: String, limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        guard !bytes.isEmpty else { throw DocumentError(path: path, reason: .empty) }
        guard bytes.count <= limits.maxFileBytes else { throw DocumentError(path: path, reason: .tooLarge(limit: limits.maxFileBytes)) }
        switch format {
        case .text: return try PlainTextReader.read(bytes: bytes, path: path, limits: limits)
        case .markdown: return try MarkdownReader.read(bytes: bytes, path: path, limits: limits)
        case .docx: return try DOCXReader.read(bytes: bytes, path: path, limits: limits)
        case .pdf: return try PDFReader.read(bytes: bytes, path: path, limits: limits)
        }
    }

    /// The file's bytes, refusing directories, missing files and files over the size limit.
    public static func readBytes(path: String, limits: ReaderLimits) throws(DocumentError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(path: path, reason: .fileNotFound)
        }
        if isDirectory.boolValue { throw DocumentError(path: path, reason: .unreadableFile("it is a directory")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DocumentError(path: path, reason: .unreadableFile("permission denied"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            throw DocumentError(path: path, reason: .unreadableFile(error.localizedDescription))
        }
        guard data.count <= limits.maxFileBytes else { throw DocumentError(path: path, reason: .tooLarge(limit: limits.maxFileBytes)) }
        return [UInt8](data)
    }
}
