import Testing
@testable import PioneerDocuments

@Suite struct MarkdownReaderTests {
    func read(_ text: String) throws -> Document {
        try MarkdownReader.read(bytes: Array(text.utf8), path: "bid.md", limits: .default)
    }

    @Test func readsHeadingsListsAndInlineMarkup() throws {
        let doc = try read("""
        # Northshire pioneer bid

        Our **vision** is set out in the [Joint Strategy](http://example.org).

        Commitment
        ----------

        * The *Health & Wellbeing Board* endorsed the bid
          on 12 June 2013.
          * nested item
        1. first step
        """)
        #expect(doc.blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .listItem(level: 1), .listItem(level: 2), .listItem(level: 1)])
        #expect(doc.blocks[1].text == "Our vision is set out in the Joint Strategy.")
        #expect(doc.blocks[3].text == "The Health & Wellbeing Board endorsed the bid\non 12 June 2013.")
        #expect(doc.blocks.map(\.line) == [1, 3, 5, 8, 10, 11])
    }

    @Test func readsPipeTablesAsCells() throws {
        let doc = try read("""
        | Criterion | Our response |
        |-----------|--------------|
        | Vision    | We will adopt the Narrative by 2014 |
        | Sharing   | Peer learning a\\|b |
        """)
        let cells = doc.blocks.map { block -> String in
            guard case .tableCell(let row, let column) = block.kind else { return "?" }
            return "\(row),\(column):\(block.text)"
        }
        #expect(cells == ["1,1:Criterion", "1,2:Our response", "2,1:Vision", "2,2:We will adopt the Narrative by 2014", "3,1:Sharing", "3,2:Peer learning a|b"])
        #expect(doc.blocks[4].line == 4)
    }

    @Test func keepsSnakeCaseAndLoneStars() {
        #expect(InlineMarkdown.plain("a * b and snake_case and __bold__") == "a * b and snake_case and bold")
        #expect(InlineMarkdown.plain("<b>HWB</b> <!-- x --> ![logo](x.png)") == "HWB  logo")
    }

    @Test func unclosedFenceDoesNotLoop() throws {
        let doc = try read("```\ncode without end\nmore")
        #expect(doc.blocks.count == 1)
        #expect(doc.blocks[0].text == "code without end\nmore")
    }
}

@Suite struct BlockStringTests {
    @Test func bytesCutInsideCharactersNeverMakeAnInvalidString() {
        let cases: [[UInt8]] = [
            Array("plain ASCII text, long enough for several words".utf8),
            Array("£3m".utf8),
            Array("a long line of ASCII text, then a pound sign: £3m and more text after it".utf8),
            [0x61, 0xC2],                    // a character cut after its lead byte
            [0xA3, 0x33, 0x6D],              // a continuation byte first
            [0xE2, 0x80, 0x93, 0x41, 0xFF],  // a dash, then a byte UTF-8 never uses
            Array(repeating: 0x61, count: 17) + [0xC2],
            Array(repeating: 0x61, count: 40) + [0x80] + Array(repeating: 0x62, count: 7),
        ]
        for bytes in cases {
            let made = bytes.withUnsafeBufferPointer { TextCounts.block($0, refusingMarkup: false) }
            #expect(made?.text == String(decoding: bytes, as: UTF8.self))
            #expect(made.map { Array($0.text.utf8) } == Array(String(decoding: bytes, as: UTF8.self).utf8))
            #expect(made?.counts.isASCII == bytes.allSatisfy { $0 < 0x80 })
        }
    }
}
