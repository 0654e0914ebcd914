/// Top-level declarations.
extension Parser {
    /// file := item*
    mutating func parseFile() -> SourceFileSyntax {
        var items: [Node<Item>] = []
        while !at(.endOfFile), !bag.isFull {
            let start = index
            let location = tokens[position].location
            let (trivia, mark) = beginStatement()
            if let item = parseItem() {
                items.append(Node(value: item, location: location, trivia: endStatement(trivia, mark: mark)))
            } else {
                if index == start { advance() }
                skip(to: [])
                _ = endStatement(trivia, mark: mark)
            }
        }
        return SourceFileSyntax(file: file, items: items, endComments: takeEndComments())
    }

    /// item := ruleset | include | document | terms | signal | spellings | negation | defaults
    ///       | criterion | principles | gate | scoring
    mutating func parseItem() -> Item? {
        guard atKeyword(in: Self.itemKeywords) else {
            let notes = current.kind == .identifier
                ? EditDistance.notes(for: current.text, among: Self.itemKeywords.sorted()) : []
            report(.expectedDeclaration(found: current.description), at: current, notes: notes)
            return nil
        }
        switch tokens[position].text {
        case "include": return parseInclude()
        case "terms", "signal": return parseTerms().map(Item.terms)
        case "criterion": return parseCriterion().map(Item.criterion)
        case "principles": return parsePrinciples().map(Item.principles)
        case "gate": return parseGate().map(Item.block)
        case "ruleset": return parseRuleset().map(Item.block)
        case "document": return parseDocument().map(Item.block)
        case "spellings": return parseSpellings().map(Item.block)
        case "negation": return parseNegation().map(Item.block)
        case "defaults": return parseDefaults().map(Item.block)
        default: return parseScoring().map(Item.block)
        }
    }

    /// include := "include" STRING
    mutating func parseInclude() -> Item? {
        advance()
        return expectString(after: "include").map(Item.include)
    }

    /// ruleset := "ruleset" STRING "{" ("version" STRING | "source" STRING)* "}"
    mutating func parseRuleset() -> BlockSyntax? {
        let location = takeLocation()
        guard let name = expectString(after: "ruleset") else { return nil }
        let fields = ["version", "source"]
        guard let body = parseBlock("ruleset '\(name.value)'", keywords: Set(fields), entry: { parser -> Field? in
            guard fields.contains(where: parser.atKeyword) else {
                parser.reportUnexpected(in: "ruleset", keywords: fields)
                return nil
            }
            let keyword = parser.takeText()
            return parser.expectString(after: keyword).map { Field.string(keyword: keyword, $0) }
        }) else { return nil }
        return BlockSyntax(keyword: "ruleset", location: location, id: nil, title: name, fields: body.entries, endComments: body.endComments)
    }

    /// terms  := "terms" IDENT STRING? "{" (STRING ","?)* ("after_first" "{" (STRING ","?)* "}")? "}"
    /// signal := "signal" IDENT STRING? "{" (STRING ","?)* "}"
    mutating func parseTerms() -> TermsSyntax? {
        let keyword = takeText()
        guard let id = expectIdentifier("a name", after: keyword) else { return nil }
        var title: StringLiteral?
        if at(.string) { title = expectString(after: id.name) }
        var syntax = TermsSyntax(isSignal: keyword == "signal", id: id, title: title, phrases: [], afterFirst: nil,
                                 afterFirstTrivia: Trivia(), afterFirstEndComments: [], endComments: [])
        // The block's name for messages, worked out only for one: `terms 'partners'`.
        guard let body = parseBlock("\(keyword) '\(id.name)'", keywords: Self.termsKeywords, entry: { parser -> TermsEntry? in
            parser.parseTermsEntry(context: "\(keyword) '\(id.name)'")
        }) else { return nil }
        syntax.phrases.reserveCapacity(body.entries.count)
        for entry in body.entries {
            switch entry.value {
            case .phrase(let phrase): syntax.phrases.append(Node(value: phrase, location: entry.location, trivia: entry.trivia))
            case .afterFirst(let list, let end):
                syntax.afterFirst = (syntax.afterFirst ?? []) + list
                syntax.afterFirstTrivia = entry.trivia
                syntax.afterFirstEndComments = end
            }
        }
        syntax.endComments = body.endComments
        return syntax
    }

    /// criterion := "criterion" IDENT STRING "{" ("weight" NUMBER | consideration)* "}"
    mutating func parseCriterion() -> GroupSyntax? {
        let location = takeLocation()
        guard let id = expectIdentifier("a criterion id", after: "criterion"),
              let title = expectString(after: id.name) else { return nil }
        return parseGroupBody(location: location, id: id, title: title, member: "consideration", context: "criterion '\(id.name)'")
    }

    /// principles := "principles" STRING "{" ("weight" NUMBER | principle)* "}"
    mutating func parsePrinciples() -> GroupSyntax? {
        let location = takeLocation()
        guard let title = expectString(after: "principles") else { return nil }
        return parseGroupBody(location: location, id: nil, title: title, member: "principle", context: "principles")
    }

    /// gate := "gate" IDENT STRING "{" ("requires" IDENT | "when" VERDICT "cap" BAND | "message" STRING)* "}"
    mutating func parseGate() -> BlockSyntax? {
        let location = takeLocation()
        guard let id = expectIdentifier("a gate id", after: "gate"), let title = expectString(after: id.name) else {
            return nil
        }
        guard let body = parseBlock("gate '\(id.name)'", keywords: Self.gateFieldSet, entry: { parser -> Field? in
            parser.parseGateField(Self.gateFields)
        }) else { return nil }
        return BlockSyntax(keyword: "gate", location: location, id: id, title: title, fields: body.entries, endComments: body.endComments)
    }
}

extension Parser {
    static let termsKeywords: Set<String> = ["after_first"]
    static let gateFields = ["requires", "when", "message"]
    static let gateFieldSet = Set(gateFields)
    /// The statements of a criterion and of the principles block.
    static let groupKeywords: [String: Set<String>] = [
        "consideration": ["weight", "consideration"], "principle": ["weight", "principle"],
    ]

    /// An entry of a terms block: a phrase or the `after_first` list.
    enum TermsEntry: Sendable, Hashable {
        case phrase(StringLiteral)
        case afterFirst([Node<StringLiteral>], endComments: [Comment])
    }

    mutating func parseTermsEntry(context: @autoclosure () -> String) -> TermsEntry? {
        if atKeyword("after_first") {
            advance()
            return parseStringList("after_first").map { TermsEntry.afterFirst($0.entries, endComments: $0.endComments) }
        }
        guard at(.string) else {
            reportUnexpected(in: context(), keywords: ["after_first"])
            return nil
        }
        let literal = takeString()
        if at(.comma) { advance() }
        return .phrase(literal)
    }

    mutating func parseGroupBody(location: SourceLocation, id: Identifier?, title: StringLiteral, member: String,
                                 context: @autoclosure () -> String) -> GroupSyntax? {
        let keywords = ["weight", member]
        guard let body = parseBlock(context(), keywords: Self.groupKeywords[member] ?? Set(keywords),
                                    entry: { parser -> GroupMember? in
            if parser.atKeyword("weight") {
                parser.advance()
                return parser.expectNumber(after: "weight").map(GroupMember.weight)
            }
            guard parser.atKeyword(member) else {
                parser.reportUnexpected(in: context(), keywords: keywords)
                return nil
            }
            return parser.parseConsideration().map(GroupMember.consideration)
        }) else { return nil }
        return GroupSyntax(location: location, id: id, title: title, members: body.entries, endComments: body.endComments)
    }

    /// gate field := "requires" IDENT | "when" VERDICT "cap" BAND | "message" STRING
    mutating func parseGateField(_ fields: [String]) -> Field? {
        switch currentWord ?? "" {
        case "requires":
            advance()
            return expectIdentifier("a consideration id", after: "requires").map { Field.words(keyword: "requires", [$0]) }
        case "when":
            advance()
            guard let verdict = expectIdentifier("a verdict", after: "when") else { return nil }
            guard atKeyword("cap") else {
                report(.expected("'cap'", after: verdict.name, found: current.description), at: current)
                return nil
            }
            advance()
            return expectIdentifier("a band", after: "cap").map { Field.cap(verdict: verdict, band: $0) }
        case "message":
            advance()
            return expectString(after: "message").map { Field.string(keyword: "message", $0) }
        default:
            reportUnexpected(in: "gate", keywords: fields)
            return nil
        }
    }
}
