import Testing
import Foundation
@testable import PioneerDocuments

@Suite struct PlainTextReaderTests {
    func read(_ text: String) throws -> Document {
        try PlainTextReader.read(bytes: Array(text.utf8), path: "bid.txt", limits: .default)
    }

    @Test func splitsParagraphsHeadingsAndLists() throws {
        let doc = try read("""
        OUR VISION

        We will adopt the Narrative
        across the county by March 2014.

        3.2 Governance
        - a joint commissioning board
        - an information sharing agreement
          (a) signed in May
        """)
        let blocks = doc.blocks
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .listItem(level: 1), .listItem(level: 1), .listItem(level: 2)])
        #expect(blocks[1].text == "We will adopt the Narrative\nacross the county by March 2014.")
        #expect(blocks.map(\.line) == [1, 3, 6, 7, 8, 9])
        #expect(blocks[5].text == "signed in May")
    }

    @Test func aNumberedLineStandingAloneIsAHeading() throws {
        let doc = try read("Intro text.\n\n8. RISK MANAGEMENT\n\nThe board keeps a risk register.\n\n1. first point\n2. second point\n")
        #expect(doc.blocks.map(\.kind) == [.paragraph, .heading(level: 1), .paragraph, .listItem(level: 1), .listItem(level: 1)])
        #expect(doc.blocks[1].text == "8. RISK MANAGEMENT")
    }

    @Test func formFeedsArePagesAndExact() throws {
        let doc = try read("Page one text.\n\u{0C}Page two text.\n\u{0C}\nPage three.\n\u{0C}")
        #expect(doc.pageCount == PageCount(value: 3, exact: true, source: .formFeeds))
        #expect(doc.pages.map(\.number) == [1, 2, 3])
        #expect(doc.blocks.map(\.page) == [1, 2, 3])
        #expect(doc.blocks.map(\.line) == [1, 2, 4])
    }

    @Test func estimatesPagesWithThePageModel() throws {
        // 99 paragraphs of 450 characters, 5 lines + half a line each: 9 fill a 50-line page (49.5 lines,
        // and the next cannot start with 2 lines on it), so 11 pages, the last one full.
        let paragraph = String(repeating: "integrated care and support ", count: 16).trimmingCharacters(in: .whitespaces) + "."
        let text = Array(repeating: paragraph, count: 99).joined(separator: "\n\n")
        let doc = try read(text)
        #expect(doc.pageCount.exact == false)
        #expect(doc.pageCount.source == .textEstimate)
        #expect(doc.pageCount.value > 10.9 && doc.pageCount.value <= 11)
        #expect(doc.pages.count == 11)
        #expect(doc.blocks.last?.page == 11)
        #expect(doc.wordCount == 99 * 64)
    }

    @Test func sentenceLikeLinesAreNotHeadings() {
        #expect(PlainTextReader.headingLevel("We will do this.") == nil)
        #expect(PlainTextReader.headingLevel("Risk management") == 2)
        #expect(PlainTextReader.headingLevel("RISK MANAGEMENT") == 1)
        #expect(PlainTextReader.headingLevel("Signed on behalf of the partners:") == nil)
        #expect(PlainTextReader.headingLevel("4.1.2 Barriers to integration") == 3)
        #expect(PlainTextReader.headingLevel("2014 was a good year for the partnership and we expect more of the same in future") == nil)
    }

    @Test func emptyAndBlankFilesAreErrors() {
        #expect(throws: DocumentError(path: "bid.txt", reason: .noText)) { try read("   \n\n\t\n") }
        #expect(throws: DocumentError(path: "x.txt", reason: .empty)) {
            try DocumentReader.read(bytes: [], format: .text, path: "x.txt")
        }
    }
}

@Suite struct TextDecodingTests {
    @Test func decodesBOMsAndFallsBack() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Board".utf8)).text == "Board")
        let utf16LE: [UInt8] = [0xFF, 0xFE, 0x48, 0x00, 0x57, 0x00, 0x42, 0x00]
        #expect(TextDecoding.decode(utf16LE) == ("HWB", .utf16LE))
        let utf16BE: [UInt8] = [0xFE, 0xFF, 0x00, 0x48, 0x00, 0x57, 0x00, 0x42]
        #expect(TextDecoding.decode(utf16BE).text == "HWB")
        let cp1252: [UInt8] = Array("people".utf8) + [0x92, 0x73, 0x20, 0x93, 0x76, 0x6F, 0x69, 0x63, 0x65, 0x94]
        #expect(TextDecoding.decode(cp1252) == ("people\u{2019}s \u{201C}voice\u{201D}", .windows1252))
    }

    /// Windows-1252 goes straight to UTF-8 bytes: every byte value gives the scalar the code page
    /// assigns it (0x80–0x9F from the table, the rest as Latin-1), as valid UTF-8.
    @Test func windows1252EveryByteIsItsScalar() throws {
        for byte in UInt8.min...UInt8.max {
            let expected = byte >= 0x80 && byte <= 0x9F ? Unicode.Scalar(TextDecoding.cp1252High[Int(byte - 0x80)]) : Unicode.Scalar(byte)
            let utf8 = TextDecoding.windows1252([byte][...])
            let text = try #require(String(validating: utf8, as: UTF8.self), "byte \(byte)")
            #expect(text.unicodeScalars.elementsEqual([try #require(expected)]), "byte \(byte)")
        }
        let all = Array(UInt8.min...UInt8.max)
        #expect(TextDecoding.windows1252(all[...]) == all.flatMap { TextDecoding.windows1252([$0][...]) })
    }

    /// A file that is not UTF-8 is read as Windows-1252 with a warning, and one that looks binary is refused either way.
    @Test func readsWindows1252FilesOnce() throws {
        let cp1252: [UInt8] = Array("# Plan\n\nThe Board\u{27}s chair signed it on 3 June 2013 for ".utf8) + [0x80, 0x35, 0x30, 0x6B, 0x2E, 0x0A]
        let document = try PlainTextReader.read(bytes: cp1252, path: "bid.txt", limits: .default)
        #expect(document.blocks.map(\.text).joined(separator: " ").contains("for \u{20AC}50k."))
        #expect(document.warnings.map(\.message) == ["read as Windows-1252"])
        let binary: [UInt8] = [0x92] + Array(repeating: 0x01, count: 40) + Array("text".utf8)
        #expect(throws: DocumentError.self) { try PlainTextReader.read(bytes: binary, path: "bid.txt", limits: .default) }
    }

    @Test func detectsUTF16WithoutBOM() {
        let text = "Health and Wellbeing Board"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.decode(le) == (text, .utf16LE))
        #expect(TextDecoding.decode(be) == (text, .utf16BE))
    }
}

@Suite struct BinaryTextTests {
    @Test func binaryDataWithATextExtensionIsRefused() {
        let junk: [UInt8] = Array("Our vision".utf8) + [0x00, 0x01, 0x02] + Array("more".utf8)
        #expect(throws: DocumentError(path: "junk.txt", reason: .malformed("binary data, not text (NUL or control bytes)"))) {
            try DocumentReader.read(bytes: junk, format: .text, path: "junk.txt")
        }
        #expect(TextDecoding.looksBinary(Array("Tab\tseparated\r\nand a form feed \u{0C} are text".utf8)) == false)
        #expect(TextDecoding.looksBinary([UInt8](repeating: 0x01, count: 10) + Array(String(repeating: "x", count: 100).utf8)))
    }
}
