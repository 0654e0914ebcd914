/// The lines of a text with their 1-based numbers and whether a form feed came before each, kept
/// as ranges of the text's UTF-8 bytes so that readers can work on bytes.
///
/// Lines end at '\n' (a '\r' before it is dropped), or at '\r' alone in old Mac files without any
/// '\n'. A form feed splits a line: the text before it keeps the line, the text after it starts a
/// new page. A form feed after the last text does not start a page of its own.
struct SourceLines {
    /// One line: `bytes[start..<end]`, without its line break or form feeds.
    struct Line {
        var start: Int
        var end: Int
        var number: Int
        var pageBreakBefore: Bool

        var isEmpty: Bool { start >= end }
    }

    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    private(set) var lines: [Line] = []
    private(set) var hasFormFeeds = false
    /// True when every scalar of the text is `SimpleText` and no '\r' is left inside a line: every
    /// Character of every line is then one Unicode scalar, so Character-level reading and reading
    /// the bytes agree (see `SimpleText`).
    private(set) var isSimple = true
    /// True when the text has no control character other than tab, line feed, form feed and carriage
    /// return: every byte up to 0x20 is then a space to `TextCounts`.
    private(set) var lowBytesAreSpaces = true

    init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// The lines of valid UTF-8.
    init(utf8: [UInt8]) {
        self.init(utf8: utf8, summary: utf8.withUnsafeBufferPointer { ByteSummary($0) })
    }

    /// The lines of valid UTF-8 whose `ByteSummary` is known, and perhaps whether all its scalars are simple.
    init(utf8: [UInt8], summary: ByteSummary, simpleScalars: Bool? = nil) {
        bytes = utf8
        lines.reserveCapacity((summary.hasLineFeed ? summary.lineFeeds : summary.carriageReturns) + 1)
        let separator: UInt8 = summary.hasLineFeed ? 0x0A : 0x0D
        var strippedReturns = 0
        bytes.withUnsafeBufferPointer { buffer in
            var number = 0
            var pendingBreak = false
            var start = 0
            if separator == 0x0A && !summary.hasFormFeed {
                // The summary found every line feed: each ends a line.
                for end in summary.lineFeedPositions {
                    number += 1
                    addLine(buffer, start, end, number: number, strippedReturns: &strippedReturns)
                    start = end + 1
                }
                addLine(buffer, start, buffer.count, number: number + 1, strippedReturns: &strippedReturns)
                return
            }
            while true {
                let end = ByteWords.firstIndex(of: separator, in: buffer, from: start)
                number += 1
                var lineEnd = end
                if separator == 0x0A, lineEnd > start, buffer[lineEnd - 1] == 0x0D {
                    lineEnd -= 1
                    strippedReturns += 1
                }
                if summary.hasFormFeed {
                    addSplittingFormFeeds(buffer, start, lineEnd, number: number, pendingBreak: &pendingBreak)
                } else {
                    lines.append(Line(start: start, end: lineEnd, number: number, pageBreakBefore: false))
                }
                guard end < buffer.count else { break }
                start = end + 1
            }
        }
        lowBytesAreSpaces = !summary.hasOtherControls
        let strayReturn = separator == 0x0A && summary.carriageReturns > strippedReturns
        isSimple = !strayReturn && (!summary.hasNonASCII || (simpleScalars ?? SimpleText.isSimple(bytes)))
    }

    /// Every line as Substrings of the text, for readers that work on Characters.
    var textLines: [CharacterLine] {
        let text = String(decoding: bytes, as: UTF8.self)
        let utf8 = text.utf8
        return lines.map { line in
            let start = utf8.index(utf8.startIndex, offsetBy: line.start)
            let end = utf8.index(start, offsetBy: line.end - line.start)
            return CharacterLine(text: Substring(utf8[start..<end]), number: line.number, pageBreakBefore: line.pageBreakBefore)
        }
    }
}

/// A line of text as Characters: its text, 1-based number and whether a form feed came before it.
struct CharacterLine {
    var text: Substring
    var number: Int
    var pageBreakBefore: Bool
}

private extension SourceLines {
    /// Adds the line `bytes[start..<end]` (without a '\r' before its '\n').
    mutating func addLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Int, strippedReturns: inout Int) {
        var lineEnd = end
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D {
            lineEnd -= 1
            strippedReturns += 1
        }
        lines.append(Line(start: start, end: lineEnd, number: number, pageBreakBefore: false))
    }

    /// Adds the line `bytes[start..<end]`, split at its form feeds; blank text before a form feed is dropped.
    mutating func addSplittingFormFeeds(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Int, pendingBreak: inout Bool) {
        var rest = start
        while let feed = (rest..<end).first(where: { bytes[$0] == 0x0C }) {
            if !Self.isBlank(bytes, rest, feed) {
                lines.append(Line(start: rest, end: feed, number: number, pageBreakBefore: pendingBreak))
                pendingBreak = false
            }
            pendingBreak = true
            hasFormFeeds = true
            rest = feed + 1
        }
        let blank = Self.isBlank(bytes, rest, end)
        lines.append(Line(start: rest, end: end, number: number, pageBreakBefore: pendingBreak && !blank))
        if !blank { pendingBreak = false }
    }

    /// True when `bytes[start..<end]` holds only spaces and tabs.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
    }
}

/// Text that can be read on bytes with the same result as on Characters.
///
/// Swift compares Characters by canonical equivalence and groups scalars into grapheme clusters:
/// " \u{301}" is one Character, not a space, and "\u{1FEF}" equals "`". The readers look for ASCII
/// markup and a few bullets ("•", "–", "·", "▪"). Reading bytes gives the same answer as reading
/// Characters when every scalar stands alone as a Character next to anything (no combining
/// marks, joiners, prepended marks, Hangul jamo or regional indicators) and is canonically
/// equivalent to no other scalar the readers look for (not U+037E ";", U+0387 "·", U+1FEF "`",
/// U+212A "K"). The scalars below qualify (a test checks them against the Unicode tables of the
/// standard library); text with any other scalar is read on Characters.
enum SimpleText {
    static func isSimple(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x037E, 0x0387, 0x2126, 0x212A, 0x212B: return false
        case 0x0000...0x02FF,  // ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifier letters
             0x0370...0x03FF,  // Greek (without combining marks)
             0x0400...0x0482, 0x048A...0x052F,  // Cyrillic without combining marks
             0x1E00...0x1EFF,  // Latin Extended Additional
             0x2010...0x2027, 0x2030...0x205E,  // dashes, quotes, bullets, ellipsis, primes
             0x20A0...0x20C0,  // currency signs
             0x2100...0x214F,  // letterlike symbols
             0x2190...0x22FF,  // arrows, mathematical operators
             0x25A0...0x25FF,  // geometric shapes
             0xFFFD:
            return true
        default:
            return false
        }
    }

    /// True when every scalar of valid UTF-8 `bytes` is simple.
    static func isSimple(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = ByteWords.firstNonASCII(in: buffer, from: 0)
            while index < buffer.count {
                let (scalar, length) = UTF8Bytes.scalar(buffer, at: index)
                guard isSimple(scalar) else { return false }
                index = ByteWords.firstNonASCII(in: buffer, from: index + length)
            }
            return true
        }
    }

    /// True when the string is simple and has no '\r' (which would join a following '\n').
    static func isSimple(_ text: String) -> Bool {
        !text.utf8.contains(0x0D) && isSimple(Array(text.utf8))
    }
}

extension String {
    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.firstNonASCII(in: bytes, from: 0) == bytes.count
    }
}

/// Decoding scalars in valid UTF-8.
enum UTF8Bytes {
    /// The scalar starting at `index` and its length in bytes; U+FFFD for a stray continuation byte.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 1 else { return length == 1 ? (lead, 1) : (0xFFFD, 1) }
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// The scalar ending just before `index` (index > 0).
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt32 {
        var start = index - 1
        while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(bytes, at: start).0
    }

    /// True for a lowercase letter, as `Character.isLetter && Character.isLowercase` says.
    static func isLowercaseLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x61 && scalar <= 0x7A }
        guard let value = Unicode.Scalar(scalar) else { return false }
        let character = Character(value)
        return character.isLetter && character.isLowercase
    }

    /// True for a letter or number, as `Character.isLetter || Character.isNumber` says.
    static func isLetterOrNumber(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar >= 0x61 && scalar <= 0x7A) || (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x30 && scalar <= 0x39) }
        guard let value = Unicode.Scalar(scalar) else { return false }
        let character = Character(value)
        return character.isLetter || character.isNumber
    }

    /// True for a letter, as `Character.isLetter` says.
    static func isLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar >= 0x61 && scalar <= 0x7A) || (scalar >= 0x41 && scalar <= 0x5A) }
        guard let value = Unicode.Scalar(scalar) else { return false }
        return Character(value).isLetter
    }
}
