import Foundation
import Testing
@testable import PioneerDocuments

/// Hostile bytes through `DocumentReader`: empty files, junk under every extension, bad encodings
/// and very large text. Each ends in a document or an error naming the file, never a crash.
@Suite(.timeLimit(.minutes(3)))
struct HostileInputTextTests {
    @Test(arguments: ["txt", "md", "markdown", "docx", "pdf"])
    func emptyFileIsAnErrorNamingTheFile(ext: String) throws {
        let folder = try HostileInput.temporaryFolder()
        defer { HostileInput.cleanUp(folder) }
        let path = folder.appendingPathComponent("empty.\(ext)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let outcome = Result { () throws(DocumentError) -> Document in try DocumentReader.read(path: path) }
        let error = HostileInput.expectError(outcome, path: path)
        #expect(error?.reason == .empty)
        #expect(error?.description == "\(path): the file is empty")
    }

    @Test(arguments: [DocumentFormat.pdf, .docx])
    func binaryJunkIsAnErrorNamingTheFile(format: DocumentFormat) {
        for seed in UInt64(1)...8 {
            let path = "junk-\(seed).\(format.rawValue)"
            HostileInput.expectError(HostileInput.read(HostileInput.junk(count: 64 * 1024, seed: seed), format: format, path: path), path: path)
        }
    }

    @Test(arguments: [DocumentFormat.text, .markdown])
    func binaryJunkAsTextIsReadOrRefused(format: DocumentFormat) {
        for seed in UInt64(1)...8 {
            let path = "junk-\(seed).\(format.rawValue)"
            let document = HostileInput.expectErrorOrValid(HostileInput.read(HostileInput.junk(count: 64 * 1024, seed: seed), format: format, path: path), path: path)
            #expect(document.map { $0.warnings.contains { $0.code == "encoding" } } ?? true)
        }
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        let bytes: [UInt8] = Array("Health and ".utf8) + [0xC3, 0x28, 0xFF, 0x93] + Array("Wellbeing Board\u{201D} agreed.\n".utf8)
        let document = try DocumentReader.read(bytes: bytes, format: .text, path: "bad.txt")
        let text = HostileInput.text(of: document)
        #expect(text.hasPrefix("Health and \u{C3}(\u{FF}\u{201C}Wellbeing Board"))
        #expect(document.warnings.contains { $0.code == "encoding" && $0.message.contains("Windows-1252") })
    }

    @Test(arguments: [(true, true), (true, false), (false, true), (false, false)])
    func utf16IsDecoded(littleEndian: Bool, bom: Bool) throws {
        let sentence = "The Health and Wellbeing Board agreed the plan on 3 June 2013.\n\nOur vision: integrated care.\n"
        var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in sentence.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let document = try DocumentReader.read(bytes: bytes, format: .text, path: "utf16.txt")
        #expect(HostileInput.text(of: document).contains("Health and Wellbeing Board agreed the plan on 3 June 2013."))
        #expect(!HostileInput.text(of: document).contains("\u{0}"))
    }

    @Test func oddLengthUTF16AndLoneSurrogatesDoNotCrash() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x00, 0xDC, 0x43]
        let document = HostileInput.expectErrorOrValid(HostileInput.read(bytes, format: .text, path: "odd.txt"), path: "odd.txt")
        #expect(document.map { HostileInput.text(of: $0).hasPrefix("A") } ?? true)
    }

    @Test func fiftyMegabyteTextFileIsRefusedForItsPages() throws {
        let folder = try HostileInput.temporaryFolder()
        defer { HostileInput.cleanUp(folder) }
        let path = folder.appendingPathComponent("huge.txt").path
        let paragraph = String(repeating: "Our partnership will deliver integrated care by March 2014 with 12 practices. ", count: 8) + "\n\n"
        let count = 50_000_000 / paragraph.utf8.count
        var data = Data(capacity: count * paragraph.utf8.count)
        for _ in 0..<count { data.append(contentsOf: paragraph.utf8) }
        try data.write(to: URL(fileURLWithPath: path))
        // 50 MB of prose lays out as about 12,000 pages: over ReaderLimits.maxPages, a clear error naming the file.
        #expect {
            try DocumentReader.read(path: path)
        } throws: { error in
            guard let error = error as? DocumentError, case .limitExceeded(let why) = error.reason else { return false }
            return error.path == path && why.hasPrefix("more than 10000 pages") && error.description.hasPrefix(path)
        }
    }

    @Test func textOverTheSizeLimitIsRefusedNamingTheFile() throws {
        let folder = try HostileInput.temporaryFolder()
        defer { HostileInput.cleanUp(folder) }
        let path = folder.appendingPathComponent("over.txt").path
        try Data(repeating: UInt8(ascii: "a"), count: 2_000_001).write(to: URL(fileURLWithPath: path))
        var limits = ReaderLimits()
        limits.maxFileBytes = 2_000_000
        let outcome = Result { () throws(DocumentError) -> Document in try DocumentReader.read(path: path, limits: limits) }
        #expect(HostileInput.expectError(outcome, path: path)?.reason == .tooLarge(limit: 2_000_000))
    }

    @Test(arguments: [DocumentFormat.text, .markdown])
    func tenMillionCharacterLineIsRead(format: DocumentFormat) throws {
        let line = String(repeating: "word ", count: 2_000_000)
        let document = try DocumentReader.read(bytes: Array(line.utf8), format: format, path: "line.\(format.rawValue)")
        #expect(document.wordCount == 2_000_000)
    }

    @Test func runsOfMarkdownPunctuationAreBounded() throws {
        let line = String(repeating: "[", count: 20_000) + String(repeating: "<a ", count: 20_000) + String(repeating: "*_`", count: 20_000)
        let document = HostileInput.expectErrorOrValid(HostileInput.read(Array(line.utf8), format: .markdown, path: "marks.md"), path: "marks.md")
        #expect(document.map { HostileInput.text(of: $0).count <= line.count } ?? true)
    }

    @Test func unsupportedExtensionIsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pioneer-\(UUID().uuidString).rtf").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{\\rtf1 bid}".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = Result { () throws(DocumentError) -> Document in try DocumentReader.read(path: path) }
        #expect(HostileInput.expectError(outcome, path: path)?.reason == .unsupportedFormat(extension: "rtf"))
    }

    /// A mistyped name is missing, whatever its extension (or none).
    @Test func missingFileOfAnyExtensionIsMissing() {
        for path in ["/nonexistent/bid.rtf", "/nonexistent/bid", "nothere", "/nonexistent/bid.md"] {
            let outcome = Result { () throws(DocumentError) -> Document in try DocumentReader.read(path: path) }
            #expect(HostileInput.expectError(outcome, path: path)?.reason == .fileNotFound, "\(path)")
        }
    }
}
