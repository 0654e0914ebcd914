import PioneerText

/// A block's text in the form every later stage reads: Unicode folded, words hyphenated across a
/// line break joined, and the lines of a paragraph unwrapped into spaces.
struct NormalisedText: Sendable, Hashable {
    /// The normalised text as UTF-8 (case preserved: proper names need it).
    var bytes: [UInt8]
    /// Offsets in `bytes` where each source line after the first begins.
    var lineStarts: [Int]

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// How many source lines lie before `offset` (0 for the block's first line).
    func linesBefore(_ offset: Int) -> Int {
        var count = 0
        for start in lineStarts where start <= offset { count += 1 }
        return count
    }

    /// The text between two offsets, spaces trimmed.
    func text(_ range: Range<Int>) -> String {
        var lower = max(0, range.lowerBound), upper = min(bytes.count, range.upperBound)
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// Turns a block's text as read into `NormalisedText`.
///
/// A hyphen that ends a line between letters joins the two parts: "Well-\nbeing" is "Wellbeing", but a
/// known prefix keeps its hyphen ("co-\nordinated" is "co-ordinated").
enum Normaliser {
    /// Prefixes whose hyphen is a real one when a word breaks after them.
    static let hyphenPrefixes: Set<String> = [
        "co", "re", "pre", "non", "self", "multi", "cross", "anti", "post", "sub", "semi", "ex", "inter", "intra", "long",
        "short", "joined", "person", "cost", "high", "low", "third",
    ]

    /// Normalises one block's text.
    static func normalise(_ text: String) -> NormalisedText {
        let folded = foldedBytes(text)
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        var lineStarts: [Int] = []
        var index = 0
        while index < folded.count {
            let byte = folded[index]
            if byte == 0x0A {
                trimTrailingSpaces(&out)
                if out.last == 0x2D, endsWithLetterBeforeHyphen(out), index + 1 < folded.count, isLetter(folded[index + 1]) {
                    if !hyphenPrefixes.contains(wordBeforeHyphen(out)) { out.removeLast() }
                } else if !out.isEmpty, out.last != 0x20 {
                    out.append(0x20)
                }
                lineStarts.append(out.count)
                index += 1
                while index < folded.count, folded[index] == 0x20 { index += 1 }
                continue
            }
            if byte == 0x20, out.last == 0x20 { index += 1; continue }
            out.append(byte == 0x0C || byte == 0x0B ? 0x20 : byte)
            index += 1
        }
        trimTrailingSpaces(&out)
        return NormalisedText(bytes: out, lineStarts: lineStarts)
    }
}

private extension Normaliser {
    /// `TextFolding.fold` as UTF-8, with "\r\n" read as one line break; ASCII text (and '£') takes a
    /// fast path: folding only changes tabs and carriage returns there.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var ascii = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x80, !(byte == 0xC2 || (byte == 0xA3 && previous == 0xC2)) { ascii = false }
            if previous == 0xC2, byte != 0xA3 { ascii = false }
            if byte == 0x0A, previous == 0x0D { previous = byte; continue }
            bytes.append(byte == 0x0D ? 0x0A : (byte == 0x09 ? 0x20 : byte))
            previous = byte
        }
        return ascii ? bytes : Array(TextFolding.fold(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    static func trimTrailingSpaces(_ bytes: inout [UInt8]) {
        while bytes.last == 0x20 { bytes.removeLast() }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static func endsWithLetterBeforeHyphen(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && isLetter(bytes[bytes.count - 2])
    }

    /// The lower-cased letters between the last space or hyphen and the final hyphen.
    static func wordBeforeHyphen(_ bytes: [UInt8]) -> String {
        var start = bytes.count - 1
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<(bytes.count - 1)], as: UTF8.self).lowercased()
    }
}
