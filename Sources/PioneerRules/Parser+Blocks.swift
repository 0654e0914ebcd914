/// The one loop every `{ … }` block shares: statements with trivia, recovery, and the closing brace.
extension Parser {
    /// The entries of a block whose statements start with `keywords`.
    /// Unconstrained, like `Node`, so building its metadata needs no conformance lookup.
    struct BlockContents<Value> {
        var entries: [Node<Value>] = []
        var endComments: [Comment] = []
    }

    /// block := "{" entry* "}"
    ///
    /// `entry` parses one statement (reporting its own errors) or returns nil; the loop then skips to
    /// the next statement. `context` names the block in messages: `consideration 'vision.narrative'`
    /// (worked out only for a message).
    mutating func parseBlock<Value>(_ context: @autoclosure () -> String, keywords: Set<String>,
                                    entry: (inout Parser) -> Value?) -> BlockContents<Value>? {
        guard at(.leftBrace) else {
            report(.expectedOpenBrace(context(), found: current.description), at: current)
            return nil
        }
        advance()
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            report(.nestedTooDeeply, at: current)
            skip(to: [])
            return nil
        }
        var contents = BlockContents<Value>()
        // Room for a typical block (a term set holds about ten phrases), instead of growing 1, 2, 4, 8, 16.
        contents.entries.reserveCapacity(16)
        while !bag.isFull {
            if at(.rightBrace) {
                contents.endComments = takeEndComments()
                advance()
                return contents
            }
            if at(.endOfFile) || (atKeyword(in: Self.itemKeywords) && !atKeyword(in: keywords)) {
                recovering = false
                report(.unclosedBlock(context()), at: current)
                return contents
            }
            parseEntry(into: &contents, keywords: keywords, entry: entry)
        }
        return contents
    }

    private mutating func parseEntry<Value>(into contents: inout BlockContents<Value>, keywords: Set<String>,
                                            entry: (inout Parser) -> Value?) {
        let start = index
        let location = tokens[position].location
        let (trivia, mark) = beginStatement()
        if let value = entry(&self) {
            if index == start { advance() }  // never loop on a token an entry did not consume
            contents.entries.append(Node(value: value, location: location, trivia: endStatement(trivia, mark: mark)))
            return
        }
        if index == start { advance() }
        skip(to: keywords)
        _ = endStatement(trivia, mark: mark)
    }

    /// Reports a statement the block does not allow, with a did-you-mean among its keywords.
    mutating func reportUnexpected(in context: String, keywords: [String]) {
        let notes = current.kind == .identifier ? EditDistance.notes(for: current.text, among: keywords) : []
        report(.unexpectedInBlock(current.description, context: context), at: current, notes: notes)
    }

    /// A list of strings with optional commas: `"a", "b" "c"`, as statements with comments.
    mutating func parseStringList(_ context: String) -> BlockContents<StringLiteral>? {
        parseBlock(context, keywords: []) { parser -> StringLiteral? in
            guard parser.at(.string) else {
                parser.report(.expected("a string", after: nil, found: parser.current.description), at: parser.current)
                return nil
            }
            let literal = parser.takeString()
            if parser.at(.comma) { parser.advance() }
            return literal
        }
    }
}
