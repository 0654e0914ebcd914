/// A recursive-descent parser over the tokens of one rules file.
///
/// Errors are collected: the parser records a diagnostic, skips to the next statement keyword or
/// closing brace, and goes on. Every loop consumes at least one token per turn, and nesting is
/// bounded by `maxDepth`, so no input can hang or overflow the stack.
struct Parser {
    static let maxDepth = 64

    var tokens: [Token]
    var index = 0
    var bag: DiagnosticBag
    let file: String
    /// Current nesting of blocks and expressions.
    var depth = 0
    /// Set after an error inside a statement, so its cascade is not reported.
    var recovering = false
    /// Comments met inside statements, handed to the innermost enclosing statement.
    var strays: [Comment] = []

    init(tokens: [Token], file: String, bag: DiagnosticBag) {
        self.tokens = tokens.isEmpty
            ? [Token(kind: .endOfFile, text: "", location: SourceLocation(file: file, line: 1, column: 1),
                     end: SourceLocation(file: file, line: 1, column: 1))]
            : tokens
        self.file = file
        self.bag = bag
    }

    /// Parses a whole file with the lexer's diagnostics carried in `bag`.
    static func parse(source: String, file: String, bag: inout DiagnosticBag) -> SourceFileSyntax {
        var lexer = Lexer(source: source, file: file)
        let tokens = lexer.tokenize(into: &bag)
        var parser = Parser(tokens: tokens, file: file, bag: bag)
        let syntax = parser.parseFile()
        bag = parser.bag
        return syntax
    }

    /// The index of the current token: the end-of-file token once past the end.
    var position: Int { Swift.min(index, tokens.count - 1) }

    var current: Token { tokens[position] }

    func peekKind(_ offset: Int) -> Token.Kind {
        tokens[Swift.min(index + offset, tokens.count - 1)].kind
    }

    // The checks below read single fields of the current token instead of copying all of it.

    func at(_ kind: Token.Kind) -> Bool { tokens[position].kind == kind }

    func atKeyword(_ word: String) -> Bool { tokens[position].isKeyword(word) }

    /// The current token's name if it is an identifier.
    var currentWord: String? {
        tokens[position].kind == .identifier ? tokens[position].text : nil
    }

    /// True when the current token is an identifier in `words`.
    func atKeyword(in words: Set<String>) -> Bool {
        guard let word = currentWord else { return false }
        return words.contains(word)
    }

    /// Consumes the current token; its comments become strays of the enclosing statement.
    mutating func advance() {
        let position = self.position
        if tokens[position].isMalformed { recovering = true }
        guard index < tokens.count - 1 else {
            if !tokens[position].comments.isEmpty { strays.append(contentsOf: tokens[position].comments) }
            return
        }
        // The comments move to the strays (the token is not written when it has none).
        if !tokens[index].comments.isEmpty {
            strays.append(contentsOf: tokens[index].comments)
            tokens[index].comments = []
        }
        index += 1
    }

    /// Consumes the current token and returns it (with its comments); `advance()` when it is not needed.
    mutating func take() -> Token {
        let token = tokens[position]
        advance()
        return token
    }

    /// Reports a problem at a token unless a cascade is being suppressed.
    mutating func report(_ problem: RulesProblem, at token: Token, notes: [Diagnostic.Note] = []) {
        guard !recovering else { return }
        bag.add(problem, at: token.location, end: token.end, notes: notes)
        recovering = true
    }

    /// Consumes a token of `kind` or reports `expected WHAT after 'KEYWORD'`.
    mutating func expect(_ kind: Token.Kind, _ what: String, after keyword: String?) -> Token? {
        guard at(kind) else {
            report(.expected(what, after: keyword, found: current.description), at: current)
            return nil
        }
        return take()
    }

    mutating func expectString(after keyword: String?) -> StringLiteral? {
        expect(.string, "a string", after: keyword).map {
            StringLiteral(value: $0.text, isMultiline: $0.isMultiline, location: $0.location, end: $0.end)
        }
    }

    mutating func expectIdentifier(_ what: String, after keyword: String?) -> Identifier? {
        expect(.identifier, what, after: keyword).map { Identifier(name: $0.text, location: $0.location, end: $0.end) }
    }

    mutating func expectNumber(after keyword: String?) -> NumberLiteral? {
        guard let token = expect(.number, "a number", after: keyword) else { return nil }
        return NumberLiteral(value: Double(token.text) ?? 0, text: token.text, location: token.location, end: token.end)
    }
}

/// Statement boundaries: trivia and recovery.
extension Parser {
    /// Takes the comments before the statement that starts at the current token.
    mutating func beginStatement() -> (Trivia, mark: Int) {
        recovering = false
        var trivia = Trivia()
        let position = self.position
        trivia.leading = tokens[position].comments
        trivia.blankLineBefore = tokens[position].blankLineBefore
        trivia.blankLineAfterComments = tokens[position].blankLineAfterComments
        if !trivia.leading.isEmpty { tokens[position].comments = [] }
        return (trivia, strays.count)
    }

    /// Adds comments found inside the statement and the comment after it on the same line.
    mutating func endStatement(_ trivia: Trivia, mark: Int) -> Trivia {
        var trivia = trivia
        if mark < strays.count {
            trivia.leading.append(contentsOf: strays[mark...])
            strays.removeSubrange(mark...)
        }
        let position = Swift.min(index, tokens.count - 1)
        if let first = tokens[position].comments.first, !first.isOnOwnLine {
            trivia.trailing = first
            tokens[position].comments.removeFirst()
            if tokens[position].comments.isEmpty { tokens[position].blankLineBefore = false }
        }
        return trivia
    }

    /// Skips tokens until one of `keywords`, a top-level keyword, a '}' or the end; brace pairs are
    /// skipped whole.
    mutating func skip(to keywords: Set<String>) {
        var braces = 0
        while !at(.endOfFile) {
            if braces == 0, atKeyword(in: keywords) || atKeyword(in: Self.itemKeywords) { return }
            if braces == 0, at(.rightBrace) { return }
            if at(.leftBrace) { braces += 1 }
            if at(.rightBrace) { braces -= 1 }
            advance()
        }
    }

    /// Takes the comments before a closing brace or the end of the file.
    mutating func takeEndComments() -> [Comment] {
        let comments = tokens[position].comments
        if !comments.isEmpty { tokens[position].comments = [] }
        return comments
    }

    static let itemKeywords: Set<String> = [
        "ruleset", "include", "document", "terms", "signal", "spellings", "negation", "defaults",
        "criterion", "principles", "gate", "scoring",
    ]
}
