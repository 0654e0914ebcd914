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
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = 0
        var hasLetter = false
        func flush(_ end: Int) {
            guard !word.isEmpty else { return }
            tokens.append(Token(word: table.intern(word, matcher: matcher), start: start, end: end))
            word.removeAll(keepingCapacity: true)
            hasLetter = false
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isLetter(byte) {
                if !word.isEmpty, !hasLetter { flush(index) }
                if word.isEmpty { start = index }
                word.append(byte | 0x20)
                hasLetter = true
            } else if isDigit(byte) {
                if hasLetter { flush(index) }
                if word.isEmpty { start = index }
                word.append(byte)
            } else if (byte == 0x2E || byte == 0x2C), !word.isEmpty, !hasLetter, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                word.append(byte)
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
}

private extension FastTokenizer {
    static let and: [UInt8] = Array("and".utf8)
    static let pound: [UInt8] = [0xC2, 0xA3]

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// ASCII, or '£' as the only non-ASCII character.
    static func isSimple(_ bytes: [UInt8]) -> Bool {
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

    static func symbol(_ bytes: [UInt8], at index: Int) -> (text: [UInt8], width: Int)? {
        switch bytes[index] {
        case 0x26: return (and, 1)
        case 0x25, 0x24: return ([bytes[index]], 1)
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA3: return (pound, 2)
        default: return nil
        }
    }
}
