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
        if appendTokens(of: bytes, isSimple: bytes.withUnsafeBufferPointer(isSimple), table: &table, matcher: matcher, to: &found) {
            return found.map { Token(word: $0.word, start: Int($0.start), end: Int($0.end)) }
        }
        return WordTokenizer.tokens(in: String(decoding: bytes, as: UTF8.self)).map { token in
            Token(word: table.intern(Array(token.text.utf8), matcher: matcher), start: token.start, end: token.end)
        }
    }

    /// Appends the tokens of `text` with what lies between them, and returns true, when the text is
    /// simple (`NormalisedText.isSimple`); appends nothing and returns false otherwise.
    static func appendTokens(of text: NormalisedText, table: inout WordTable, matcher: PhraseMatcher, to tokens: inout [DocToken]) -> Bool {
        appendTokens(of: text.bytes, isSimple: text.isSimple, table: &table, matcher: matcher, to: &tokens)
    }

    /// `appendTokens(of:table:matcher:to:)` of `bytes`, whose `isSimple` is given.
    private static func appendTokens(of bytes: [UInt8], isSimple: Bool, table: inout WordTable, matcher: PhraseMatcher,
                                     to tokens: inout [DocToken]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            // Offsets are kept as Int32.
            guard isSimple, bytes.count < Int32.max else { return false }
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
    /// Tokens are gathered this many at a time before they are appended to the document's: 64 of
    /// 16 bytes fit the 1,024 bytes `withUnsafeTemporaryAllocation` keeps on the stack (more would
    /// cost a heap allocation per block).
    static let batch = 64

    /// "and", the word '&' is read as: its bytes, and as the first chunk of its `Spelling`.
    static let and: [UInt8] = Array("and".utf8)
    static let andChunk: UInt64 = 0x64_6E_61

    /// Where `scan` is in the text, and what it has gathered since the last token.
    struct Cursor {
        var index = 0
        /// What lies between the last token and `index`.
        var gap = Gap()
        /// Tokens in the batch buffer, not yet appended to the document's.
        var buffered = 0

        /// Adds the token `start..<end` of `text` whose word is `word`, and starts a new gap.
        @inline(__always)
        mutating func add(_ word: Int32, _ start: Int, _ end: Int, of text: UnsafePointer<UInt8>,
                          buffer: UnsafeMutableBufferPointer<DocToken>, tokens: inout [DocToken]) {
            if buffered == batch {
                tokens.append(contentsOf: UnsafeBufferPointer(buffer))
                buffered = 0
            }
            // A token of simple text begins with an ASCII byte or '£', which is no capital. A '/' right
            // before the token is one of the gap: no token holds one. Offsets fit in Int32:
            // `appendTokens` takes no longer text.
            buffer.initializeElement(at: buffered, to: DocToken(
                word: word, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                capitalised: text[start] &- 0x41 < 26, breakBefore: gap.breaks, slashBefore: start > 0 && text[start &- 1] == 0x2F,
                separatedBefore: gap.separated))
            buffered &+= 1
            gap = Gap()
        }
    }

    /// Words are runs of letters, or of digits with '.' or ',' between digits; the canonical word is
    /// the run with its letters lower-cased, so each token is read where it lies (`Spelling`).
    /// '&', '%', '$' and '£' are words of their own; other bytes only separate words.
    ///
    /// Known words are looked up in the table as it is (`scanKnown`); the scan steps out of that only
    /// to add a word the table does not hold yet.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: inout WordTable, matcher: PhraseMatcher, to tokens: inout [DocToken]) {
        guard let text = bytes.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: DocToken.self, capacity: batch) { buffer in
            var cursor = Cursor()
            while true {
                let new = table.withLookup { scanKnown(bytes, lookup: $0, cursor: &cursor, buffer: buffer, tokens: &tokens) }
                guard let new else { break }
                let word = text[new.lowerBound] == 0x26
                    ? and.withUnsafeBufferPointer { table.intern(Spelling($0), matcher: matcher) }
                    : table.intern(spelling(bytes, new), matcher: matcher)
                cursor.add(word, new.lowerBound, new.upperBound, of: text, buffer: buffer, tokens: &tokens)
            }
            tokens.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<cursor.buffered]))
        }
    }

    /// Adds tokens from `cursor` on while `lookup` holds their words. Returns the byte range of the
    /// first token whose word it does not hold, with the cursor just past it and its gap not yet
    /// taken; `nil` at the end of the text.
    static func scanKnown(_ bytes: UnsafeBufferPointer<UInt8>, lookup: WordKeys.Lookup, cursor state: inout Cursor,
                          buffer: UnsafeMutableBufferPointer<DocToken>, tokens: inout [DocToken]) -> Range<Int>? {
        guard let text = bytes.baseAddress else { return nil }
        let count = bytes.count
        // Kept in registers over the loop, not read and written through `state` per byte.
        var cursor = state
        defer { state = cursor }
        while cursor.index < count {
            let start = cursor.index
            let byte = text[start]
            if isLetter(byte) {
                // The usual token, read here: a word of letters held by the table.
                let (length, word) = start &+ 16 <= count
                    ? lookUpLetters(UnsafeRawPointer(text + start), in: lookup)
                    : lookUpLetters(nearTheEndOf: bytes, from: start, in: lookup)
                if word >= 0 {
                    let end = start &+ length
                    cursor.add(word, start, end, of: text, buffer: buffer, tokens: &tokens)
                    // Most gaps are one space: skipped here, without going round the loop for it.
                    cursor.index = end < count && text[end] == 0x20 ? end &+ 1 : end
                    continue
                }
            } else if byte == 0x20 {
                cursor.index = start &+ 1
                continue
            } else if !isDigit(byte) && !mayStartSymbol(byte) {
                cursor.gap.add(byte)
                cursor.index = start &+ 1
                continue
            }
            if let missing = step(bytes, lookup: lookup, cursor: &cursor, buffer: buffer, tokens: &tokens) { return missing }
        }
        return nil
    }

    /// One step of `scanKnown` for any other token, read a byte at a time: a number, a symbol, or a
    /// word near the end of the text, of more than sixteen letters or not held. Returns the token's
    /// range when `lookup` does not hold its word.
    @inline(never)
    static func step(_ bytes: UnsafeBufferPointer<UInt8>, lookup: WordKeys.Lookup, cursor: inout Cursor,
                     buffer: UnsafeMutableBufferPointer<DocToken>, tokens: inout [DocToken]) -> Range<Int>? {
        guard let text = bytes.baseAddress else { return nil }
        let start = cursor.index
        let byte = text[start]
        let end = endOfToken(text, count: bytes.count, from: start)
        guard end > start else {
            // A byte that only looked like the start of a symbol.
            cursor.gap.add(byte)
            cursor.index = start &+ 1
            return nil
        }
        cursor.index = end
        let word: Int32
        if byte == 0x26 {
            word = lookup.id(first: andChunk, count: 3, hash: Spelling.hash(first: andChunk, count: 3))
        } else {
            let spelling = spelling(bytes, start..<end)
            word = lookup.find(spelling, hash: spelling.hash).id
        }
        guard word >= 0 else { return start..<end }
        cursor.add(word, start, end, of: text, buffer: buffer, tokens: &tokens)
        return nil
    }

    /// The end of the run of letters at `start` and the id `lookup` holds for its word: -1 for none,
    /// or when the run is longer than sixteen letters. Sixteen bytes from `start` must be readable;
    /// one or two loads of eight bytes find the run and give its `Spelling` chunks too.
    @inline(__always)
    static func lookUpLetters(_ start: UnsafeRawPointer, in lookup: WordKeys.Lookup) -> (length: Int, word: Int32) {
        let fold: UInt64 = 0x2020_2020_2020_2020
        let head = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
        // At least 1: the first byte is a letter.
        let run = leadingLetters(head)
        if run < 8 {
            let first = (head | fold) & (UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- run) &<< 3))
            return (run, lookup.id(first: first, count: run, hash: Spelling.hash(first: first, count: run)))
        }
        let first = head | fold
        let tail = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let more = leadingLetters(tail)
        if more == 0 { return (8, lookup.id(first: first, count: 8, hash: Spelling.hash(first: first, count: 8))) }
        guard more < 8 else { return (16, -1) }
        let second = (tail | fold) & ~(UInt64.max &<< UInt64(truncatingIfNeeded: more &<< 3))
        let length = 8 &+ more
        return (length, lookup.id(first: first, second: second, count: length,
                                  hash: Spelling.hash(first: first, second: second, count: length)))
    }

    /// `lookUpLetters` of the run at `start`, fewer than sixteen bytes before the end of `bytes`: read
    /// from a copy padded with zeros, which are not letters.
    static func lookUpLetters(nearTheEndOf bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                              in lookup: WordKeys.Lookup) -> (length: Int, word: Int32) {
        var padded: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &padded) { padded in
            padded.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
            guard let base = padded.baseAddress else { return (0, -1) }
            return lookUpLetters(UnsafeRawPointer(base), in: lookup)
        }
    }

    /// The end of the token at `start` read a byte at a time: a run of letters, a number, or a symbol
    /// that is a word ('&', '%', '$', '£'); `start` itself when no token starts there.
    static func endOfToken(_ text: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int {
        let byte = text[start]
        if isLetter(byte) { return endOfLetters(text, count: count, from: start &+ 1) }
        guard isDigit(byte) else { return start &+ symbolWidth(text, count: count, at: start) }
        var end = start &+ 1
        while end < count, isDigit(text[end]) || isNumberSeparator(text, count: count, at: end) { end &+= 1 }
        return end
    }

    /// The `Spelling` of the token `range` of `bytes`: letters lower-cased, a number or symbol as it is.
    @inline(__always)
    static func spelling(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Spelling {
        let fold: UInt8 = isLetter(bytes[range.lowerBound]) || isDigit(bytes[range.lowerBound]) ? 0x20 : 0
        return Spelling(source: bytes, start: range.lowerBound, count: range.count, fold: fold)
    }

    /// The end of the run of ASCII letters that goes on at `index`, read eight bytes at a time.
    static func endOfLetters(_ text: UnsafePointer<UInt8>, count: Int, from index: Int) -> Int {
        var index = index
        while index &+ 8 <= count {
            let letters = leadingLetters(UInt64(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)))
            index &+= letters
            if letters < 8 { return index }
        }
        while index < count && isLetter(text[index]) { index &+= 1 }
        return index
    }

    /// How many of the eight bytes of `word` (first byte lowest) are ASCII letters before the first that is not.
    @inline(__always)
    static func leadingLetters(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Lower-cased, high bits cleared: adding 0x1F sets a byte's high bit from 'a' up, adding 0x05 from '{' up.
        let folded = (word | (0x20 &* ones)) & ~high
        let letters = (folded &+ (0x1F &* ones)) & ~(folded &+ (0x05 &* ones)) & ~word & high
        return (~letters & high).trailingZeroBitCount &>> 3
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// A '.' or ',' between digits, inside a number: 3.5, 1,200.
    @inline(__always)
    static func isNumberSeparator(_ text: UnsafePointer<UInt8>, count: Int, at index: Int) -> Bool {
        (text[index] == 0x2E || text[index] == 0x2C) && index &+ 1 < count && isDigit(text[index &+ 1])
    }

    /// Whether `byte` may begin a symbol that is a word (`symbolWidth`).
    static func mayStartSymbol(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x25 || byte == 0x24 || byte == 0xC2
    }

    /// The width of the symbol at `index` that is a word: '&' (read as "and"), '%', '$' or '£'; 0 for none.
    @inline(__always)
    static func symbolWidth(_ text: UnsafePointer<UInt8>, count: Int, at index: Int) -> Int {
        switch text[index] {
        case 0x26, 0x25, 0x24: return 1
        case 0xC2 where index &+ 1 < count && text[index &+ 1] == 0xA3: return 2
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
