import Foundation
import Testing
@testable import PioneerDocuments

/// Hostile .docx files: ZIP bombs, entries outside the archive or sharing bytes, XML entity bombs
/// and external entities. Each ends in a bounded document or an error naming the file.
@Suite(.timeLimit(.minutes(2)))
struct HostileInputZipTests {
    @Test func handBuiltDeflateStreamInflatesToZeros() throws {
        let output = try Inflate.inflate(ZeroBomb.rawDeflate(copies: 10), container: .raw, maxOutput: 1 << 20)
        #expect(output == [UInt8](repeating: 0, count: 1 + 258 * 10))
    }

    @Test func inflateStopsAtItsLimit() {
        #expect(throws: Inflate.Failure.outputLimit(1_000_000)) {
            try Inflate.inflate(ZeroBomb.rawDeflate(copies: 1_000_000), container: .raw, maxOutput: 1_000_000)
        }
    }

    @Test(arguments: [true, false])
    func zipBombIsRefusedNamingTheFile(honestSize: Bool) {
        // 250 KB that inflate to 256 MB of zeros, declared as word/document.xml.
        let copies = 256_000_000 / 258
        let stream = ZeroBomb.rawDeflate(copies: copies)
        let bomb = HostileZip.Entry(name: "word/document.xml", data: stream, method: 8, crc: 0,
                                    uncompressedSize: honestSize ? UInt32(1 + 258 * copies) : 2048)
        let bytes = HostileZip(entries: [HostileZip.contentTypes, HostileZip.relationships, bomb]).bytes()
        #expect(bytes.count < 300_000)
        let error = HostileInput.expectError(HostileInput.read(bytes, format: .docx, path: "bomb.docx"), path: "bomb.docx")
        #expect(error.map { if case .limitExceeded = $0.reason { true } else { $0.message.contains("limit") || $0.message.contains("bytes") } } ?? false,
                "\(error?.message ?? "")")
    }

    @Test func entryNamedOutsideTheArchiveIsNeverWritten() throws {
        let folder = try HostileInput.temporaryFolder()
        defer { HostileInput.cleanUp(folder) }
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(folder.appendingPathComponent(".").path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let evil = HostileZip.Entry(name: "../evil", data: Array("owned".utf8))
        let absolute = HostileZip.Entry(name: "/tmp/pioneer-evil-\(UUID().uuidString)", data: Array("owned".utf8))
        let body = HostileZip.Entry(name: "word/document.xml", data: HostileZip.documentXML("Health and Wellbeing Board"))
        let bytes = HostileZip(entries: [evil, absolute, HostileZip.contentTypes, HostileZip.relationships, body]).bytes()
        let document = HostileInput.expectErrorOrValid(HostileInput.read(bytes, format: .docx, path: "evil.docx"), path: "evil.docx")
        #expect(document.map { HostileInput.text(of: $0).contains("Health and Wellbeing Board") } ?? true)
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("evil").path))
        #expect(!FileManager.default.fileExists(atPath: absolute.name))
    }

    @Test func localHeaderOutsideTheArchiveIsAnError() {
        var body = HostileZip.Entry(name: "word/document.xml", data: HostileZip.documentXML("text"))
        body.localOffsetOverride = 0x7FFF_FFF0
        let bytes = HostileZip(entries: [HostileZip.contentTypes, HostileZip.relationships, body]).bytes()
        HostileInput.expectError(HostileInput.read(bytes, format: .docx, path: "outside.docx"), path: "outside.docx")
    }

    @Test(arguments: [UInt32(5_000), 0xFFFF_FFFF])
    func sizeRunningPastTheEndIsAnError(declared: UInt32) {
        var body = HostileZip.Entry(name: "word/document.xml", data: Array(HostileZip.documentXML("text").prefix(20)))
        body.compressedSizeOverride = declared
        body.uncompressedSize = declared
        let bytes = HostileZip(entries: [HostileZip.contentTypes, HostileZip.relationships, body]).bytes()
        HostileInput.expectError(HostileInput.read(bytes, format: .docx, path: "short.docx"), path: "short.docx")
    }

    @Test func overlappingEntriesAreBounded() {
        // Many central-directory records share one deflated local entry: the overlapping-file bomb.
        let stream = ZeroBomb.rawDeflate(copies: 200_000)
        let shared = HostileZip.Entry(name: "word/document.xml", data: stream, method: 8, crc: 0, uncompressedSize: UInt32(1 + 258 * 200_000))
        var zip = HostileZip(entries: [HostileZip.contentTypes, HostileZip.relationships, shared])
        zip.aliases = (0..<2_000).map { (name: "word/part\($0).xml", of: 2) }
        HostileInput.expectErrorOrValid(HostileInput.read(zip.bytes(), format: .docx, path: "overlap.docx"), path: "overlap.docx")
    }

    @Test func entityBombIsBounded() {
        var doctype = "<!DOCTYPE w:document [<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for level in 1...9 { doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        doctype += "]>"
        let bytes = HostileZip.docx(HostileZip.documentXML("&lol9;", doctype: doctype))
        let document = HostileInput.expectErrorOrValid(HostileInput.read(bytes, format: .docx, path: "lol.docx"), path: "lol.docx")
        #expect((document.map { HostileInput.text(of: $0).count } ?? 0) < 10_000_000)
    }

    @Test func externalEntityIsNeverRead() throws {
        let folder = try HostileInput.temporaryFolder()
        defer { HostileInput.cleanUp(folder) }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let secretURL = folder.appendingPathComponent("secret.txt")
        try Data(secret.utf8).write(to: secretURL)
        for system in [secretURL.absoluteString, secretURL.path] {
            let doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"\(system)\">]>"
            let bytes = HostileZip.docx(HostileZip.documentXML("Board &xxe; agreed", doctype: doctype))
            let outcome = HostileInput.read(bytes, format: .docx, path: "xxe.docx")
            HostileInput.expectErrorOrValid(outcome, path: "xxe.docx")
            switch outcome {
            case .success(let document):
                #expect(!HostileInput.text(of: document).contains(secret))
                #expect(!document.warnings.contains { $0.message.contains(secret) })
            case .failure(let error): #expect(!error.description.contains(secret))
            }
        }
    }

    @Test(arguments: ["word/document.xml", "[Content_Types].xml", "_rels/.rels"])
    func deeplyNestedXMLIsBounded(part: String) {
        let deep = String(repeating: "<w:r>", count: 100_000) + String(repeating: "</w:r>", count: 100_000)
        var entries = [HostileZip.contentTypes, HostileZip.relationships, HostileZip.Entry(name: "word/document.xml", data: HostileZip.documentXML("x"))]
        if let index = entries.firstIndex(where: { $0.name == part }) {
            entries[index].data = part == "word/document.xml" ? HostileZip.documentXML(deep) : Array(("<a>" + deep + "</a>").utf8)
        }
        HostileInput.expectErrorOrValid(HostileInput.read(HostileZip(entries: entries).bytes(), format: .docx, path: "deep.docx"), path: "deep.docx")
    }

    /// Regression (fuzz target `docx`, crash-14e5cafc…): invalid UTF-8 in an element or attribute name
    /// reached FoundationXML's XMLParser, which traps on it (SIGILL in `_NSXMLParserStartElementNs`).
    /// These hand-minimised parts crashed `pioneer text` at the same place.
    @Test(arguments: [
        [0x3C, 0x61, 0xCF, 0xCF, 0x2F, 0x3E],                                     // <a\xCF\xCF/>
        [0x3C, 0x61, 0x3E, 0x3C, 0x62, 0xCF, 0xCF, 0x2F, 0x3E, 0x3C, 0x2F, 0x61, 0x3E], // <a><b\xCF\xCF/></a>
        [0x3C, 0x61, 0x20, 0x62, 0xCF, 0xCF, 0x3D, 0x22, 0x31, 0x22, 0x2F, 0x3E],       // <a b\xCF\xCF="1"/>
        Array("<a xmlns:w=\"u\"><w:b".utf8) + [0xCF] + Array("/></a>".utf8),
    ] as [[UInt8]])
    func invalidUTF8InXMLNamesIsAnErrorNotACrash(part: [UInt8]) {
        for name in ["word/document.xml", "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "word/styles.xml"] {
            var entries = [HostileZip.contentTypes, HostileZip.relationships,
                           HostileZip.Entry(name: "word/document.xml", data: HostileZip.documentXML("Board"))]
            if let index = entries.firstIndex(where: { $0.name == name }) { entries[index].data = part } else {
                entries.append(HostileZip.Entry(name: name, data: part))
            }
            let outcome = HostileInput.read(HostileZip(entries: entries).bytes(), format: .docx, path: "names.docx")
            HostileInput.expectErrorOrValid(outcome, path: "names.docx")
        }
        let error = HostileInput.expectError(HostileInput.read(HostileZip.docx(part), format: .docx, path: "names.docx"), path: "names.docx")
        #expect(error?.message.contains("'word/document.xml' is not UTF-8 XML") == true)
    }
}
