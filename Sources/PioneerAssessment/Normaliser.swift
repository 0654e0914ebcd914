import PioneerText

/// A block's text in the form every later stage reads: Unicode folded, words hyphenated across a
/// line break joined, and the lines of a paragraph unwrapped into spaces.
struct NormalisedText: Sendable, Hashable {
    /// The normalised text as UTF-8 (case preserved: proper names need it).
    var bytes: [UInt8]
    /// Offsets in `bytes` where each source line after the first begins.
    var lineStarts: [Int]
    /// Whether `bytes` is simple text (`FastTokenizer.isSimple`), found while normalising so that
    /// tokenising does not read the text again for it.
    var isSimple: Bool

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

    /// The longest of `hyphenPrefixes`, in bytes.
    static let hyphenPrefixLimit = hyphenPrefixes.map(\.utf8.count).max() ?? 0

    /// Normalises one block's text, read in place (ASCII text, the usual case, is not copied first).
    static func normalise(_ text: String) -> NormalisedText {
        var text = text
        return text.withUTF8 { utf8 in
            // Unwrapped as it is, then checked for what folding would change (only where a byte is not ASCII).
            let unwrapped = unwrap(utf8)
            if unwrapped.isASCII || FastTokenizer.isSimple(utf8) {
                // Unwrapping drops or replaces only ASCII bytes: the text stays simple.
                return NormalisedText(bytes: unwrapped.bytes, lineStarts: unwrapped.lineStarts, isSimple: true)
            }
            let plain = folded(utf8).withUnsafeBufferPointer(unwrap)
            return NormalisedText(bytes: plain.bytes, lineStarts: plain.lineStarts,
                                  isSimple: plain.bytes.withUnsafeBufferPointer(FastTokenizer.isSimple))
        }
    }
}

private extension Normaliser {
    /// `input` (folded already, or simple) with line breaks unwrapped and spaces collapsed, and whether
    /// `input` is ASCII.
    ///
    /// Eight bytes are copied at a time while none of them needs a look (`cleanPrefix`): text without
    /// control characters or runs of spaces, the usual kind, is read a word at a time; the rest a byte
    /// at a time, as `unwrapByte` says.
    static func unwrap(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], lineStarts: [Int], isASCII: Bool) {
        var lineStarts: [Int] = []
        var seen: UInt8 = 0
        // The output is never longer than the input: bytes are only kept, replaced or dropped, so
        // `count <= index` throughout, and eight bytes stored at `count` stay within the output. It
        // starts as a copy of the input, written over: `reserveCapacity` and `append` allocate
        // without the generic metadata look-up `init(unsafeUninitializedCapacity:)` costs.
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        out.append(contentsOf: input)
        var count = 0
        out.withUnsafeMutableBufferPointer { output in
            guard let source = input.baseAddress, let target = output.baseAddress else { return }
            var chunks: UInt64 = 0
            var index = 0
            while index < input.count {
                if index &+ 8 <= input.count {
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
                    chunks |= chunk
                    UnsafeMutableRawPointer(target + count).storeBytes(of: chunk.littleEndian, as: UInt64.self)
                    let kept = cleanPrefix(chunk, after: count == 0 ? 0x20 : target[count &- 1])
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
        out.removeLast(out.count - count)
        return (out, lineStarts, seen < 0x80)
    }

    /// How many bytes of `chunk` (first byte lowest) can be kept as they are before one that must be
    /// unwrapped a byte at a time: a control character, or a space after a space (after `last`, the
    /// byte before the chunk in the output, for the first). 8 for none.
    @inline(__always)
    static func cleanPrefix(_ chunk: UInt64, after last: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Each byte OR the one before it: at most 0x20 where a space follows a space.
        let paired = chunk | chunk &<< 8 | UInt64(last)
        // High bits of bytes below 0x20, and of pairs below 0x21. The first such byte is found exactly;
        // bytes after it may be marked wrongly (a borrow), which does not matter: reading stops at the
        // first. A byte marked that needs no look (a space after a NUL) is only read the slow way.
        let marks = ((chunk &- 0x20 &* ones) & ~chunk | (paired &- 0x21 &* ones) & ~paired) & (0x80 &* ones)
        return marks.trailingZeroBitCount &>> 3
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
            // Only a word as short as the longest prefix can be one: the scan back stops one letter
            // beyond it, so a chain of hyphenated lines ("ab-\nab-\n…", one growing word) is not
            // read again from its start at every line.
            var start = count - 1
            let stop = max(0, start - hyphenPrefixLimit - 1)
            while start > stop, isLetter(output[start - 1]) { start -= 1 }
            guard count - 1 - start <= hyphenPrefixLimit else { return count - 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: output[start..<(count - 1)]), as: UTF8.self).lowercased()
            return hyphenPrefixes.contains(word) ? count : count - 1
        }
        if count > 0 {
            output[count] = 0x20
            count += 1
        }
        return count
    }

    /// Text that is not simple with each run of non-ASCII characters folded (`TextFolding.fold`, which
    /// reads a character without the ones around it), ASCII copied as it is, eight bytes at a time:
    /// unwrapping reads '\t' as ' ' and '\r' (alone or before '\n') as one line break, as folding has them.
    static func folded(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        // Replacements are never longer than what they replace.
        bytes.reserveCapacity(utf8.count)
        var start = 0
        while start < utf8.count {
            var end = start
            if let base = utf8.baseAddress {
                while end &+ 8 <= utf8.count, UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    end &+= 8
                }
            }
            while end < utf8.count, utf8[end] < 0x80 { end += 1 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
            start = end
            while end < utf8.count, utf8[end] >= 0x80 { end += 1 }
            if end > start { bytes.append(contentsOf: TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: utf8[start..<end]))) }
            start = end
        }
        return bytes
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
