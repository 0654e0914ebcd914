/// Boolean expressions over term sets, phrases and signals.
extension Parser {
    /// expr := and_expr ("or" and_expr)*
    mutating func parseExpression() -> Expression? {
        guard enter() else { return nil }
        defer { depth -= 1 }
        guard let first = parseAnd() else { return nil }
        var operands = [first]
        while atKeyword("or") {
            advance()
            guard let next = parseAnd() else { return nil }
            operands.append(next)
        }
        return operands.count == 1 ? first : .or(operands)
    }

    /// and_expr := unary ("and" unary)*
    mutating func parseAnd() -> Expression? {
        guard let first = parseUnary() else { return nil }
        var operands = [first]
        while atKeyword("and") {
            advance()
            guard let next = parseUnary() else { return nil }
            operands.append(next)
        }
        return operands.count == 1 ? first : .and(operands)
    }

    /// unary := "not" unary | primary
    mutating func parseUnary() -> Expression? {
        guard atKeyword("not") else { return parsePrimary() }
        let location = takeLocation()
        guard enter() else { return nil }
        defer { depth -= 1 }
        return parseUnary().map { Expression.not($0, at: location) }
    }

    /// primary := IDENT | STRING | "(" expr ")" | "any" "(" list ")" | "all" "(" list ")"
    ///          | NUMBER "of" "(" list ")" | "near" "(" expr "," expr "," NUMBER ")"
    mutating func parsePrimary() -> Expression? {
        switch tokens[position].kind {
        case .identifier where peekKind(1) == .leftParen && ["any", "all", "near"].contains(tokens[position].text):
            return parseCall()
        case .identifier:
            return .name(takeIdentifier())
        case .string:
            return .phrase(takeString())
        case .number:
            return parseCountOf()
        case .leftParen:
            let location = takeLocation()
            guard let inner = parseExpression() else { return nil }
            guard expect(.rightParen, "')'", after: nil) else { return nil }
            return .parenthesized(inner, at: location)
        default:
            report(.expected("an expression", after: nil, found: current.description), at: current)
            return nil
        }
    }
}

private extension Parser {
    /// Enters one level of nesting; reports once and fails beyond `maxDepth`.
    mutating func enter() -> Bool {
        depth += 1
        guard depth <= Self.maxDepth else {
            depth -= 1
            report(.nestedTooDeeply, at: current)
            return false
        }
        return true
    }

    /// "any" "(" list ")" | "all" "(" list ")" | "near" "(" expr "," expr "," NUMBER ")"
    mutating func parseCall() -> Expression? {
        let name = takeIdentifier()
        advance()
        guard let operands = parseList(closing: name.name) else { return nil }
        if name.name == "any" { return .any(operands.expressions, at: name.location) }
        if name.name == "all" { return .all(operands.expressions, at: name.location) }
        guard operands.expressions.count == 2, let distance = operands.trailingNumber else {
            bag.add(.nearShape, at: name.location, end: name.end)
            recovering = true
            return nil
        }
        return .near(operands.expressions[0], operands.expressions[1], distance, at: name.location)
    }

    /// NUMBER "of" "(" expr ("," expr)* ")"
    mutating func parseCountOf() -> Expression? {
        let count = takeNumber()
        guard atKeyword("of") else {
            report(.expected("'of'", after: count.text, found: current.description), at: current)
            return nil
        }
        advance()
        guard expect(.leftParen, "'('", after: "of"), let operands = parseList(closing: "of") else { return nil }
        return .countOf(count, operands.expressions)
    }

    /// expr ("," expr)* ("," NUMBER)? ")" — the trailing number only for `near`.
    mutating func parseList(closing name: String) -> (expressions: [Expression], trailingNumber: NumberLiteral?)? {
        guard enter() else { return nil }
        defer { depth -= 1 }
        var expressions: [Expression] = []
        var number: NumberLiteral?
        repeat {
            if name == "near", expressions.count == 2, at(.number) {
                number = takeNumber()
                break
            }
            guard let expression = parseExpression() else { return nil }
            expressions.append(expression)
        } while at(.comma) && expect(.comma, "','", after: nil)
        guard expect(.rightParen, "')'", after: nil) else { return nil }
        return (expressions, number)
    }
}
