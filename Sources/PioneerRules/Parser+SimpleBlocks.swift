/// Declarations made only of fields: document, spellings, negation, defaults, scoring.
extension Parser {
    /// document := "document" "{" ("page_limit" NUMBER | "over_limit" ("cap" BAND | "warn"))* "}"
    mutating func parseDocument() -> BlockSyntax? { parseFieldBlock() }

    /// spellings := "spellings" "{" (STRING ("=" STRING)+)* "}"
    mutating func parseSpellings() -> BlockSyntax? { parseFieldBlock() }

    /// negation := "negation" "{" ( ("before" | "after" | "except" | "breaks") "{" (STRING ","?)* "}"
    ///                            | "window" NUMBER )* "}"
    mutating func parseNegation() -> BlockSyntax? { parseFieldBlock() }

    /// defaults := "defaults" "{" (unit | strong | minimum)* "}"
    mutating func parseDefaults() -> BlockSyntax? { parseFieldBlock() }

    /// scoring := "scoring" "{" ( "points" "{" (VERDICT NUMBER)* "}"
    ///                          | "band" BAND ("at" NUMBER)? ("criteria_at_least" NUMBER)? )* "}"
    mutating func parseScoring() -> BlockSyntax? { parseFieldBlock() }

    /// KEYWORD "{" field* "}" with the fields `simpleBlockFields` allows for the keyword.
    private mutating func parseFieldBlock() -> BlockSyntax? {
        let keywordLocation = tokens[position].location
        let keyword = takeText()
        let fields = Self.simpleBlockFields[keyword] ?? []
        guard let body = parseBlock(keyword, keywords: Set(fields), entry: { parser -> Field? in
            parser.parseSimpleField(in: keyword, fields: fields)
        }) else { return nil }
        return BlockSyntax(keyword: keyword, location: keywordLocation, id: nil, title: nil, fields: body.entries,
                           endComments: body.endComments)
    }

    static let simpleBlockFields: [String: [String]] = [
        "document": ["page_limit", "over_limit"],
        "spellings": [],
        "negation": ["before", "after", "except", "breaks", "window"],
        "defaults": ["unit", "strong", "minimum"],
        "scoring": ["points", "band"],
    ]
}

private extension Parser {
    mutating func parseSimpleField(in block: String, fields: [String]) -> Field? {
        if block == "spellings" { return parseSpellingLine() }
        guard current.kind == .identifier, fields.contains(current.text) else {
            reportUnexpected(in: block, keywords: fields)
            return nil
        }
        let keyword = current.text
        switch keyword {
        case "page_limit", "window":
            advance()
            return expectNumber(after: keyword).map { Field.number(keyword: keyword, $0) }
        case "over_limit": return parseOverLimit()
        case "before", "after", "except", "breaks":
            advance()
            return parseStringList(keyword).map { Field.list(keyword: keyword, $0.entries, endComments: $0.endComments) }
        case "unit", "strong", "minimum": return parseClause().map(Field.clause)
        case "points": return parsePoints()
        default: return parseBand()
        }
    }

    /// spelling := STRING ("=" STRING)+
    mutating func parseSpellingLine() -> Field? {
        guard at(.string), let first = expectString(after: "spellings") else {
            report(.expected("a string", after: nil, found: current.description), at: current)
            return nil
        }
        var variants = [first]
        guard at(.equals) else {
            report(.expected("'='", after: "'\(first.value)'", found: current.description), at: current)
            return nil
        }
        while at(.equals) {
            advance()
            guard let next = expectString(after: "=") else { return nil }
            variants.append(next)
        }
        return .equals(variants)
    }

    /// "over_limit" ("cap" BAND | "warn")
    mutating func parseOverLimit() -> Field? {
        advance()
        if atKeyword("warn") {
            return .words(keyword: "over_limit", [takeIdentifier()])
        }
        guard atKeyword("cap") else {
            report(.expected("'cap' or 'warn'", after: "over_limit", found: current.description), at: current)
            return nil
        }
        let cap = takeIdentifier()
        guard let band = expectIdentifier("a band", after: "cap") else { return nil }
        return .words(keyword: "over_limit", [cap, band])
    }

    /// "points" "{" (VERDICT NUMBER)* "}"
    mutating func parsePoints() -> Field? {
        advance()
        let body = parseBlock("points", keywords: Set(Verdict.allCases.map(\.rawValue))) { parser -> Field? in
            guard let verdict = parser.expectIdentifier("a verdict", after: nil) else { return nil }
            return parser.expectNumber(after: verdict.name).map { Field.verdictPoints(verdict, $0) }
        }
        return body.map { Field.points($0.entries, endComments: $0.endComments) }
    }

    /// "band" BAND ("at" NUMBER)? ("criteria_at_least" NUMBER)?
    mutating func parseBand() -> Field? {
        advance()
        guard let band = expectIdentifier("a band", after: "band") else { return nil }
        var threshold: NumberLiteral?
        var criteria: NumberLiteral?
        if atKeyword("at") {
            advance()
            guard let number = expectNumber(after: "at") else { return nil }
            threshold = number
        }
        if atKeyword("criteria_at_least") {
            advance()
            guard let number = expectNumber(after: "criteria_at_least") else { return nil }
            criteria = number
        }
        return .band(band, at: threshold, criteriaAtLeast: criteria)
    }
}
