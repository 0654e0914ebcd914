/// A word of folded, lower-cased text with its position in the text it came from.
public struct WordToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters. A change between letters and digits splits a word: "£2.4m" is "£", "2.4", "m".
        case word
        /// A number such as "2014", "3.5" or "1,200".
        case number
        /// A symbol that matters for meaning: '£', '%', '&' (read as the word "and").
        case symbol
    }

    /// The canonical text: lower-cased; '&' is "and".
    public var text: String
    public var kind: Kind
    /// Offset of the first UTF-8 byte in the source string.
    public var start: Int
    /// Offset one past the last UTF-8 byte in the source string.
    public var end: Int

    public init(text: String, kind: Kind, start: Int, end: Int) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// Splits text into words the same way for rule phrases and for documents.
///
/// Hyphens and apostrophes split words ("well-being" is "well", "being"; "people's" is
/// "people", "s"), so a phrase written with or without a hyphen can be declared as a
/// spelling variant in the rules. '&' becomes the word "and".
public enum WordTokenizer {
    /// Tokens of `text` (folded with `TextFolding` first if it may hold typographic characters).
    public static func tokens(in text: String) -> [WordToken] {
        if let ascii = asciiTokens(in: text) { return ascii }
        return unicodeTokens(in: text)
    }

    /// The canonical words of a phrase: `words(of: "Health & Wellbeing Board")` is
    /// `["health", "and", "wellbeing", "board"]`.
    public static func words(of phrase: String) -> [String] {
        if let ascii = asciiWords(of: phrase) { return ascii }
        return tokens(in: TextFolding.fold(phrase)).map(\.text)
    }

    /// `words(of:)` of the text whose UTF-8 is `bytes`, for a caller that has checked that every byte is
    /// ASCII (any other byte would only separate words here).
    public static func words(ofASCII bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        asciiWords(of: bytes)
    }
}

private extension WordTokenizer {
    /// The same tokens as `unicodeTokens` for ASCII text (folding changes nothing there but tabs and
    /// carriage returns, which separate words either way), working on bytes; `nil` for other text.
    static func asciiTokens(in text: String) -> [WordToken]? {
        var text = text
        return text.withUTF8 { bytes -> [WordToken]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var tokens: [WordToken] = []
            scanASCII(bytes) { start, end, kind in
                tokens.append(WordToken(text: asciiText(bytes, start, end, kind), kind: kind, start: start, end: end))
            }
            return tokens
        }
    }

    /// `asciiTokens(in:)` without the positions: only the texts are built.
    static func asciiWords(of text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return asciiWords(of: bytes)
        }
    }

    /// The texts of the tokens of ASCII `bytes`.
    static func asciiWords(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        // One allocation for a typical phrase (a word is at least one byte plus a separator), not
        // one per doubling; capped so a long text does not reserve far more than it needs.
        words.reserveCapacity(Swift.min(bytes.count / 2 + 1, 8))
        scanASCII(bytes) { start, end, kind in words.append(asciiText(bytes, start, end, kind)) }
        return words
    }

    /// Calls `found` with the byte range and kind of each token of ASCII text, in order.
    static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int, Int, WordToken.Kind) -> Void) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isLetter(byte) || isDigit(byte) {
                let start = index
                let letters = isLetter(byte)
                index += 1
                while index < bytes.count {
                    let next = bytes[index]
                    if letters ? isLetter(next) : isDigit(next) { index += 1; continue }
                    // A '.' or ',' between digits stays inside a number: 3.5, 1,200.
                    if !letters, next == 0x2E || next == 0x2C, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                        index += 2
                        continue
                    }
                    break
                }
                found(start, index, letters ? .word : .number)
                continue
            }
            if byte == 0x26 || byte == 0x25 || byte == 0x24 { found(index, index + 1, .symbol) }  // '&', '%', '$'
            index += 1
        }
    }

    /// The canonical text of an ASCII token: letters lower-cased, '&' as "and".
    static func asciiText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: WordToken.Kind) -> String {
        switch kind {
        case .symbol:
            return bytes[start] == 0x26 ? "and" : String(UnicodeScalar(bytes[start]))
        case .number:
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        case .word:
            return String(unsafeUninitializedCapacity: end - start) { out in
                for i in start..<end { out[i - start] = bytes[i] | 0x20 }  // ASCII letters only
                return end - start
            }
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func unicodeTokens(in text: String) -> [WordToken] {
        var tokens: [WordToken] = []
        var current = ""
        var currentStart = 0
        var currentHasLetter = false
        var offset = 0
        func flush(at end: Int) {
            guard !current.isEmpty else { return }
            tokens.append(WordToken(text: current, kind: currentHasLetter ? .word : .number, start: currentStart, end: end))
            current = ""
            currentHasLetter = false
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let width = UTF8.width(scalar)
            defer { offset += width; index += 1 }
            let props = scalar.properties
            if props.isAlphabetic {
                if !current.isEmpty && !currentHasLetter { flush(at: offset) }
                if current.isEmpty { currentStart = offset }
                current.unicodeScalars.append(contentsOf: props.lowercaseMapping.unicodeScalars)
                currentHasLetter = true
                continue
            }
            if props.numericType != nil, scalar.isASCII {
                if currentHasLetter { flush(at: offset) }
                if current.isEmpty { currentStart = offset }
                current.unicodeScalars.append(scalar)
                continue
            }
            // A '.' or ',' between digits stays inside a number: 3.5, 1,200.
            if (scalar == "." || scalar == ","), !current.isEmpty, !currentHasLetter,
               index + 1 < scalars.count, scalars[index + 1].properties.numericType != nil {
                current.unicodeScalars.append(scalar)
                continue
            }
            flush(at: offset)
            switch scalar {
            case "&": tokens.append(WordToken(text: "and", kind: .symbol, start: offset, end: offset + width))
            case "£", "%", "$", "€": tokens.append(WordToken(text: String(scalar), kind: .symbol, start: offset, end: offset + width))
            default: break
            }
        }
        flush(at: offset)
        return tokens
    }

}
