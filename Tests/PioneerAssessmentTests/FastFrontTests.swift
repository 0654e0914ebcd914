import PioneerText
import Testing
@testable import PioneerAssessment

/// The word-at-a-time `Normaliser` and `FastTokenizer` against the byte-at-a-time way they replaced,
/// on texts built to meet every boundary: lengths around 8 and 16, runs of spaces and line breaks
/// across chunk edges, words of 8, 9, 16 and 17 letters, non-ASCII bytes, and text ends.
@Suite struct FastFrontTests {
    static let pieces: [String] = [
        " ", " ", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{01}", "-", "-\n", "co-\n", "a", "B", "word",
        "Health", "wellbeing", "Integrated", "commissioning", "neighbourhoods", "Interdisciplinary", "eightchr", "ninechars",
        "sixteenletterswd", "seventeenletterss", "2014", "1,200", "3.5", "12.", ",5", "£", "£2.4m", "&", "%", "$", "/", "2013/14",
        ";", ":", ".", ",", "'", "(", ")", "é", "naïve", "\u{2013}", "\u{201C}", "\u{00A0}", "x",
        "Zeal", "NHS", "ABCDEFGHIJKLMNOPQ", "@", "~", "[x]", "{", "`",
    ]

    @Test func normaliserAgreesWithTheByteAtATimeWay() {
        var random = SplitMix(seed: 7)
        for text in Self.texts(&random, count: 4000) + Self.edges {
            let fast = Normaliser.normalise(text)
            let reference = Reference.normalise(text)
            #expect(fast.bytes == reference.bytes, "\(Array(text.utf8))")
            #expect(fast.lineStarts == reference.lineStarts, "\(Array(text.utf8))")
            #expect(fast.isSimple == fast.bytes.withUnsafeBufferPointer(FastTokenizer.isSimple), "\(Array(text.utf8))")
        }
    }

    @Test func tokensAgreeWithWordTokenizer() {
        var random = SplitMix(seed: 11)
        let matcher = PhraseMatcher(phrases: [])
        // One table for all texts, as in a batch: words are both new and already held.
        var table = WordTable()
        var referenceTable = WordTable()
        for text in Self.texts(&random, count: 4000) + Self.edges {
            let normalised = Normaliser.normalise(text)
            let bytes = normalised.bytes
            var fast: [DocToken] = []
            guard FastTokenizer.appendTokens(of: normalised, table: &table, matcher: matcher, to: &fast) else {
                #expect(!bytes.withUnsafeBufferPointer(FastTokenizer.isSimple))
                continue
            }
            let reference = Reference.tokens(bytes, table: &referenceTable, matcher: matcher)
            #expect(fast == reference, "\(bytes)")
            #expect(fast.map { table.text($0.word) } == reference.map { referenceTable.text($0.word) })
        }
        #expect(table.count == referenceTable.count)
    }

    @Test func tokensOfTextLongerThanABatch() {
        let text = Array(repeating: "Pooled budgets; £3.5m (2013/14) & more:", count: 40).joined(separator: " ")
        let matcher = PhraseMatcher(phrases: [])
        var table = WordTable(), referenceTable = WordTable()
        var fast: [DocToken] = []
        let normalised = Normaliser.normalise(text)
        let bytes = normalised.bytes
        #expect(FastTokenizer.appendTokens(of: normalised, table: &table, matcher: matcher, to: &fast))
        #expect(fast.count > 64 * 3)
        #expect(fast == Reference.tokens(bytes, table: &referenceTable, matcher: matcher))
    }

    /// Texts whose ends fall on every offset of a chunk.
    static let edges: [String] = (0..<34).flatMap { length in
        [String(repeating: "a", count: length), String(repeating: " ", count: length), String(repeating: "ab ", count: length),
         String(repeating: "x", count: length) + "  y", "  " + String(repeating: "Q", count: length) + "\n"]
    }

    static func texts(_ random: inout SplitMix, count: Int) -> [String] {
        (0..<count).map { _ in
            (0..<random.next(below: 14)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
        }
    }
}

/// The byte-at-a-time normaliser and the `WordTokenizer`-based tokens, as they were before.
private enum Reference {
    static func normalise(_ text: String) -> (bytes: [UInt8], lineStarts: [Int]) {
        let utf8 = Array(text.utf8)
        if utf8.withUnsafeBufferPointer({ FastTokenizer.isSimple($0) }) { return unwrap(utf8) }
        var bytes = utf8
        if utf8.contains(0x0D) {
            bytes = utf8.indices.filter { !(utf8[$0] == 0x0D && $0 + 1 < utf8.count && utf8[$0 + 1] == 0x0A) }.map { utf8[$0] }
        }
        return unwrap(bytes.withUnsafeBufferPointer { TextFolding.fold(utf8: $0) })
    }

    static func unwrap(_ input: [UInt8]) -> (bytes: [UInt8], lineStarts: [Int]) {
        var output: [UInt8] = []
        var lineStarts: [Int] = []
        var index = 0
        while index < input.count {
            var byte = input[index]
            if byte > 0x20 {
                output.append(byte)
                index += 1
                continue
            }
            if byte == 0x0D {
                if index + 1 < input.count, input[index + 1] == 0x0A { index += 1; continue }
                byte = 0x0A
            }
            index += 1
            if byte == 0x0A {
                breakLine(&output, nextIsLetter: index < input.count && isLetter(input[index]))
                lineStarts.append(output.count)
                while index < input.count, input[index] == 0x20 || input[index] == 0x09 { index += 1 }
                continue
            }
            if byte == 0x09 || byte == 0x0B || byte == 0x0C { byte = 0x20 }
            if byte == 0x20, output.last ?? 0x20 == 0x20 { continue }
            output.append(byte)
        }
        while output.last == 0x20 { output.removeLast() }
        return (output, lineStarts)
    }

    static func breakLine(_ output: inout [UInt8], nextIsLetter: Bool) {
        while output.last == 0x20 { output.removeLast() }
        let count = output.count
        if count >= 2, output[count - 1] == 0x2D, isLetter(output[count - 2]), nextIsLetter {
            var start = count - 1
            while start > 0, isLetter(output[start - 1]) { start -= 1 }
            let word = String(decoding: output[start..<(count - 1)], as: UTF8.self).lowercased()
            if !Normaliser.hyphenPrefixes.contains(word) { output.removeLast() }
            return
        }
        if count > 0 { output.append(0x20) }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static func tokens(_ bytes: [UInt8], table: inout WordTable, matcher: PhraseMatcher) -> [DocToken] {
        var previousEnd = 0
        return WordTokenizer.tokens(in: String(decoding: bytes, as: UTF8.self)).map { token in
            var gap = FastTokenizer.Gap()
            for byte in bytes[min(previousEnd, token.start)..<token.start] { gap.add(byte) }
            previousEnd = token.end
            return bytes.withUnsafeBufferPointer { buffer in
                DocToken(word: table.intern(Array(token.text.utf8), matcher: matcher), start: Int32(token.start), end: Int32(token.end),
                         capitalised: FastTokenizer.isCapitalised(buffer, at: token.start), breakBefore: gap.breaks,
                         slashBefore: gap.slash && token.start > 0 && bytes[token.start - 1] == 0x2F, separatedBefore: gap.separated)
            }
        }
    }
}
