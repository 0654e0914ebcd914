/// One consideration or principle and its clauses.
extension Resolver {
    /// The clauses gathered from a consideration block before defaults are applied.
    private struct Parts {
        var weight = 1.0
        var guidance: String?
        var hasEvidenceClause = false
        var evidence: Condition?
        var mentions: Condition?
        var unit: EvidenceUnit?
        var strong: Condition?
        var minimum: Int?
        var scope: Condition?
        var examples: [RuleExample] = []
    }

    mutating func compileConsideration(_ syntax: ConsiderationSyntax, prefix: String) -> CompiledConsideration? {
        let id = syntax.id
        let kind = syntax.isPrinciple ? "principle" : "consideration"
        checkID(id, prefix: prefix)
        var parts = Parts()
        // The clause keywords met so far, one bit per `Clause` case (`clauseBit`): no set of strings to hash.
        var seen: UInt16 = 0
        for clause in syntax.clauses {
            let bit = Self.clauseBit(of: clause.value)
            if seen & bit != 0 {
                bag.add(.duplicateClause(Self.keyword(of: clause.value), context: "\(kind) '\(id.name)'"), at: clause.location)
            }
            seen |= bit
            apply(clause.value, to: &parts)
        }
        if !parts.hasEvidenceClause {
            bag.add(.missingEvidence("\(kind) '\(id.name)'"), at: id.location, end: id.end)
        }
        if parts.examples.isEmpty { bag.add(.noExamples(kind: kind, id: id.name), at: id.location, end: id.end) }
        if parts.guidance == nil, !syntax.isPrinciple { bag.add(.noGuidance(id.name), at: id.location, end: id.end) }
        guard let evidence = parts.evidence else { return nil }
        return CompiledConsideration(
            id: id.name, title: syntax.title.value, weight: parts.weight, guidance: parts.guidance ?? "",
            evidence: evidence, unit: parts.unit ?? defaults.unit, strong: parts.strong ?? defaults.strong,
            minimum: parts.minimum ?? defaults.minimum, headingScope: parts.scope, examples: parts.examples,
            location: id.location, mentions: parts.mentions)
    }

    private mutating func checkID(_ id: Identifier, prefix: String) {
        // Identifiers are ASCII (the lexer reads no other identifier character), so bytes are characters.
        let name = id.name.utf8, expected = prefix.utf8
        let prefixed = name.count > expected.count + 1 && name.starts(with: expected)
            && name[name.index(name.startIndex, offsetBy: expected.count)] == UInt8(ascii: ".")
        if !prefixed {
            bag.add(.considerationPrefix(id: id.name, prefix: prefix), at: id.location, end: id.end)
        }
        if let first = considerationIDs[id.name] {
            bag.add(.duplicate(kind: "consideration", id: id.name), at: id.location, end: id.end,
                    notes: [Diagnostic.Note(message: "first declared here", location: first)])
        } else {
            considerationIDs[id.name] = id.location
        }
    }

    private mutating func apply(_ clause: Clause, to parts: inout Parts) {
        switch clause {
        case .weight(let number):
            if number.value > 0 { parts.weight = number.value } else {
                bag.add(.notPositive("weight"), at: number.location, end: number.end)
            }
        case .guidance(let text): parts.guidance = text.value
        case .evidence(let expression):
            parts.hasEvidenceClause = true
            parts.evidence = condition(expression)
        case .mentions(let expression): parts.mentions = condition(expression)
        case .unit(let word): parts.unit = unit(word)
        case .strong(let expression): parts.strong = condition(expression)
        case .minimum(let number): parts.minimum = whole(number, "minimum", 1...1_000)
        case .scopeHeading(let expression): parts.scope = condition(expression)
        case .example(let word, let text):
            if let verdict = verdict(word) {
                parts.examples.append(RuleExample(expected: verdict, text: text.value, location: word.location))
            }
        }
    }

    /// A bit of its own for each kind of clause (each `keyword(of:)`) that may appear once; 0 for an example.
    static func clauseBit(of clause: Clause) -> UInt16 {
        switch clause {
        case .weight: return 1 << 0
        case .guidance: return 1 << 1
        case .evidence: return 1 << 2
        case .mentions: return 1 << 3
        case .unit: return 1 << 4
        case .strong: return 1 << 5
        case .minimum: return 1 << 6
        case .scopeHeading: return 1 << 7
        case .example: return 0
        }
    }

    static func keyword(of clause: Clause) -> String {
        switch clause {
        case .weight: return "weight"
        case .guidance: return "guidance"
        case .evidence: return "evidence"
        case .mentions: return "mentions"
        case .unit: return "unit"
        case .strong: return "strong"
        case .minimum: return "minimum"
        case .scopeHeading: return "scope"
        case .example: return "example"
        }
    }
}
