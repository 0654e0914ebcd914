/// Printing declarations, clauses and expressions.
extension SyntaxPrinter {
    mutating func item(_ item: Item) {
        switch item {
        case .include(let path): line("include " + Self.quote(path.value))
        case .terms(let terms): self.terms(terms)
        case .criterion(let group), .principles(let group): self.group(group)
        case .block(let block): self.block(block)
        }
    }

    mutating func terms(_ terms: TermsSyntax) {
        let keyword = terms.isSignal ? "signal" : "terms"
        let header = "\(keyword) \(terms.id.name)" + (terms.title.map { " " + Self.quote($0.value) } ?? "")
        var entries = terms.phrases.map { Node(value: Optional($0.value), location: $0.location, trivia: $0.trivia) }
        if terms.afterFirst != nil {
            entries.append(Node(value: nil, location: terms.id.location, trivia: terms.afterFirstTrivia))
        }
        block(header, entries, end: terms.endComments) { printer, phrase in
            if let phrase {
                printer.line(Self.quote(phrase.value))
            } else {
                printer.block("after_first", terms.afterFirst ?? [], end: terms.afterFirstEndComments) {
                    $0.line(Self.quote($1.value))
                }
            }
        }
    }

    mutating func group(_ group: GroupSyntax) {
        let header = group.id.map { "criterion \($0.name) " } ?? "principles "
        block(header + Self.quote(group.title.value), group.members, end: group.endComments) { printer, member in
            switch member {
            case .weight(let number): printer.line("weight " + Self.number(number))
            case .consideration(let syntax): printer.consideration(syntax)
            }
        }
    }

    mutating func consideration(_ syntax: ConsiderationSyntax) {
        let keyword = syntax.isPrinciple ? "principle" : "consideration"
        let header = "\(keyword) \(syntax.id.name) \(Self.quote(syntax.title.value))"
        block(header, syntax.clauses, end: syntax.endComments) { $0.clause($1) }
    }

    mutating func clause(_ clause: Clause) {
        switch clause {
        case .weight(let number): line("weight " + Self.number(number))
        case .guidance(let text): stringLine("guidance ", text)
        case .evidence(let expression): line("evidence " + Self.expression(expression))
        case .mentions(let expression): line("mentions " + Self.expression(expression))
        case .unit(let word): line("unit " + word.name)
        case .strong(let expression): line("strong when " + Self.expression(expression))
        case .minimum(let number): line("minimum " + Self.number(number))
        case .scopeHeading(let expression): line("scope heading " + Self.expression(expression))
        case .example(let verdict, let text): stringLine("example \(verdict.name) ", text)
        }
    }

    mutating func block(_ block: BlockSyntax) {
        var header = block.keyword
        if let id = block.id { header += " " + id.name }
        if let title = block.title { header += " " + Self.quote(title.value) }
        self.block(header, block.fields, end: block.endComments) { $0.field($1) }
    }

    mutating func field(_ field: Field) {
        switch field {
        case .string(let keyword, let text): stringLine(keyword + " ", text)
        case .number(let keyword, let number): line(keyword + " " + Self.number(number))
        case .words(let keyword, let words): line(([keyword] + words.map(\.name)).joined(separator: " "))
        case .list(let keyword, let entries, let end):
            block(keyword, entries, end: end) { $0.line(Self.quote($1.value)) }
        case .equals(let literals): line(literals.map { Self.quote($0.value) }.joined(separator: " = "))
        case .verdictPoints(let verdict, let number): line(verdict.name + " " + Self.number(number))
        case .band(let band, let threshold, let criteria):
            var text = "band " + band.name
            if let threshold { text += " at " + Self.number(threshold) }
            if let criteria { text += " criteria_at_least " + Self.number(criteria) }
            line(text)
        case .points(let entries, let end): block("points", entries, end: end) { $0.field($1) }
        case .cap(let verdict, let band): line("when \(verdict.name) cap \(band.name)")
        case .clause(let clause): self.clause(clause)
        }
    }

    /// An expression on one line, with the parentheses the author wrote.
    static func expression(_ expression: Expression) -> String {
        switch expression {
        case .name(let identifier): return identifier.name
        case .phrase(let literal): return quote(literal.value)
        case .not(let inner, _): return "not " + Self.expression(inner)
        case .and(let operands): return operands.map(Self.expression).joined(separator: " and ")
        case .or(let operands): return operands.map(Self.expression).joined(separator: " or ")
        case .parenthesized(let inner, _): return "(" + Self.expression(inner) + ")"
        case .any(let operands, _): return "any(" + operands.map(Self.expression).joined(separator: ", ") + ")"
        case .all(let operands, _): return "all(" + operands.map(Self.expression).joined(separator: ", ") + ")"
        case .countOf(let count, let operands):
            return number(count) + " of (" + operands.map(Self.expression).joined(separator: ", ") + ")"
        case .near(let first, let second, let distance, _):
            return "near(\(Self.expression(first)), \(Self.expression(second)), \(number(distance)))"
        }
    }
}
