import Testing
@testable import PioneerDocuments

/// The byte-level Markdown reading (`SourceLines`, `MarkdownBlockParser`, `InlineMarkdown.plain`)
/// against the Character-level reference it replaced (`LegacySourceLines` below, kept as it was,
/// `MarkdownCharacterParser`, `InlineMarkdown.plainCharacters`), on many generated texts.
@Suite struct MarkdownDifferentialTests {
    @Test func simpleTextsParseAsTheReferenceDoes() {
        var generator = MarkdownTextGenerator(seed: 0x5EED)
        var bytePathTexts = 0
        for _ in 0..<2_500 {
            let text = generator.document(pieces: MarkdownTextGenerator.simplePieces)
            let lines = SourceLines(text)
            expectSameLines(lines, text)
            if lines.isSimple {
                bytePathTexts += 1
                expectSameBlocks(MarkdownBlockParser.parse(lines), referenceBlocks(text), text)
            }
        }
        // The generated texts are simple unless they have a stray '\r': the byte parser must really have been tested.
        #expect(bytePathTexts > 2_000)
    }

    @Test func otherTextsAreReadOnCharacters() {
        var generator = MarkdownTextGenerator(seed: 0xC0FFEE)
        var characterPathTexts = 0
        for _ in 0..<600 {
            let text = generator.document(pieces: MarkdownTextGenerator.simplePieces + MarkdownTextGenerator.otherPieces)
            let lines = SourceLines(text)
            expectSameLines(lines, text)
            if !lines.isSimple { characterPathTexts += 1 }
            expectSameBlocks(MarkdownReader.parse(lines), referenceBlocks(text), text)
        }
        #expect(characterPathTexts > 300)
    }

    @Test func edgeCasesParseAsTheReferenceDoes() {
        let texts = [
            "", "\n", "\r\n", "\r", "\u{0C}", "a\u{0C}", "\u{0C}a", "a\u{0C}\u{0C}b\u{0C}", "  \u{0C}  \n\u{0C}x", "|", "||", "|\\|", "\\|",
            "| a | b |\n|---|---|\n| 1 | 2\\| |\n| 3 |", "a|b\n---", "a|b\n-|-\n\u{0C}c|d", "| x |\n| - |\n|\\", "#", "# ", "#######  x", "#\tx #",
            "# C# #", "```", "```\n", "~~~\ncode\n  ~~~ \nafter", "> > > q", ">", "> - item", "1.", "1. ", "1.  ", "(a) x", "(abcd) x", "iv) x",
            "ab. x", "é. x", "ß) x", "- ", "-  x", "•x", "• x", "* * *", "- - -", "_ _", "__", "===", "a\n==", "a\n--", "a\n---\nb", "<!-- x",
            "*a*", "_a_", "a_b", "é_ß", "1*2", " * ", "`", "![", "[", "[]", "[](", "[a](b", "[a][b", "[a]x", "<", "<a", "<a>", "<é>", "<1>",
            "text\r\r\nmore", "x\ry\rz", "\t\tindented\n\t\t- item", "line \t \n\t",
            // Blocks of several lines: fences with blank lines (first, last, alone), continued items and paragraphs.
            "```\n\nx\n```", "```\n\n\n```", "```\nx\n\n```", "```\n\n```", "~~~\n*a*\n\n_b_\n~~~", "- a\n  b\n  *c*", "a\nb\nc",
            "a\nb\n===", "*a*\nb\n---", "a\n***b***\nc", "> a\n> b\n\n> c", "a\n\u{0C}b\nc",
            "[" + String(repeating: "é", count: 500) + "](u)", "[" + String(repeating: "é", count: 501) + "](u)",
            "[" + String(repeating: "x", count: 500) + "](u)", "[" + String(repeating: "x", count: 501) + "](u)",
            "[a](" + String(repeating: "€", count: 1_999) + ")", "[a](" + String(repeating: "€", count: 2_000) + ")",
            "[a][" + String(repeating: "€", count: 1_998) + "]", "[a][" + String(repeating: "€", count: 1_999) + "]",
            "<a" + String(repeating: "é", count: 298) + ">", "<a" + String(repeating: "é", count: 299) + ">",
            String(repeating: "[", count: 3_000) + "]" + String(repeating: "é", count: 3_000) + "](x)",
        ]
        for text in texts {
            let lines = SourceLines(text)
            expectSameLines(lines, text)
            expectSameBlocks(MarkdownReader.parse(lines), referenceBlocks(text), text)
            if lines.isSimple {
                expectSameBlocks(MarkdownBlockParser.parse(lines), referenceBlocks(text), text)
            }
        }
    }

    @Test func inlineMarkupIsRemovedAsTheReferenceDoes() {
        var generator = MarkdownTextGenerator(seed: 42)
        for _ in 0..<5_000 {
            let text = generator.line(pieces: MarkdownTextGenerator.simplePieces + MarkdownTextGenerator.otherPieces, count: 12)
            #expect(InlineMarkdown.plain(text) == InlineMarkdown.plainCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func readDocumentsMatchTheReference() throws {
        var generator = MarkdownTextGenerator(seed: 7)
        for _ in 0..<300 {
            let text = generator.document(pieces: MarkdownTextGenerator.simplePieces)
            let read = Result { () throws(DocumentError) -> Document in
                try MarkdownReader.read(bytes: Array(text.utf8), path: "bid.md", limits: .default)
            }
            let reference = Result { () throws(DocumentError) -> Document in
                let blocks = referenceBlocks(text)
                guard blocks.contains(where: { !$0.text.isEmpty }) else { throw DocumentError(path: "bid.md", reason: .noText) }
                return try TextPagination().document(path: "bid.md", format: .markdown, blocks: blocks,
                                                     explicitPages: LegacySourceLines(text).hasFormFeeds, warnings: [], limits: .default)
            }
            #expect(read == reference, "\(text.debugDescription)")
        }
    }

    @Test func countsMatchTheStringViews() {
        var generator = MarkdownTextGenerator(seed: 9)
        for _ in 0..<4_000 {
            let text = generator.line(pieces: MarkdownTextGenerator.simplePieces + MarkdownTextGenerator.otherPieces + ["\n", "\u{0C}", "\r\n"], count: 10)
            #expect(TextCounts(text).scalars == text.unicodeScalars.count)
            // The loop wordCount had before it worked on contiguous bytes.
            var words = 0
            var inWord = false
            for byte in text.utf8 {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
                if space { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            #expect(TextCounts(text).words == words)
        }
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var generator = MarkdownTextGenerator(seed: 11)
        let interesting: [UInt8] = [0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
                                    0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var disagreements: [[UInt8]] = []
        var valid = 0
        for round in 0..<60_000 {
            // Short runs of interesting bytes, after some ASCII so that the eight-byte loop is used too.
            let prefix = [UInt8](repeating: 0x61, count: round % 11)
            let bytes = prefix + (0..<generator.next(9)).map { _ in interesting[generator.next(interesting.count)] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            if TextDecoding.isValidUTF8(bytes[...]) != expected { disagreements.append(bytes) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(valid > 5_000)
        let text = "Grüße – 😀 \u{10FFFF} \u{FFFD}"
        #expect(TextDecoding.isValidUTF8(Array(text.utf8)[...]))
    }

    @Test func byteWordMasksAreExact() {
        var generator = MarkdownTextGenerator(seed: 3)
        for _ in 0..<20_000 {
            let bytes = (0..<16).map { _ in UInt8(generator.next(256)) }
            let probe = UInt8(generator.next(256)), bound = UInt8(generator.next(0x81))
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress.map(UnsafeRawPointer.init) else { return }
                let word = ByteWords.load(base, 0)
                for index in 0..<8 {
                    let bit = UInt64(0x80) << (8 * UInt64(index))
                    #expect((ByteWords.equal(word, probe) & bit != 0) == (bytes[index] == probe))
                    #expect((ByteWords.less(word, than: bound) & bit != 0) == (bytes[index] < bound))
                }
                // Sixteen bytes at a time: the vector tests, lane by lane.
                let vector = ByteVectors.load(base, 0)
                #expect((0..<16).map { vector[$0] } == bytes)
                let spaces = ByteVectors.spaces(vector), markup = ByteVectors.markup(vector), continuations = ByteVectors.continuations(vector)
                for lane in 0..<16 {
                    let byte = bytes[lane]
                    #expect(spaces[lane] == [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(byte))
                    #expect(markup[lane] == [0x21, 0x2A, 0x3C, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60].contains(byte))
                    #expect(continuations[lane] == (byte & 0xC0 == 0x80))
                }
                let matches = vector .== ByteVectors.Vector(repeating: probe)
                #expect(ByteVectors.any(matches) == bytes.contains(probe))
                #expect(ByteVectors.first(matches) == (bytes.firstIndex(of: probe) ?? 16))
                #expect(ByteVectors.anyHigh(vector) == bytes.contains { $0 >= 0x80 })
                #expect(ByteVectors.sum(vector) == bytes.reduce(0) { $0 + Int($1) })
                #expect(ByteVectors.sum(ByteVectors.Vector() &- ByteVectors.ones(spaces)) == (0..<16).filter { spaces[$0] }.count)
                let start = generator.next(16)
                #expect(ByteWords.firstIndex(of: probe, in: buffer, from: start) == (bytes[start...].firstIndex(of: probe) ?? 16))
                #expect(ByteWords.firstNonASCII(in: buffer, from: start) == (bytes[start...].firstIndex { $0 >= 0x80 } ?? 16))
            }
        }
    }

    @Test func longTextsAreCountedAsTheStringViewsCount() {
        var generator = MarkdownTextGenerator(seed: 5)
        for _ in 0..<20 {
            // Over 254 sixteen-byte vectors, so that the byte lanes are added up more than once.
            let text = (0..<1_000).map { _ in generator.line(pieces: MarkdownTextGenerator.simplePieces + ["\n", "ééé", "\u{1F600}"], count: 4) }.joined()
            #expect(TextCounts(text).scalars == text.unicodeScalars.count)
            #expect(TextCounts(text).words == text.utf8.split(whereSeparator: { [0x20, 0x0A, 0x09, 0x0D, 0x0C].contains($0) }).count)
        }
    }

    /// Every simple scalar is a Character on its own next to ASCII and other simple scalars, and
    /// equals none of the Characters the readers look for but itself.
    @Test func simpleScalarsStandAlone() {
        let simple = (0x80...0x10FFFF).compactMap { value -> Unicode.Scalar? in
            SimpleText.isSimple(UInt32(value)) ? Unicode.Scalar(UInt32(value)) : nil
        }
        #expect(simple.count > 1_500)
        let looked: [Unicode.Scalar] = (0x09...0x7E).compactMap { Unicode.Scalar(UInt32($0)) }.filter { $0 != "\n" && $0 != "\r" }
        let targets: [Unicode.Scalar] = looked + ["•", "–", "·", "▪"]
        let neighbours = looked + simple.enumerated().filter { $0.offset % 16 == 0 }.map(\.element)
        var failures: [String] = []
        for scalar in simple {
            let character = Character(scalar)
            for target in targets where Character(target) == character && target != scalar {
                failures.append("U+\(String(scalar.value, radix: 16)) equals U+\(String(target.value, radix: 16))")
            }
            for neighbour in neighbours {
                var pair = String.UnicodeScalarView()
                pair.append(neighbour)
                pair.append(scalar)
                if String(pair).count != 2 { failures.append("U+\(String(neighbour.value, radix: 16)) U+\(String(scalar.value, radix: 16))") }
                var reversed = String.UnicodeScalarView()
                reversed.append(scalar)
                reversed.append(neighbour)
                if String(reversed).count != 2 { failures.append("U+\(String(scalar.value, radix: 16)) U+\(String(neighbour.value, radix: 16))") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
        #expect(!SimpleText.isSimple(0x0301) && !SimpleText.isSimple(0x1FEF) && !SimpleText.isSimple(0x0387) && !SimpleText.isSimple(0x1F44D))
    }

    @Test func combiningMarksAndLookalikesAreNotSimple() {
        for text in ["e\u{301}", "``\u{1FEF}", "\u{0387} x", "\u{600} |", "🇬🇧", "한", "👍🏽", "a\rb\nc"] {
            #expect(!SourceLines(text).isSimple, "\(text.debugDescription)")
        }
        #expect(SourceLines("Plain £5 – “quoted” café… §2 ±1 → ■ Ω α Ж").isSimple)
        #expect(SourceLines("old\rmac\rlines").isSimple)
        #expect(SourceLines("dos\r\nlines\r\n").isSimple)
    }
}

private extension MarkdownDifferentialTests {
    func referenceBlocks(_ text: String) -> [RawBlock] {
        var parser = MarkdownCharacterParser(lines: LegacySourceLines(text).lines)
        return parser.parse()
    }

    func expectSameLines(_ lines: SourceLines, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let legacy = LegacySourceLines(text)
        let new = lines.textLines
        #expect(lines.hasFormFeeds == legacy.hasFormFeeds, sourceLocation: sourceLocation)
        #expect(new.map { "\($0.number) \($0.pageBreakBefore) \($0.text)" } == legacy.lines.map { "\($0.number) \($0.pageBreakBefore) \($0.text)" },
                "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(new.map { Array($0.text.utf8) } == legacy.lines.map { Array($0.text.utf8) }, sourceLocation: sourceLocation)
    }

    func expectSameBlocks(_ blocks: [RawBlock], _ reference: [RawBlock], _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        func describe(_ block: RawBlock) -> String { "\(block.kind) line \(block.line) break \(block.pageBreakBefore): \(block.text.debugDescription)" }
        #expect(blocks.map(describe) == reference.map(describe), "\(text.debugDescription)", sourceLocation: sourceLocation)
        // Same scalars, not only canonically equivalent text.
        #expect(blocks.map { Array($0.text.unicodeScalars) } == reference.map { Array($0.text.unicodeScalars) }, sourceLocation: sourceLocation)
        // Counted as the reference counts its Strings (the byte parser counts its bytes as it makes them).
        #expect(blocks.map(\.counts) == reference.map(\.counts), sourceLocation: sourceLocation)
    }
}

/// `SourceLines` as it was before it worked on bytes: the reference for line splitting.
struct LegacySourceLines {
    var lines: [CharacterLine] = []
    var hasFormFeeds = false

    init(_ text: String) {
        var number = 0
        var pendingBreak = false
        let utf8 = text.utf8
        let separator: UInt8 = utf8.contains(0x0A) ? 0x0A : 0x0D
        for slice in utf8.split(separator: separator, omittingEmptySubsequences: false) {
            number += 1
            var raw = Substring(slice)
            if separator == 0x0A, raw.utf8.last == 0x0D { raw = Substring(raw.utf8.dropLast()) }
            var rest = raw
            while rest.utf8.contains(0x0C), let feed = rest.firstIndex(of: "\u{0C}") {
                let before = rest[..<feed]
                if !before.trimmingBlanks().isEmpty {
                    lines.append(CharacterLine(text: before, number: number, pageBreakBefore: pendingBreak))
                    pendingBreak = false
                }
                pendingBreak = true
                hasFormFeeds = true
                rest = rest[rest.index(after: feed)...]
            }
            lines.append(CharacterLine(text: rest, number: number, pageBreakBefore: pendingBreak && !rest.trimmingBlanks().isEmpty))
            if !rest.trimmingBlanks().isEmpty { pendingBreak = false }
        }
    }
}

/// Deterministic Markdown-ish texts built from pieces that exercise every block and inline rule.
struct MarkdownTextGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Pieces of simple text (`SimpleText`).
    static let simplePieces: [String] = [
        "word", "Board", "vision", "HWB/13/42", "2014", "£5m", "café", "“quoted”", "people’s", "2013–16", "…", "§2", "±1", "Ω", "α", "Ж", "→", "■", "ẞ",
        " ", " ", " ", "  ", "\t", " \t ",
        "#", "##", "######", "#######", "# ", "## ", "### ", "#\t", " #", "C#",
        "- ", "* ", "+ ", "• ", "– ", "· ", "▪ ", "-", "•", "1. ", "12) ", "123. ", "1234. ", "a) ", "b. ", "(c) ", "(iv) ", "ii. ", "xl) ", "ab. ", "é. ", "ß) ", "(",
        "> ", ">", "> > ", "```", "~~~", "``", "~~", "~~~~",
        "|", "| ", " | ", "|---|", "|:-:|", "---", "-", "--", ":", "***", "_ _ _", "===", "==", "=",
        "<!--", "-->", "**bold**", "*it*", "_x_", "__", "snake_case", "a * b", "é_ß", "x*y", "`code`", "`",
        "[link](http://x)", "[ref][1]", "![img](p.png)", "[", "]", "(", ")", "](", "][", "<b>", "</i>", "<!x>", "<3", "<é>", "<a", ">",
        "\\|", "\\*", "\\", "\\\\", "\\[", "\\é", "!", "!!", "![",
    ]

    /// Pieces that make text other than simple: combining marks, lookalikes, prepended marks,
    /// emoji sequences, Hangul, a stray carriage return.
    static let otherPieces: [String] = [
        "e\u{301}", " \u{301}", "|\u{301}", "#\u{301}", "-\u{301}", "*\u{301}", "`\u{301}", "\u{1FEF}", "\u{1FEF}\u{1FEF}\u{1FEF}", "\u{0387} ",
        "\u{037E}", "\u{212A}", "\u{600} ", "\u{600}|", "\u{600}\\", "👍🏽", "🇬🇧", "한", "a\u{200D}b", "\r",
    ]

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    mutating func line(pieces: [String], count: Int) -> String {
        (0..<next(count + 1)).map { _ in pieces[next(pieces.count)] }.joined()
    }

    /// A text of up to 40 lines: blank lines, table rows, fences and lines of pieces, with "\n",
    /// "\r\n" or "\r" line ends and the odd form feed.
    mutating func document(pieces: [String]) -> String {
        let ending = ["\n", "\n", "\n", "\r\n", "\r"][next(5)]
        var lines: [String] = []
        for _ in 0..<next(40) {
            switch next(10) {
            case 0: lines.append("")
            case 1: lines.append("| " + line(pieces: pieces, count: 3) + " | " + line(pieces: pieces, count: 3) + " |")
            case 2: lines.append(["|---|---|", "| - | :-: |", "---|---", "- | -"][next(4)])
            case 3: lines.append(["```", "~~~", "  ```x", "> ```"][next(4)])
            case 4: lines.append(line(pieces: pieces, count: 3) + "\u{0C}" + line(pieces: pieces, count: 3))
            default: lines.append(line(pieces: pieces, count: 8))
            }
        }
        return lines.joined(separator: ending)
    }
}
