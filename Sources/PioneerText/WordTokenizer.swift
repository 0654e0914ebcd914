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

    /// The canonical words of a phrase: `words(of: "Health & Wellbeing Board")` is
    /// `["health", "and", "wellbeing", "board"]`.
    public static func words(of phrase: String) -> [String] {
        tokens(in: TextFolding.fold(phrase)).map(\.text)
    }
}
