import Foundation
import Testing
@testable import PioneerDocuments

/// `DocumentReader.readBytes` (system calls) and `pathExtension` (bytes) against what Foundation says.
@Suite struct DocumentReaderTests {
    @Test func extensionsAreFoundAsNSStringFindsThem() {
        let paths = [
            "", ".", "..", "/", "a", "a.", ".md", "a.md", "A.MD", "dir/.md", "dir/a.md", "dir.md/a", "dir.md/", "a.md/", "a.md//", "a..md", "a.md.",
            "a..", "/.md", "/a.md", "//a.md", "dir//a.b.c", "x/y/z.markdown", "./bid.txt", "../bid.pdf", "bid.docx", "é.md", "dir.é/x", "a.é",
            "a b.txt", "a.m d", "e\u{301}.md", "a.\u{301}md", "a/.", "a/..", "a/...", "...", "a.md\u{0}x",
        ]
        for path in paths {
            #expect(DocumentReader.pathExtension(path) == (path as NSString).pathExtension, "\(path.debugDescription)")
        }
    }

    @Test func readsFilesAndRefusesWhatIsNotOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pioneer-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let limits = ReaderLimits()
        for count in [0, 1, 15, 16, 17, 4_095, 4_096, 65_537, 200_003] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = folder.appendingPathComponent("file-\(count).md").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(try DocumentReader.readBytes(path: path, limits: limits) == bytes)
        }
        func reason(_ path: String, _ limits: ReaderLimits = ReaderLimits()) -> DocumentError.Reason? {
            do { _ = try DocumentReader.readBytes(path: path, limits: limits); return nil } catch { return error.reason }
        }
        #expect(reason(folder.appendingPathComponent("missing.md").path) == .fileNotFound)
        #expect(reason(folder.appendingPathComponent("file-1.md").path + "/") == .fileNotFound)
        #expect(reason("") == .fileNotFound)
        #expect(reason(folder.path + "/file-1.md\u{0}") == .fileNotFound)
        #expect(reason(folder.path) == .unreadableFile("it is a directory"))
        // One byte over the limit is too large; the limit itself is not.
        var small = ReaderLimits()
        small.maxFileBytes = 4_096
        #expect(reason(folder.appendingPathComponent("file-4096.md").path, small) == nil)
        #expect(reason(folder.appendingPathComponent("file-65537.md").path, small) == .tooLarge(limit: 4_096))
        // A file that tells no size (a character device) is read to its end.
        #expect(try DocumentReader.readBytes(path: "/dev/null", limits: limits) == [])
    }
}
