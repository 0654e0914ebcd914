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

    /// Words are runs of letters, or of digits with '.' or ',' between digits; the canonical word is
    /// the run with its letters lower-cased, so each token is a range of the source. The word's hash
    /// is worked out as it is read.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: inout WordTable, matcher: PhraseMatcher) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            let start = index
            var hash = WordTable.hashSeed
            if isLetter(byte) {
                repeat {
                    hash = WordTable.hash(hash, bytes[index] | 0x20)
                    index += 1
                } while index < count && isLetter(bytes[index])
            } else if isDigit(byte) {
                while index < count {
                    let next = bytes[index]
                    if isDigit(next) {
                        // A digit.
                    } else if (next == 0x2E || next == 0x2C), index + 1 < count, isDigit(bytes[index + 1]) {
                        // Inside a number: 3.5, 1,200.
                    } else {
                        break
                    }
                    hash = WordTable.hash(hash, next)
                    index += 1
                }
            } else {
                let width = symbolWidth(bytes, at: index)
                if byte == 0x26 {
                    let word = and.withUnsafeBufferPointer { table.intern($0, 0..<$0.count, matcher: matcher) }
                    tokens.append(Token(word: word, start: index, end: index + 1))
                } else if width > 0 {
                    tokens.append(Token(word: table.intern(bytes, index..<index + width, matcher: matcher), start: index, end: index + width))
                }
                index += max(width, 1)
                continue
            }
            tokens.append(Token(word: table.intern(bytes, start..<index, hash: hash, matcher: matcher), start: start, end: index))
        }
        return tokens
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The width of the symbol at `index` that is a word: '&' (read as "and"), '%', '$' or '£'; 0 for none.
    static func symbolWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x26, 0x25, 0x24: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA3: return 2
        default: return 0
        }
    }
}

extension FastTokenizer {
    /// ASCII, or '£' as the only non-ASCII character.
    static func isSimple(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isSimple($0) }
    }

    /// ASCII, or '£' as the only non-ASCII character. Eight bytes at a time while they are ASCII.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if bytes[index] >= 0x80 {
                guard bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA3 else { return false }
                index += 1
            }
            index += 1
        }
        return true
    }
}
