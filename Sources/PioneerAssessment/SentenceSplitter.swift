/// Splits a paragraph's normalised text into sentences.
///
/// A sentence ends at '.', '!' or '?' (after any closing quotes or brackets) followed by a space and
/// a capital letter, a digit, a quote or a bracket — but not after an abbreviation ("e.g.", "Dr",
/// "Cllr", "No. 4") or an initial ("J. Smith").
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "eg", "ie", "dr", "mr", "mrs", "ms", "cllr", "st", "etc", "vs", "approx", "prof", "rev", "cf", "fig", "dept",
        "est", "nb", "p", "pp", "para", "paras", "sec", "mt", "ref", "incl", "min", "max", "vol", "cllrs", "drs",
    ]

    /// `abbreviations` as `key(ofLetters:)` gives them, sorted, for `isAbbreviation` to search by halves
    /// (cheaper than hashing into a `Set` for thirty-odd keys).
    static let abbreviationKeys = abbreviations.map { key(ofLetters: $0.utf8) }.sorted()

    /// Whether `word` is one of `abbreviationKeys`.
    static func isAbbreviationKey(_ word: UInt64) -> Bool {
        abbreviationKeys.withUnsafeBufferPointer { keys in
            var lower = 0, upper = keys.count
            while lower < upper {
                let middle = (lower + upper) / 2
                if keys[middle] < word { lower = middle + 1 } else { upper = middle }
            }
            return lower < keys.count && keys[lower] == word
        }
    }
    /// "no", an abbreviation only before a number ("No. 4").
    static let numberKey = key(ofLetters: "no".utf8)

    /// A word of at most twelve ASCII letters as one integer, case ignored: five bits a letter, so equal
    /// words (in any case) have equal keys and different words different ones.
    static func key<Letters: Collection<UInt8>>(ofLetters word: Letters) -> UInt64 {
        word.reduce(0) { $0 << 5 | UInt64(($1 | 0x20) &- 0x60) & 0x1F }
    }

    /// Calls `body` with the byte range of each sentence of `bytes`, in order, spaces trimmed; empty
    /// sentences are skipped.
    static func forEachSentence(in bytes: [UInt8], _ body: (Range<Int>) -> Void) {
        var start = 0
        var index = 0
        while index < bytes.count {
            index = nextMark(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            var end = index + 1
            while end < bytes.count, isCloser(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == 0x20 else { index = end; continue }
            var next = end
            while next < bytes.count, bytes[next] == 0x20 { next += 1 }
            guard next < bytes.count, startsSentence(bytes[next]),
                  byte != 0x2E || !isAbbreviation(bytes, dot: index, next: bytes[next]) else { index = end; continue }
            if let sentence = trim(start..<end, of: bytes) { body(sentence) }
            start = next
            index = next
        }
        if let sentence = trim(start..<bytes.count, of: bytes) { body(sentence) }
    }
}

extension SentenceSplitter {
    /// The offset of the first '.', '!' or '?' from `index` on, or `bytes.count`: sixteen bytes at a
    /// time in a vector, then eight in a word, then one by one.
    static func nextMark(_ bytes: [UInt8], from index: Int) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var index = max(0, index)
            if let base = bytes.baseAddress {
                let dots = SIMD16<UInt8>(repeating: 0x2E), bangs = SIMD16<UInt8>(repeating: 0x21)
                let questions = SIMD16<UInt8>(repeating: 0x3F)
                while index + 16 <= bytes.count {
                    let vector = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                    let marks = (vector .== dots) .| (vector .== bangs) .| (vector .== questions)
                    // Each lane of the mask is 0x00 or 0xFF: read as two words, the first set byte is the first mark.
                    let words = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
                    if words[0] != 0 { return index + words[0].trailingZeroBitCount >> 3 }
                    if words[1] != 0 { return index + 8 + words[1].trailingZeroBitCount >> 3 }
                    index += 16
                }
                while index + 8 <= bytes.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let marks = zeroBytes(word ^ 0x2E2E_2E2E_2E2E_2E2E) | zeroBytes(word ^ 0x2121_2121_2121_2121)
                        | zeroBytes(word ^ 0x3F3F_3F3F_3F3F_3F3F)
                    if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
                    index += 8
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x2E || byte == 0x21 || byte == 0x3F { return index }
                index += 1
            }
            return index
        }
    }

}

private extension SentenceSplitter {
    /// The high bit of each zero byte of `word` set, exactly up to and including the first zero byte
    /// (bytes after it may be flagged too): enough to find the first.
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    static func isCloser(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D }

    static func startsSentence(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27
            || byte == 0x28 || byte == 0x2A || byte == 0xC2 /* £ */
    }

    static func isAbbreviation(_ bytes: [UInt8], dot: Int, next: UInt8) -> Bool {
        var start = dot
        // The letters before the dot; nine are enough to tell (a longer word is no abbreviation).
        while start > 0, dot - start < 9, isASCIILetter(bytes[start - 1]) { start -= 1 }
        let length = dot - start
        if length == 0 { return false }
        // An initial ("J. Smith") or the last letter of a dotted abbreviation ("e.g.", "i.e.").
        if length == 1 && (isUpper(bytes[start]) || (start > 0 && bytes[start - 1] == 0x2E)) { return true }
        if length > 8 { return false }
        let word = key(ofLetters: bytes[start..<dot])
        if word == numberKey { return next >= 0x30 && next <= 0x39 }
        return isAbbreviationKey(word)
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }

    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// `range` without the spaces at its ends, `nil` when nothing else is left.
    static func trim(_ range: Range<Int>, of bytes: [UInt8]) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
