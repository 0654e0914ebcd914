/// A bare keyword (`obj`, `R`, `BT`, `Tj`…) packed into an integer: its first eight bytes.
struct PDFKeyword: Hashable, Sendable {
    var code: UInt64

    init(code: UInt64) { self.code = code }

    init(_ text: StaticString) {
        var code: UInt64 = 0
        text.withUTF8Buffer { buffer in
            for byte in buffer.prefix(8) { code = code << 8 | UInt64(byte) }
        }
        self.code = code
    }
}

/// One lexical token of PDF syntax (ISO 32000-1 §7.2).
enum PDFToken: Sendable {
    case int(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case keyword(PDFKeyword)
    case arrayOpen, arrayClose, dictOpen, dictClose, braceOpen, braceClose
    case eof
}

/// Splits PDF bytes into tokens. A cursor over the whole file; copy it to look ahead.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.position = max(0, min(position, self.end))
    }

    /// The next token, skipping whitespace and comments.
    mutating func next() -> PDFToken {
        skipWhitespace()
        guard position < end else { return .eof }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "["): position += 1; return .arrayOpen
        case UInt8(ascii: "]"): position += 1; return .arrayClose
        case UInt8(ascii: "{"): position += 1; return .braceOpen
        case UInt8(ascii: "}"): position += 1; return .braceClose
        case UInt8(ascii: "/"): position += 1; return .name(lexName())
        case UInt8(ascii: "("): position += 1; return .string(lexLiteralString())
        case UInt8(ascii: "<"):
            if position + 1 < end, bytes[position + 1] == UInt8(ascii: "<") { position += 2; return .dictOpen }
            position += 1
            return .string(lexHexString())
        case UInt8(ascii: ">"):
            position += 1
            if position < end, bytes[position] == UInt8(ascii: ">") { position += 1 }
            return .dictClose
        case UInt8(ascii: ")"): position += 1; return next()
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return lexNumber()
        default:
            return .keyword(lexKeyword())
        }
    }

    /// Skips whitespace and `%` comments.
    mutating func skipWhitespace() {
        let end = self.end
        position = bytes.withUnsafeBufferPointer { bytes in
            var i = position
            while i < end {
                let byte = bytes[i]
                if PDFLexer.isWhitespace(byte) {
                    i += 1
                } else if byte == UInt8(ascii: "%") {
                    while i < end, bytes[i] != 10, bytes[i] != 13 { i += 1 }
                } else {
                    break
                }
            }
            return i
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 10 || byte == 13 || byte == 9 || byte == 12 || byte == 0
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default: return false
        }
    }

    /// Whether any of the eight bytes of `word` is special in a literal string: a byte equal to `b`
    /// is a zero byte of `word ^ (b * 0x0101…)`, and `(x - 0x0101…) & ~x & 0x8080…` is non-zero
    /// exactly when `x` has a zero byte.
    static func hasLiteralSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let special = hasZero(word ^ (ones &* 0x28)) | hasZero(word ^ (ones &* 0x29))
            | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0x0D))
        return special != 0
    }

    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

private extension PDFLexer {
    /// number := [+-]? digit* ('.' digit*)?
    mutating func lexNumber() -> PDFToken {
        let end = self.end
        let (token, next) = bytes.withUnsafeBufferPointer { bytes in PDFLexer.scanNumber(bytes, from: position, end: end) }
        position = next
        return token ?? .keyword(lexKeyword())
    }

    /// The number at `start` and the position after it; a `nil` token, with the position after the
    /// signs, when no digit or point follows the signs but a regular byte does (a keyword then).
    /// Reads through a buffer pointer: content streams are mostly numbers.
    static func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (PDFToken?, Int) {
        var position = start
        var negative = false
        var sawSign = false
        while position < end, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            if !sawSign { negative = bytes[position] == UInt8(ascii: "-") }
            sawSign = true
            position += 1
        }
        var intPart = 0
        var overflow = false
        var digits = 0
        while position < end, bytes[position] >= 48, bytes[position] <= 57 {
            if intPart < 100_000_000_000_000_000 { intPart = intPart * 10 + Int(bytes[position] - 48) } else { overflow = true }
            digits += 1
            position += 1
        }
        guard position < end, bytes[position] == UInt8(ascii: ".") else {
            if overflow { return (.real(negative ? -1e18 : 1e18), position) }
            if digits == 0 { return (position < end && PDFLexer.isRegular(bytes[position]) ? nil : .int(0), position) }
            return (.int(negative ? -intPart : intPart), position)
        }
        position += 1
        var fraction = 0.0
        var scale = 1.0
        while position < end, bytes[position] >= 48, bytes[position] <= 57 {
            if scale > 1e-15 { scale /= 10; fraction += Double(bytes[position] - 48) * scale }
            position += 1
        }
        let value = Double(intPart) + fraction
        return (.real(negative ? -value : value), position)
    }

    mutating func lexKeyword() -> PDFKeyword {
        let end = self.end
        let start = position
        var code: UInt64 = 0
        position = bytes.withUnsafeBufferPointer { bytes in
            var i = start
            while i < end, PDFLexer.isRegular(bytes[i]) {
                if i - start < 8 { code = code << 8 | UInt64(bytes[i]) }
                i += 1
            }
            if i == start, i < end { i += 1 }
            return i
        }
        return PDFKeyword(code: code)
    }

    /// name := '/' regular* with '#xx' escapes
    mutating func lexName() -> String {
        var out: [UInt8] = []
        while position < end, PDFLexer.isRegular(bytes[position]) {
            let byte = bytes[position]
            if byte == UInt8(ascii: "#"), position + 2 < end,
               let high = PDFLexer.hexValue(bytes[position + 1]), let low = PDFLexer.hexValue(bytes[position + 2]) {
                out.append(high << 4 | low)
                position += 3
            } else {
                out.append(byte)
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// literal := '(' (char | escape | balanced '(' ... ')')* ')'
    mutating func lexLiteralString() -> [UInt8] {
        // Most strings have no escapes, nested parentheses or CRs: copy those in one go.
        let start = position
        position = bytes.withUnsafeBufferPointer { buffer in
            var i = start
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while i + 8 <= end, !PDFLexer.hasLiteralSpecial(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            }
            while i < end, !PDFLexer.isLiteralSpecial(buffer[i]) { i += 1 }
            return i
        }
        if position < end, bytes[position] == UInt8(ascii: ")") {
            position += 1
            return Array(bytes[start..<(position - 1)])
        }
        var out = Array(bytes[start..<position])
        var depth = 1
        while position < end {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("): depth += 1; out.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(byte)
            case UInt8(ascii: "\\"): lexEscape(into: &out)
            case 13:
                out.append(10)
                if position < end, bytes[position] == 10 { position += 1 }
            default: out.append(byte)
            }
        }
        return out
    }

    /// Bytes a literal string cannot copy verbatim: parentheses, backslash and CR.
    static func isLiteralSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") || byte == 13
    }

    mutating func lexEscape(into out: inout [UInt8]) {
        guard position < end else { return }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case 13: if position < end, bytes[position] == 10 { position += 1 }
        case 10: break
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(byte - 48)
            var count = 1
            while count < 3, position < end, bytes[position] >= 48, bytes[position] <= 55 {
                value = value * 8 + Int(bytes[position] - 48)
                position += 1
                count += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
        default: out.append(byte)
        }
    }

    /// hex := '<' (hexdigit | whitespace)* '>'
    mutating func lexHexString() -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ">") { break }
            guard let value = PDFLexer.hexValue(byte) else { continue }
            if let h = high { out.append(h << 4 | value); high = nil } else { high = value }
        }
        if let h = high { out.append(h << 4) }
        return out
    }
}
