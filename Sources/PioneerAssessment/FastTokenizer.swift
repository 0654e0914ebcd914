import PioneerText

/// Tokenises normalised block text straight into `WordTable` ids, exactly as `WordTokenizer` does
/// (same words, kinds of split and UTF-8 offsets) but without building strings per character.
///
/// Handles ASCII text and '£' itself; text holding any other non-ASCII character goes through
/// `WordTokenizer` so that Unicode letters are treated identically.
enum FastTokenizer {
    struct Token: Sendable, Hashable {
        var word: Int32
        var start: Int
        var end: Int
    }

    static func tokens(_ bytes: [UInt8], table: inout WordTable, matcher: PhraseMatcher) -> [Token] {
        guard isSimple(bytes) else {
            return WordTokenizer.tokens(in: String(decoding: bytes, as: UTF8.self)).map { token in
                Token(word: table.intern(Array(token.text.utf8), matcher: matcher), start: token.start, end: token.end)
            }
        }
        return bytes.withUnsafeBufferPointer { scan($0, table: &table, matcher: matcher) }
    }
}

private extension FastTokenizer {
    static let and: [UInt8] = Array("and".utf8)
    static let pound: [UInt8] = [0xC2, 0xA3]

    /// Words are runs of letters, or of digits with '.' or ',' between digits; the canonical word is
    /// the run with its letters lower-cased, so each token is a range of the source.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: inout WordTable, matcher: PhraseMatcher) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var start = -1
        var hasLetter = false
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            tokens.append(Token(word: table.intern(bytes, start..<end, matcher: matcher), start: start, end: end))
            start = -1
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isLetter(byte) {
                if !hasLetter { flush(index) }
                if start < 0 { start = index; hasLetter = true }
            } else if isDigit(byte) {
                if hasLetter { flush(index) }
                if start < 0 { start = index; hasLetter = false }
            } else if (byte == 0x2E || byte == 0x2C), start >= 0, !hasLetter, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                // Inside a number: 3.5, 1,200.
            } else {
                flush(index)
                if let symbol = symbol(bytes, at: index) {
                    tokens.append(Token(word: table.intern(symbol.text, matcher: matcher), start: index, end: index + symbol.width))
                    index += symbol.width
                    continue
                }
            }
            index += 1
        }
        flush(bytes.count)
        return tokens
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }


    static func symbol(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (text: [UInt8], width: Int)? {
        switch bytes[index] {
        case 0x26: return (and, 1)
        case 0x25, 0x24: return ([bytes[index]], 1)
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA3: return (pound, 2)
        default: return nil
        }
    }
}

extension FastTokenizer {
    /// ASCII, or '£' as the only non-ASCII character.
    static func isSimple<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0x80 {
                guard bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA3 else { return false }
                index += 1
            }
            index += 1
        }
        return true
    }
}
