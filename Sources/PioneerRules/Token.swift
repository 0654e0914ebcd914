/// A comment kept as trivia so the formatter can put it back.
struct Comment: Sendable, Hashable {
    /// The comment text from '#' to the end of the line, trailing spaces removed.
    var text: String
    var location: SourceLocation
    /// False when the comment follows code on the same line (`weight 2  # doubled`).
    var isOnOwnLine: Bool
    /// True when a blank line precedes the comment.
    var blankLineBefore: Bool
}

/// One lexical unit of a rules file with its source range and the comments before it.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier, number, string
        case leftBrace, rightBrace, leftParen, rightParen, comma, equals, star
        case endOfFile
    }

    var kind: Kind
    /// Identifier name, number spelling, decoded string value, or the punctuation itself.
    var text: String
    /// True for a `"""` string.
    var isMultiline: Bool = false
    var location: SourceLocation
    /// One past the token's last character.
    var end: SourceLocation
    /// Comments between the previous token and this one.
    var comments: [Comment] = []
    /// True when a blank line precedes this token (or its first comment).
    var blankLineBefore: Bool = false
    /// True when the lexer already reported a problem with this token (parse errors at it are a cascade).
    var isMalformed: Bool = false
    /// True when a blank line separates the last comment from this token.
    var blankLineAfterComments: Bool = false

    /// How a diagnostic names this token: `'}'`, `'weight'`, `a string`, `end of file`.
    var description: String {
        switch kind {
        case .string: return "a string"
        case .endOfFile: return "end of file"
        default: return "'\(text)'"
        }
    }

    /// True for an identifier spelled `word` (keywords are not reserved).
    func isKeyword(_ word: String) -> Bool {
        kind == .identifier && text == word
    }
}
