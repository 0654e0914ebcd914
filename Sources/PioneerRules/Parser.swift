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

    // The takes below read the fields they need from the current token in place, then consume it: the
    // token (its text and comments) is not copied and destroyed again.

    /// Consumes the current token and returns its text.
    mutating func takeText() -> String {
        let text = tokens[position].text
        advance()
        return text
    }

    /// Consumes the current token and returns where it starts.
    mutating func takeLocation() -> SourceLocation {
        let location = tokens[position].location
        advance()
        return location
    }

    /// Consumes the current token (a string) as a literal.
    mutating func takeString() -> StringLiteral {
        let token = position
        let literal = StringLiteral(value: tokens[token].text, isMultiline: tokens[token].isMultiline,
                                    location: tokens[token].location, end: tokens[token].end)
        advance()
        return literal
    }

    /// Consumes the current token (an identifier) as a name.
    mutating func takeIdentifier() -> Identifier {
        let token = position
        let identifier = Identifier(name: tokens[token].text, location: tokens[token].location, end: tokens[token].end)
        advance()
        return identifier
    }

    /// Consumes the current token (a number) as a literal; its value is 0 when the text is not a `Double`.
    mutating func takeNumber() -> NumberLiteral {
        let token = position
        let text = tokens[token].text
        let number = NumberLiteral(value: Double(text) ?? 0, text: text, location: tokens[token].location, end: tokens[token].end)
        advance()
        return number
    }

    /// Reports a problem at a token unless a cascade is being suppressed.
    mutating func report(_ problem: RulesProblem, at token: Token, notes: [Diagnostic.Note] = []) {
        guard !recovering else { return }
        bag.add(problem, at: token.location, end: token.end, notes: notes)
        recovering = true
    }

    /// Consumes a token of `kind` and is true, or reports `expected WHAT after 'KEYWORD'` and is false.
    mutating func expect(_ kind: Token.Kind, _ what: String, after keyword: String?) -> Bool {
        guard at(kind) else {
            reportExpected(what, after: keyword)
            return false
        }
        advance()
        return true
    }

    mutating func expectString(after keyword: String?) -> StringLiteral? {
        guard at(.string) else {
            reportExpected("a string", after: keyword)
            return nil
        }
        return takeString()
    }

    mutating func expectIdentifier(_ what: String, after keyword: String?) -> Identifier? {
        guard at(.identifier) else {
            reportExpected(what, after: keyword)
            return nil
        }
        return takeIdentifier()
    }

    mutating func expectNumber(after keyword: String?) -> NumberLiteral? {
        guard at(.number) else {
            reportExpected("a number", after: keyword)
            return nil
        }
        return takeNumber()
    }

    /// Reports `expected WHAT after 'KEYWORD'` at the current token.
    mutating func reportExpected(_ what: String, after keyword: String?) {
        report(.expected(what, after: keyword, found: current.description), at: current)
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
