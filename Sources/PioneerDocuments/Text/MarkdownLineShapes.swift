/// The shapes of lines, on the bytes of simple text (`SimpleText`). Every Character of simple text is
/// one scalar, so these agree with the Character-level tests of `MarkdownCharacterParser` and
/// `PlainTextReader.listItem`. A value of two words, so that the parser passes it around for nothing.
struct MarkdownLineShapes {
    let bytes: UnsafeBufferPointer<UInt8>

    func span(_ line: SourceLines.Line) -> ByteSpan { ByteSpan(start: line.start, end: line.end) }

    /// False when a line whose text (without quote markers and blanks) starts with `byte` can only
    /// be a paragraph line or a table row: thematic breaks, comments, ATX headings, fences and list
    /// items start with one of # - * _ < ` ~ + ( a digit, a lowercase letter, or a non-ASCII
    /// scalar (a bullet, or a lowercase letter as a list label).
    func mayOpenBlock(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "<"), UInt8(ascii: "`"),
             UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...:
            return true
        default:
            return false
        }
    }

    /// The line without block-quote markers ("> > text" → "text").
    func unquoted(_ line: ByteSpan) -> ByteSpan {
        var rest = line
        while true {
            var position = rest.start
            while position < rest.end && bytes[position] == 0x20 { position += 1 }
            guard position < rest.end && bytes[position] == UInt8(ascii: ">") else { return rest }
            rest.start = position + 1
        }
    }

    /// The text without leading and trailing spaces and tabs.
    func trimmed(_ span: ByteSpan) -> ByteSpan {
        var result = span
        while result.start < result.end && (bytes[result.start] == 0x20 || bytes[result.start] == 0x09) { result.start += 1 }
        while result.end > result.start && (bytes[result.end - 1] == 0x20 || bytes[result.end - 1] == 0x09) { result.end -= 1 }
        return result
    }

    /// The first position of '|' or '\\' in `start..<end` (within the text), or `end`; sixteen bytes at a time.
    func nextBarOrBackslash(from start: Int, to end: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            while end &- index >= 16 {
                let vector = ByteVectors.load(base, index)
                let marks = (vector .== ByteVectors.Vector(repeating: UInt8(ascii: "|"))) .| (vector .== ByteVectors.Vector(repeating: UInt8(ascii: "\\")))
                if ByteVectors.any(marks) { return index + ByteVectors.first(marks) }
                index &+= 16
            }
        }
        while index < end && bytes[index] != UInt8(ascii: "|") && bytes[index] != UInt8(ascii: "\\") { index += 1 }
        return index
    }

    func contains(_ span: ByteSpan, _ byte: UInt8) -> Bool {
        bytes[span.start..<span.end].contains(byte)
    }

    func hasPrefix(_ span: ByteSpan, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            span.end - span.start >= prefix.count && prefix.indices.allSatisfy { bytes[span.start + $0] == prefix[$0] }
        }
    }

    /// True when the span starts with three `byte`s.
    func hasThree(_ byte: UInt8, _ span: ByteSpan) -> Bool {
        span.end - span.start >= 3 && bytes[span.start] == byte && bytes[span.start + 1] == byte && bytes[span.start + 2] == byte
    }

    func atxLevel(_ body: ByteSpan) -> Int? {
        var position = body.start
        while position < body.end && bytes[position] == UInt8(ascii: "#") { position += 1 }
        let hashes = position - body.start
        guard (1...6).contains(hashes) else { return nil }
        return position == body.end || bytes[position] == 0x20 || bytes[position] == 0x09 ? hashes : nil
    }

    func setextLevel(_ body: ByteSpan) -> Int? {
        guard body.end - body.start >= 2 else { return nil }
        if bytes[body.start..<body.end].allSatisfy({ $0 == UInt8(ascii: "=") }) { return 1 }
        if bytes[body.start..<body.end].allSatisfy({ $0 == UInt8(ascii: "-") }) { return 2 }
        return nil
    }

    /// Three or more of one of "-", "*", "_", perhaps with spaces between.
    func isThematicBreak(_ body: ByteSpan) -> Bool {
        guard !body.isEmpty else { return false }
        let first = bytes[body.start]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        var marks = 0
        for byte in bytes[body.start..<body.end] {
            if byte == first { marks += 1 } else if byte != 0x20 { return false }
        }
        return marks >= 3
    }

    func isFence(_ body: ByteSpan) -> Bool { hasThree(UInt8(ascii: "`"), body) || hasThree(UInt8(ascii: "~"), body) }

    /// Only bars, dashes, colons and blanks, with at least one dash.
    func isTableSeparator(_ body: ByteSpan) -> Bool {
        var dash = false
        for byte in bytes[body.start..<body.end] {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        return dash
    }

    /// A bulleted or numbered line: its nesting level (from indentation) and its text, as `PlainTextReader.listItem`.
    func listItem(_ line: ByteSpan) -> (Int, ByteSpan)? {
        var position = line.start
        while position < line.end && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        let indent = position - line.start
        guard let markerEnd = listMarkerEnd(from: position, to: line.end) else { return nil }
        let text = trimmed(ByteSpan(start: markerEnd, end: line.end))
        guard !text.isEmpty else { return nil }
        return (min(indent / 2 + 1, 9), text)
    }

    /// Where the text after a list marker at `start` begins: a bullet and a space, or a number,
    /// lowercase letter or roman numeral (perhaps after "("), then "." or ")" and a space.
    func listMarkerEnd(from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        let (first, firstLength) = scalar(at: start)
        switch first {
        case 0x2D, 0x2A, 0x2022, 0x2B, 0x2013, 0xB7, 0x25AA:  // - * • + – · ▪
            let after = start + firstLength
            return after < end && bytes[after] == 0x20 ? after + 1 : nil
        default:
            break
        }
        var position = start
        var length = 0
        if first == 0x28 { position += 1; length = 1 }  // (
        var label = 0, allDigits = true, allRoman = true
        while position < end, length < 5 {
            let (scalar, size) = scalar(at: position)
            let digit = scalar >= 0x30 && scalar <= 0x39
            guard digit || UTF8Bytes.isLowercaseLetter(scalar) else { break }
            allDigits = allDigits && digit
            allRoman = allRoman && (scalar == 0x69 || scalar == 0x76 || scalar == 0x78 || scalar == 0x6C)  // i v x l
            position += size
            length += 1
            label += 1
        }
        guard label > 0, label <= 3, allDigits || label == 1 || allRoman else { return nil }
        guard position < end, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")") else { return nil }
        position += 1
        guard position < end, bytes[position] == 0x20 else { return nil }
        return position + 1
    }

    /// The scalar at `position` and its length in bytes.
    func scalar(at position: Int) -> (UInt32, Int) {
        let byte = bytes[position]
        if byte < 0x80 { return (UInt32(byte), 1) }
        return UTF8Bytes.scalar(bytes, at: position)
    }
}
