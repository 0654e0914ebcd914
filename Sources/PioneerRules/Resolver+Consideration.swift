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
        var seen = Set<String>()
        for clause in syntax.clauses {
            let keyword = Self.keyword(of: clause.value)
            if keyword != "example", !seen.insert(keyword).inserted {
                bag.add(.duplicateClause(keyword, context: "\(kind) '\(id.name)'"), at: clause.location)
            }
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
        if !id.name.hasPrefix(prefix + ".") || id.name.count <= prefix.count + 1 {
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
