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
            // Unwrapped as it is, then checked for what folding would change (only where a byte is not ASCII).
            let (unwrapped, isASCII) = unwrap(utf8)
            if isASCII || FastTokenizer.isSimple(utf8) { return unwrapped }
            return folded(utf8).withUnsafeBufferPointer { unwrap($0).text }
        }
    }

    /// `NormalisedText` of text already folded: line breaks unwrapped, spaces collapsed.
    static func normalise(folded input: UnsafeBufferPointer<UInt8>) -> NormalisedText {
        unwrap(input).text
    }
}

private extension Normaliser {
    /// `normalise(folded:)` of `input`, and whether `input` is ASCII.
    ///
    /// Eight bytes are copied at a time while none of them needs a look (`attention`): text without
    /// control characters or runs of spaces, the usual kind, is read a word at a time; the rest a byte
    /// at a time, as `unwrapByte` says.
    static func unwrap(_ input: UnsafeBufferPointer<UInt8>) -> (text: NormalisedText, isASCII: Bool) {
        var lineStarts: [Int] = []
        var seen: UInt8 = 0
        // The output is never longer than the input: bytes are only kept, replaced or dropped, so
        // `count <= index` throughout, and eight bytes stored at `count` stay within the output.
        let out = [UInt8](unsafeUninitializedCapacity: max(1, input.count)) { output, count in
            count = 0
            guard let source = input.baseAddress, let target = output.baseAddress else { return }
            var chunks: UInt64 = 0
            var index = 0
            while index < input.count {
                if index &+ 8 <= input.count {
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
                    chunks |= chunk
                    UnsafeMutableRawPointer(target + count).storeBytes(of: chunk.littleEndian, as: UInt64.self)
                    let kept = attention(chunk, afterSpace: count == 0 || target[count &- 1] == 0x20).trailingZeroBitCount &>> 3
                    count &+= kept
                    index &+= kept
                    if kept == 8 { continue }
                }
                seen |= input[index]
                unwrapByte(input, at: &index, into: output, count: &count, lineStarts: &lineStarts)
            }
            while count > 0, output[count - 1] == 0x20 { count -= 1 }
            if chunks & 0x8080_8080_8080_8080 != 0 { seen |= 0x80 }
        }
        return (NormalisedText(bytes: out, lineStarts: lineStarts), seen < 0x80)
    }

    /// The high bit of each byte of `chunk` (first byte lowest) that must be unwrapped a byte at a
    /// time: a control character, or a space after a space (after `afterSpace`, for the first byte).
    @inline(__always)
    static func attention(_ chunk: UInt64, afterSpace: Bool) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = 0x80 &* ones, low = 0x7F &* ones
        // Below 0x20: bits 7, 6 and 5 all clear.
        let controls = ~(chunk | chunk &<< 1 | chunk &<< 2) & high
        // Exactly 0x20: the byte XOR 0x20 is zero.
        let other = chunk ^ (0x20 &* ones)
        let spaces = ~(((other & low) &+ low) | other) & high
        return controls | spaces & (spaces &<< 8 | (afterSpace ? 0x80 : 0))
    }

    /// Unwraps the byte at `index` into `output[..<count]` (a line break with the spaces that begin the
    /// next line) and moves `index` past it.
    @inline(__always)
    static func unwrapByte(_ input: UnsafeBufferPointer<UInt8>, at index: inout Int, into output: UnsafeMutableBufferPointer<UInt8>,
                           count: inout Int, lineStarts: inout [Int]) {
        var byte = input[index]
        if byte > 0x20 {
            // Neither a space nor a control character: kept as it is.
            output[count] = byte
            count += 1
            index += 1
            return
        }
        if byte == 0x0D {
            if index + 1 < input.count, input[index + 1] == 0x0A {
                index += 1
                return
            }
            byte = 0x0A
        }
        index += 1
        if byte == 0x0A {
            count = breakLine(output, count, nextIsLetter: index < input.count && isLetter(input[index]))
            lineStarts.append(count)
            while index < input.count, input[index] == 0x20 || input[index] == 0x09 { index += 1 }
            return
        }
        if byte == 0x09 || byte == 0x0B || byte == 0x0C { byte = 0x20 }
        if byte == 0x20, count == 0 || output[count - 1] == 0x20 { return }
        output[count] = byte
        count += 1
    }

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
