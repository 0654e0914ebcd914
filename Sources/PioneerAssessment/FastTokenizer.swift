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
        var found: [DocToken] = []
        if appendTokens(of: bytes, table: &table, matcher: matcher, to: &found) {
            return found.map { Token(word: $0.word, start: Int($0.start), end: Int($0.end)) }
        }
        return WordTokenizer.tokens(in: String(decoding: bytes, as: UTF8.self)).map { token in
            Token(word: table.intern(Array(token.text.utf8), matcher: matcher), start: token.start, end: token.end)
        }
    }

    /// Appends the tokens of `bytes` with what lies between them, and returns true, when the text is
    /// simple (`isSimple`); appends nothing and returns false otherwise.
    static func appendTokens(of bytes: [UInt8], table: inout WordTable, matcher: PhraseMatcher, to tokens: inout [DocToken]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            guard isSimple(bytes) else { return false }
            scan(bytes, table: &table, matcher: matcher, to: &tokens)
            return true
        }
    }

    /// Whether the token starting at `offset` begins with a capital letter.
    static func isCapitalised(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + 4)]), as: UTF8.self)
            .unicodeScalars.first
        return scalar?.properties.isUppercase ?? false
    }

    /// What lies between two tokens, built up one byte at a time.
    struct Gap {
        /// A ';' or ':': a clause break.
        var breaks = false
        var slash = false
        /// Punctuation other than a hyphen or apostrophe.
        var separated = false

        mutating func add(_ byte: UInt8) {
            switch byte {
            case 0x3B, 0x3A: breaks = true; separated = true
            case 0x2F: slash = true; separated = true
            case 0x20, 0x2D, 0x27: break
            default: separated = true
            }
        }
    }
}

private extension FastTokenizer {
    static let and: [UInt8] = Array("and".utf8)

    /// Tokens are gathered this many at a time before they are appended to the document's: 64 of
    /// 16 bytes fit the 1,024 bytes `withUnsafeTemporaryAllocation` keeps on the stack (more would
    /// cost a heap allocation per block).
    static let batch = 64

    /// Words are runs of letters, or of digits with '.' or ',' between digits; the canonical word is
    /// the run with its letters lower-cased, so each token is read where it lies (`Spelling`).
    /// '&', '%', '$' and '£' are words of their own; other bytes only separate words.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: inout WordTable, matcher: PhraseMatcher, to tokens: inout [DocToken]) {
        withUnsafeTemporaryAllocation(of: DocToken.self, capacity: batch) { buffer in
            var buffered = 0
            let count = bytes.count
            var index = 0
            var gap = Gap()
            while index < count {
                let byte = bytes[index]
                let start = index
                var fold: UInt8 = 0x20
                if isLetter(byte) {
                    index = endOfLetters(bytes, from: index + 1)
                } else if isDigit(byte) {
                    index += 1
                    while index < count, isDigit(bytes[index]) || isNumberSeparator(bytes, at: index) { index += 1 }
                } else {
                    let width = symbolWidth(bytes, at: index)
                    guard width > 0 else {
                        gap.add(byte)
                        index += 1
                        continue
                    }
                    fold = 0
                    index += width
                }
                let word = byte == 0x26
                    ? and.withUnsafeBufferPointer { table.intern(Spelling($0), matcher: matcher) }
                    : table.intern(Spelling(source: bytes, start: start, count: index - start, fold: fold), matcher: matcher)
                if buffered == batch {
                    tokens.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<buffered]))
                    buffered = 0
                }
                buffer.initializeElement(at: buffered, to: DocToken(
                    word: word, start: Int32(start), end: Int32(index),
                    capitalised: byte < 0x80 ? byte &- 0x41 < 26 : isCapitalised(bytes, at: start),
                    breakBefore: gap.breaks, slashBefore: gap.slash && start > 0 && bytes[start - 1] == 0x2F, separatedBefore: gap.separated))
                buffered += 1
                gap = Gap()
            }
            tokens.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<buffered]))
        }
    }

    /// The end of the run of ASCII letters that goes on at `index`, read eight bytes at a time.
    static func endOfLetters(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let letters = leadingLetters(word)
                index += letters
                if letters < 8 { return index }
            }
        }
        while index < bytes.count && isLetter(bytes[index]) { index += 1 }
        return index
    }

    /// How many of the eight bytes of `word` (first byte lowest) are ASCII letters before the first that is not.
    static func leadingLetters(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Lower-cased, high bits cleared: adding 0x1F sets a byte's high bit from 'a' up, adding 0x05 from '{' up.
        let folded = (word | (0x20 &* ones)) & ~high
        let letters = (folded &+ (0x1F &* ones)) & ~(folded &+ (0x05 &* ones)) & ~word & high
        return (~letters & high).trailingZeroBitCount >> 3
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// A '.' or ',' between digits, inside a number: 3.5, 1,200.
    static func isNumberSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        (bytes[index] == 0x2E || bytes[index] == 0x2C) && index + 1 < bytes.count && isDigit(bytes[index + 1])
    }

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
