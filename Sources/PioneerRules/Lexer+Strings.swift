/// String literals: `"…"` with escapes, and `"""` blocks with Swift's indentation stripping.
extension Lexer {
    /// string := '"' (char | escape)* '"' | '"""' NEWLINE line* INDENT '"""'
    mutating func lexString(start: SourceLocation, into bag: inout DiagnosticBag) -> Token {
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
            return lexMultilineString(start: start, into: &bag)
        }
        advance()
        let first = index
        let contentStart = location
        // One pass finds the end, counts the columns and notes escapes: the content holds no line
        // break, so the column moves by its scalar count, and without a backslash there is nothing to decode.
        let content = scanString(from: index)
        (index, column) = (content.end, column + content.scalars)
        if peek() != UInt8(ascii: "\"") { bag.add(.unterminatedString, at: start, end: location) }
        let terminated = peek() == UInt8(ascii: "\"")
        if terminated { advance() }
        let value = content.hasBackslash
            ? decodeEscapes(bytes[first..<content.end], at: contentStart, into: &bag)
            : text(from: first, to: content.end)
        return Token(kind: .string, text: value, location: start, end: location, isMalformed: !terminated)
    }
}

private extension Lexer {
    /// Where a one-line string's content ends (its closing quote, a line break, or the end of the text),
    /// how many Unicode scalars it holds, and whether it holds a backslash. A backslash takes the byte
    /// after it along (unless that is a line break), so the content never holds a line break.
    func scanString(from start: Int) -> (end: Int, scalars: Int, hasBackslash: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            var i = start
            var scalars = 0
            var hasBackslash = false
            while i < buffer.count {
                // Eight ASCII bytes at a time while none ends the string or is a backslash (nearly all text).
                if i + 8 <= buffer.count,
                   !StringScan.mayStop(UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    scalars += 8
                    continue
                }
                let byte = buffer[i]
                if byte == 0x0A || byte == UInt8(ascii: "\"") { break }
                i += 1
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == UInt8(ascii: "\\") {
                    hasBackslash = true
                    // The escaped byte: a scalar unless it continues one (an invalid escape of a non-ASCII
                    // character); counted here because the loop steps over it.
                    if i < buffer.count, buffer[i] != 0x0A {
                        if buffer[i] & 0xC0 != 0x80 { scalars += 1 }
                        i += 1
                    }
                }
            }
            return (i, scalars, hasBackslash)
        }
    }

    mutating func lexMultilineString(start: SourceLocation, into bag: inout DiagnosticBag) -> Token {
        advance(); advance(); advance()
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D { advance() }
        guard peek() == 0x0A else {
            bag.add(.multilineStringOpening, at: start, end: location)
            while let byte = peek(), byte != 0x0A { advance() }
            return Token(kind: .string, text: "", isMultiline: true, location: start, end: location, isMalformed: true)
        }
        advance()
        var lines: [(bytes: ArraySlice<UInt8>, line: Int)] = []
        while true {
            guard index < bytes.count else {
                bag.add(.unterminatedMultilineString, at: start, end: nil)
                return Token(kind: .string, text: "", isMultiline: true, location: start, end: location, isMalformed: true)
            }
            let lineStart = index, lineNumber = line
            advance(to: firstIndex(from: index) { $0 != 0x20 && $0 != 0x09 })
            let indentEnd = index
            if peek() == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                advance(); advance(); advance()
                let value = stripIndentation(lines, indentation: bytes[lineStart..<indentEnd], into: &bag)
                return Token(kind: .string, text: value, isMultiline: true, location: start, end: location)
            }
            advanceToLineBreak()
            var end = index
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            lines.append((bytes[lineStart..<end], lineNumber))
            advance()
        }
    }

    /// Removes the closing delimiter's indentation from every line and decodes escapes.
    mutating func stripIndentation(_ lines: [(bytes: ArraySlice<UInt8>, line: Int)], indentation: ArraySlice<UInt8>,
                                   into bag: inout DiagnosticBag) -> String {
        var out: [String] = []
        for (text, lineNumber) in lines {
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                out.append("")
                continue
            }
            guard text.starts(with: indentation) else {
                bag.add(.insufficientIndentation, at: SourceLocation(fileID: fileID, line: lineNumber, column: 1))
                out.append("")
                continue
            }
            let body = text.dropFirst(indentation.count)
            let at = SourceLocation(fileID: fileID, line: lineNumber, column: indentation.count + 1)
            out.append(decodeEscapes(body, at: at, into: &bag))
        }
        return out.joined(separator: "\n")
    }

    /// Decodes `\" \\ \n \t \u{XXXX}` in raw string bytes that start at `start` on one line.
    func decodeEscapes(_ raw: ArraySlice<UInt8>, at start: SourceLocation, into bag: inout DiagnosticBag) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else {
            return raw.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        var column = start.column
        while i < raw.endIndex {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
                continue
            }
            let here = SourceLocation(fileID: start.fileID, line: start.line, column: column)
            let (decoded, length) = Self.escape(in: raw, at: i)
            if let decoded {
                out.append(contentsOf: Array(String(decoded).utf8))
            } else {
                let shown = String(decoding: raw[i..<Swift.min(i + length, raw.endIndex)], as: UTF8.self)
                var after = here
                after.column += shown.unicodeScalars.count
                bag.add(.invalidEscape(shown), at: here, end: after)
            }
            column += String(decoding: raw[i..<Swift.min(i + length, raw.endIndex)], as: UTF8.self).unicodeScalars.count
            i += Swift.max(1, length)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar an escape at `i` stands for (nil when invalid) and how many bytes it spans.
    static func escape(in raw: ArraySlice<UInt8>, at i: Int) -> (UnicodeScalar?, Int) {
        guard i + 1 < raw.endIndex else { return (nil, 1) }
        switch raw[i + 1] {
        case UInt8(ascii: "\""): return ("\"", 2)
        case UInt8(ascii: "\\"): return ("\\", 2)
        case UInt8(ascii: "n"): return ("\n", 2)
        case UInt8(ascii: "t"): return ("\t", 2)
        case UInt8(ascii: "u"): return unicodeEscape(in: raw, at: i)
        default:
            var length = 2
            while i + length < raw.endIndex, raw[i + length] & 0xC0 == 0x80 { length += 1 }
            return (nil, length)
        }
    }

    /// `\u{XXXX}`: one to eight hex digits naming a Unicode scalar.
    static func unicodeEscape(in raw: ArraySlice<UInt8>, at i: Int) -> (UnicodeScalar?, Int) {
        guard i + 2 < raw.endIndex, raw[i + 2] == UInt8(ascii: "{") else { return (nil, 2) }
        var j = i + 3
        var value: UInt32 = 0
        var digits = 0
        while j < raw.endIndex, let digit = hexValue(raw[j]), digits < 8 {
            value = value * 16 + digit
            digits += 1
            j += 1
        }
        guard digits > 0, j < raw.endIndex, raw[j] == UInt8(ascii: "}") else { return (nil, j - i) }
        return (UnicodeScalar(value), j + 1 - i)
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}

/// Which bytes stop the eight-at-a-time scan of a one-line string.
enum StringScan {
    /// True when one of the eight bytes of `word` is a quote, a line feed, a backslash or not ASCII,
    /// found with the usual has-zero-byte arithmetic (exact for whether some byte matches); false when
    /// all eight are other ASCII characters, each one scalar of the string.
    static func mayStop(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x0A))
            || hasZeroByte(word ^ (ones &* 0x5C))
    }
}
