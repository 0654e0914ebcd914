/// Considerations, principles and their clauses.
extension Parser {
    static let clauseKeywords = ["weight", "guidance", "evidence", "mentions", "unit", "strong", "minimum", "scope", "example"]
    static let clauseKeywordSet = Set(clauseKeywords)
    /// The statements that may start inside a consideration or principle block.
    static let considerationKeywords = clauseKeywordSet.union(["consideration", "principle"])

    /// consideration := "consideration" IDENT STRING "{" clause* "}"
    /// principle     := "principle" IDENT STRING "{" clause* "}"
    mutating func parseConsideration() -> ConsiderationSyntax? {
        let keyword = takeText()
        guard let id = expectIdentifier("an id", after: keyword), let title = expectString(after: id.name) else {
            return nil
        }
        // The block's name for messages, worked out only for one: `consideration 'vision.narrative'`.
        guard let body = parseBlock("\(keyword) '\(id.name)'", keywords: Self.considerationKeywords,
                                    entry: { parser -> Clause? in
            if parser.atKeyword("consideration") || parser.atKeyword("principle") {
                parser.report(.unclosedBlock("\(keyword) '\(id.name)'"), at: parser.current)
                return nil
            }
            return parser.parseClause(context: "\(keyword) '\(id.name)'")
        }) else { return nil }
        return ConsiderationSyntax(isPrinciple: keyword == "principle", id: id, title: title, clauses: body.entries,
                                   endComments: body.endComments)
    }

    /// clause := "weight" NUMBER | "guidance" STRING | "evidence" expr | "mentions" expr | unit | strong | minimum
    ///         | "scope" "heading" expr | example
    mutating func parseClause(context: @autoclosure () -> String = "defaults") -> Clause? {
        guard atKeyword(in: Self.clauseKeywordSet) else {
            reportUnexpected(in: context(), keywords: Self.clauseKeywords)
            return nil
        }
        let keyword = takeText()
        switch keyword {
        case "weight": return expectNumber(after: keyword).map(Clause.weight)
        case "guidance": return expectString(after: keyword).map(Clause.guidance)
        case "evidence": return parseExpression().map(Clause.evidence)
        case "mentions": return parseExpression().map(Clause.mentions)
        case "unit": return expectIdentifier("'sentence' or 'paragraph'", after: keyword).map(Clause.unit)
        case "strong": return parseStrong()
        case "minimum": return expectNumber(after: keyword).map(Clause.minimum)
        case "scope": return parseScope()
        default: return parseExample()
        }
    }
}

private extension Parser {
    /// strong := "strong" "when" expr
    mutating func parseStrong() -> Clause? {
        guard atKeyword("when") else {
            report(.expected("'when'", after: "strong", found: current.description), at: current)
            return nil
        }
        advance()
        return parseExpression().map(Clause.strong)
    }

    /// "scope" "heading" expr
    mutating func parseScope() -> Clause? {
        guard atKeyword("heading") else {
            report(.expected("'heading'", after: "scope", found: current.description), at: current)
            return nil
        }
        advance()
        return parseExpression().map(Clause.scopeHeading)
    }

    /// example := "example" VERDICT STRING
    mutating func parseExample() -> Clause? {
        guard let verdict = expectIdentifier("a verdict ('met', 'partial' or 'missing')", after: "example"),
              let text = expectString(after: verdict.name) else { return nil }
        return .example(verdict: verdict, text: text)
    }
}
