/// Criteria, principles and the considerations inside them.
extension Resolver {
    mutating func applyDefaults(_ block: BlockSyntax) {
        for field in block.fields {
            guard case .clause(let clause) = field.value else { continue }
            switch clause {
            case .unit(let word): defaults.unit = unit(word) ?? defaults.unit
            case .strong(let expression): defaults.strong = condition(expression) ?? defaults.strong
            case .minimum(let number): defaults.minimum = whole(number, "minimum", 1...1_000) ?? defaults.minimum
            default: break
            }
        }
    }

    mutating func compileCriteria(_ items: [Node<Item>]) -> [CompiledCriterion] {
        var seen: [String: SourceLocation] = [:]
        var criteria: [CompiledCriterion] = []
        for node in items {
            guard case .criterion(let group) = node.value, let id = group.id else { continue }
            if let first = seen[id.name] {
                bag.add(.duplicate(kind: "criterion", id: id.name), at: id.location, end: id.end,
                        notes: [Diagnostic.Note(message: "first declared here", location: first)])
            }
            seen[id.name] = seen[id.name] ?? id.location
            let (weight, members) = compileMembers(group, prefix: id.name, weightFloor: .positive)
            criteria.append(CompiledCriterion(id: id.name, title: group.title.value, weight: weight ?? 1,
                                              considerations: members, location: id.location))
        }
        return criteria
    }

    mutating func compilePrinciples(_ items: [Node<Item>]) -> PrinciplesGroup {
        let groups = items.compactMap { node -> GroupSyntax? in
            if case .principles(let group) = node.value { return group } else { return nil }
        }
        guard let group = groups.first else { return PrinciplesGroup(title: "", weight: 0, considerations: []) }
        for extra in groups.dropFirst() {
            bag.add(.duplicateBlock("principles"), at: extra.location,
                    notes: [Diagnostic.Note(message: "first declared here", location: group.location)])
        }
        let (weight, members) = compileMembers(group, prefix: "principles", weightFloor: .zero)
        return PrinciplesGroup(title: group.title.value, weight: weight ?? 0, considerations: members)
    }

    enum WeightFloor { case positive, zero }

    private mutating func compileMembers(_ group: GroupSyntax, prefix: String,
                                         weightFloor: WeightFloor) -> (Double?, [CompiledConsideration]) {
        var weight: Double?
        var considerations: [CompiledConsideration] = []
        let context = group.id.map { "criterion '\($0.name)'" } ?? "principles"
        for member in group.members {
            switch member.value {
            case .weight(let number):
                if weight != nil { bag.add(.duplicateClause("weight", context: context), at: member.location) }
                weight = groupWeight(number, floor: weightFloor)
            case .consideration(let syntax):
                if let compiled = compileConsideration(syntax, prefix: prefix) { considerations.append(compiled) }
            }
        }
        return (weight, considerations)
    }

    private mutating func groupWeight(_ number: NumberLiteral, floor: WeightFloor) -> Double? {
        if floor == .positive, number.value <= 0 {
            bag.add(.notPositive("weight"), at: number.location, end: number.end)
            return nil
        }
        if number.value < 0 {
            bag.add(.negative("weight"), at: number.location, end: number.end)
            return nil
        }
        return number.value
    }

    mutating func unit(_ word: Identifier) -> EvidenceUnit? {
        lookup(word, kind: "unit", expected: "'sentence' or 'paragraph'", EvidenceUnit.init(rawValue:),
               candidates: ["sentence", "paragraph"])
    }
}
