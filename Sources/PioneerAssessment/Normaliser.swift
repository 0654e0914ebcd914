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

    /// Normalises one block's text, read in place (ASCII text, the usual case, is not copied first).
    static func normalise(_ text: String) -> NormalisedText {
        var text = text
        return text.withUTF8 { utf8 in
            if FastTokenizer.isSimple(utf8) { return normalise(folded: utf8) }
            return folded(utf8).withUnsafeBufferPointer { normalise(folded: $0) }
        }
    }

    /// `NormalisedText` of text already folded: line breaks unwrapped, spaces collapsed.
    static func normalise(folded input: UnsafeBufferPointer<UInt8>) -> NormalisedText {
        var lineStarts: [Int] = []
        // The output is never longer than the input: bytes are only kept, replaced or dropped.
        let out = [UInt8](unsafeUninitializedCapacity: max(1, input.count)) { output, count in
            count = 0
            var index = 0
            while index < input.count {
                var byte = input[index]
                if byte > 0x20 {
                    // Neither a space nor a control character: kept as it is.
                    output[count] = byte
                    count += 1
                    index += 1
                    continue
                }
                if byte == 0x0D {
                    if index + 1 < input.count, input[index + 1] == 0x0A { index += 1; continue }
                    byte = 0x0A
                }
                index += 1
                if byte == 0x0A {
                    count = breakLine(output, count, nextIsLetter: index < input.count && isLetter(input[index]))
                    lineStarts.append(count)
                    while index < input.count, input[index] == 0x20 || input[index] == 0x09 { index += 1 }
                    continue
                }
                if byte == 0x09 || byte == 0x0B || byte == 0x0C { byte = 0x20 }
                if byte == 0x20, count == 0 || output[count - 1] == 0x20 { continue }
                output[count] = byte
                count += 1
            }
            while count > 0, output[count - 1] == 0x20 { count -= 1 }
        }
        return NormalisedText(bytes: out, lineStarts: lineStarts)
    }
}

private extension Normaliser {
    /// Ends a source line in `output[..<count]`: trailing spaces go, a hyphen between letters joins
    /// the word (dropped unless after a known prefix), otherwise one space. Returns the new count.
    static func breakLine(_ output: UnsafeMutableBufferPointer<UInt8>, _ count: Int, nextIsLetter: Bool) -> Int {
        var count = count
        while count > 0, output[count - 1] == 0x20 { count -= 1 }
        if count >= 2, output[count - 1] == 0x2D, isLetter(output[count - 2]), nextIsLetter {
            var start = count - 1
            while start > 0, isLetter(output[start - 1]) { start -= 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: output[start..<(count - 1)]), as: UTF8.self).lowercased()
            return hyphenPrefixes.contains(word) ? count : count - 1
        }
        if count > 0 {
            output[count] = 0x20
            count += 1
        }
        return count
    }

    /// `TextFolding.fold` of text that is not simple, as UTF-8.
    static func folded(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Folding turns '\r' into '\n'; drop the '\r' of "\r\n" first so that it stays one line break.
        guard utf8.contains(0x0D) else { return TextFolding.fold(utf8: utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for index in utf8.indices where !(utf8[index] == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A) {
            bytes.append(utf8[index])
        }
        return bytes.withUnsafeBufferPointer { TextFolding.fold(utf8: $0) }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
