import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file of any supported format into a `Document`.
public enum DocumentReader {
    /// Reads the file at `path`, choosing the reader by its extension. (Never inlined, so that a
    /// profile shows the reading of a file as one entry.)
    @inline(never)
    public static func read(path: String, limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        let ext = pathExtension(path)
        guard let format = DocumentFormat(pathExtension: ext) else {
            // A mistyped name is reported as missing, not as a file of the wrong type.
            var status = stat()
            guard path.utf8.contains(0) || stat(path, &status) != 0 else {
                throw DocumentError(path: path, reason: .unsupportedFormat(extension: ext))
            }
            throw DocumentError(path: path, reason: .fileNotFound)
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

    /// The file's bytes, refusing directories, missing files and files over the size limit. Read with
    /// the system calls themselves: Foundation's file handles cost more than the reading.
    public static func readBytes(path: String, limits: ReaderLimits) throws(DocumentError) -> [UInt8] {
        var status = stat()
        // A path with a NUL byte names no file (it cannot be passed to the system).
        guard !path.utf8.contains(0), stat(path, &status) == 0 else { throw DocumentError(path: path, reason: .fileNotFound) }
        if status.st_mode & S_IFMT == S_IFDIR { throw DocumentError(path: path, reason: .unreadableFile("it is a directory")) }
        let file = open(path, O_RDONLY)
        guard file >= 0 else { throw DocumentError(path: path, reason: .unreadableFile("permission denied")) }
        defer { close(file) }
        // One byte over the limit is enough to know the file is too large. The file's size is only a
        // first guess: a file that grows, or a pipe that tells none, is read on in more pieces.
        let wanted = limits.maxFileBytes + 1
        var bytes: [UInt8] = []
        var piece = min(max(Int(status.st_size), 0) + 1, wanted)
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: piece) { buffer, count in
                count = readFully(file, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
            }
            guard failure == 0 else { throw DocumentError(path: path, reason: .unreadableFile(String(cString: strerror(failure)))) }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            // A piece that was not filled ended at the end of the file.
            guard chunk.count == piece, bytes.count < wanted else { break }
            piece = min(max(bytes.count, 65_536), wanted - bytes.count)
        }
        guard bytes.count <= limits.maxFileBytes else { throw DocumentError(path: path, reason: .tooLarge(limit: limits.maxFileBytes)) }
        return bytes
    }

    /// The extension of the last component of `path`, as `NSString.pathExtension` gives it: the text
    /// after the component's last dot, unless that dot starts the name. Found on the bytes of an
    /// ASCII path that does not end with a slash; any other path asks `NSString`.
    public static func pathExtension(_ path: String) -> String {
        let fast = path.utf8.withContiguousStorageIfAvailable { utf8 in
            asciiExtensionStart(utf8).map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0...]), as: UTF8.self) }
        }
        return (fast ?? nil) ?? (path as NSString).pathExtension
    }
}

private extension DocumentReader {
    /// Reads `file` into `buffer` until it is full or the file ends; the bytes read. `failure` is set
    /// to the error number when reading fails.
    static func readFully(_ file: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        while count < buffer.count {
            // read(2), which the `read` methods above hide.
            #if canImport(Glibc)
            let got = Glibc.read(file, base + count, buffer.count - count)
            #else
            let got = Darwin.read(file, base + count, buffer.count - count)
            #endif
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                failure = errno
                break
            }
        }
        return count
    }

    /// Where the extension starts in an ASCII path (its count when the name has none), or nil when
    /// the path is not ASCII, ends with a slash or is shorter than two bytes.
    static func asciiExtensionStart(_ path: UnsafeBufferPointer<UInt8>) -> Int? {
        guard path.count > 1, path[path.count - 1] != UInt8(ascii: "/"), String.isASCII(path) else { return nil }
        var index = path.count - 1
        while index >= 0 {
            switch path[index] {
            case UInt8(ascii: "/"):
                return path.count
            case UInt8(ascii: "."):
                // A dot that starts the name ("dir/.profile") starts no extension.
                return index == 0 || path[index - 1] == UInt8(ascii: "/") ? path.count : index + 1
            default:
                index -= 1
            }
        }
        return path.count
    }
}
