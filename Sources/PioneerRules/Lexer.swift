/// Turns the UTF-8 text of a rules file into tokens, keeping comments as trivia.
///
/// Lexical errors (stray characters, bad escapes, unterminated strings) become diagnostics and
/// lexing goes on, so one run reports every mistake.
struct Lexer {
    let bytes: [UInt8]
    let file: String
    /// `file`'s id in `SourceFileTable.shared`, looked up once so locations are made without a lookup.
    let fileID: UInt32
    var index = 0
    var line = 1
    var column = 1

    init(source: String, file: String) {
        self.bytes = Array(source.utf8)
        self.file = file
        self.fileID = SourceFileTable.shared.id(of: file)
    }

    /// Every token of the file, ending with `.endOfFile`.
    mutating func tokenize(into bag: inout DiagnosticBag) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 16)  // the shipped rules hold one token per 20 to 30 bytes
        var comments: [Comment] = []
        var newlines = 0
        while !bag.isFull {
            newlines += skipWhitespace()
            let blank = newlines >= 2 && !(tokens.isEmpty && comments.isEmpty)
            if peek() == UInt8(ascii: "#") {
                let ownLine = newlines > 0 || tokens.isEmpty
                comments.append(lexComment(ownLine: ownLine, blank: blank))
                newlines = 0
                continue
            }
            guard index < bytes.count else { break }
            if let token = lexToken(into: &bag) {
                // Trivia is set on the stored token, so the token itself is moved in, not copied.
                tokens.append(token)
                let last = tokens.count - 1
                tokens[last].blankLineBefore = comments.first?.blankLineBefore ?? blank
                tokens[last].blankLineAfterComments = !comments.isEmpty && newlines >= 2
                if !comments.isEmpty { tokens[last].comments = comments }
                comments = []
                newlines = 0
            }
        }
        let here = location
        tokens.append(Token(kind: .endOfFile, text: "", location: here, end: here, comments: comments,
                            blankLineBefore: comments.first?.blankLineBefore ?? false))
        return tokens
    }

    var location: SourceLocation { SourceLocation(fileID: fileID, line: line, column: column) }

    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Consumes the bytes up to `end`, keeping line and column.
    mutating func advance(to end: Int) {
        let end = Swift.min(end, bytes.count)
        guard index < end else { return }
        var (line, column) = (self.line, self.column)
        bytes.withUnsafeBufferPointer { buffer in
            for byte in UnsafeBufferPointer(rebasing: buffer[index..<end]) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
        (self.line, self.column, index) = (line, column, end)
    }

    /// Consumes the ASCII bytes up to `end`, none of them a line break: the column moves by their count.
    mutating func advanceASCII(to end: Int) {
        let end = Swift.min(end, bytes.count)
        guard index < end else { return }
        column += end - index
        index = end
    }

    /// Consumes the bytes up to the next line break (or the end of the text), keeping the column: one
    /// pass that finds the break and counts the scalars before it, eight bytes at a time while they are
    /// ASCII and none is a line feed. Returns whether every byte consumed was ASCII.
    @discardableResult
    mutating func advanceToLineBreak() -> Bool {
        var (i, column) = (index, self.column)
        var isASCII = true
        bytes.withUnsafeBufferPointer { buffer in
            while i < buffer.count {
                if i + 8 <= buffer.count,
                   LineScan.isPlainASCII(UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    column += 8
                    continue
                }
                let byte = buffer[i]
                if byte == 0x0A { break }
                if byte >= 0x80 { isASCII = false }
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        (index, self.column) = (i, column)
        return isASCII
    }

    /// The index of the first byte at or after `start` for which `stop` holds, or the end of the text.
    func firstIndex(from start: Int, where stop: (UInt8) -> Bool) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var i = Swift.min(start, buffer.count)
            while i < buffer.count, !stop(buffer[i]) { i += 1 }
            return i
        }
    }

    /// The bytes `first..<end` as a string, decoded straight from the buffer.
    func text(from first: Int, to end: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[first..<end]), as: UTF8.self) }
    }

    /// Consumes one byte, keeping line and column (columns count Unicode scalars).
    mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }
}

private extension Lexer {
    /// Skips spaces, tabs and line breaks; returns the number of line breaks.
    mutating func skipWhitespace() -> Int {
        var (i, line, column) = (index, self.line, self.column)
        let before = line
        bytes.withUnsafeBufferPointer { buffer in
            // One pass: spaces, tabs and carriage returns are one column each, a line feed starts a line.
            while i < buffer.count {
                let byte = buffer[i]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    column += 1
                } else {
                    break
                }
                i += 1
            }
        }
        (index, self.line, self.column) = (i, line, column)
        return line - before
    }

    mutating func lexComment(ownLine: Bool, blank: Bool) -> Comment {
        let start = location
        let first = index
        let isASCII = advanceToLineBreak()
        var text: String
        if isASCII {
            // ASCII: trim on bytes (the same as trimming Characters there).
            var end = index
            while end > first, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            text = self.text(from: first, to: end)
        } else {
            text = String(decoding: bytes[first..<index], as: UTF8.self)
            while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        }
        return Comment(text: text, location: start, isOnOwnLine: ownLine, blankLineBefore: blank)
    }

    mutating func lexToken(into bag: inout DiagnosticBag) -> Token? {
        let start = location
        guard let byte = peek() else { return nil }
        if let (kind, text) = Self.punctuation(byte) {
            advance()
            return Token(kind: kind, text: text, location: start, end: location)
        }
        if Self.isIdentifierStart(byte) { return lexWord(kind: .identifier, start: start) }
        if Self.isDigit(byte) { return lexNumber(start: start) }
        if byte == UInt8(ascii: "\"") { return lexString(start: start, into: &bag) }
        return skipStrayCharacter(start: start, into: &bag)
    }

    mutating func lexWord(kind: Token.Kind, start: SourceLocation) -> Token {
        let first = index
        // Identifier characters are ASCII: the column moves by their count.
        advanceASCII(to: firstIndex(from: index) { byte in
            !(Self.isIdentifierStart(byte) || Self.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-"))
        })
        return Token(kind: kind, text: text(from: first, to: index), location: start, end: location)
    }

    mutating func lexNumber(start: SourceLocation) -> Token {
        let first = index
        while let byte = peek(), Self.isDigit(byte) { advance() }
        if peek() == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            advance()
            while let byte = peek(), Self.isDigit(byte) { advance() }
        }
        return Token(kind: .number, text: text(from: first, to: index), location: start, end: location)
    }

    /// Reports a character that cannot start a token and skips the whole scalar.
    mutating func skipStrayCharacter(start: SourceLocation, into bag: inout DiagnosticBag) -> Token? {
        let first = index
        advance()
        while let byte = peek(), byte & 0xC0 == 0x80 { advance() }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        bag.add(Self.codePoint(ofInvisible: text).map(RulesProblem.invisibleCharacter) ?? .unexpectedCharacter(text),
                at: start, end: location)
        return nil
    }

    /// The kind and text of a one-byte punctuation token (texts are literals: nothing to build).
    static func punctuation(_ byte: UInt8) -> (Token.Kind, String)? {
        switch byte {
        case UInt8(ascii: "{"): return (.leftBrace, "{")
        case UInt8(ascii: "}"): return (.rightBrace, "}")
        case UInt8(ascii: "("): return (.leftParen, "(")
        case UInt8(ascii: ")"): return (.rightParen, ")")
        case UInt8(ascii: ","): return (.comma, ",")
        case UInt8(ascii: "="): return (.equals, "=")
        case UInt8(ascii: "*"): return (.star, "*")
        default: return nil
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `U+00A0` for a character that would be invisible in a message (spaces, controls), else nil.
    static func codePoint(ofInvisible text: String) -> String? {
        guard let scalar = text.unicodeScalars.first else { return nil }
        let invisible = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
        guard invisible else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}

/// Which bytes stop the eight-at-a-time scan to the end of a line.
enum LineScan {
    /// True when all eight bytes of `word` are ASCII and none is a line feed (each then one scalar of
    /// the line), found with the usual has-zero-byte arithmetic, exact for whether some byte matches.
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lineFeeds = word ^ (ones &* 0x0A)
        return word & highs == 0 && (lineFeeds &- ones) & ~lineFeeds & highs == 0
    }
}
