/// A canonical, deterministic text dump of a compiled model and its SHA-256.
///
/// Source locations are left out, so reformatting a rules file keeps its fingerprint; every
/// value that changes how a bid is scored is in.
enum Fingerprint {
    static func of(_ rules: CompiledRules) -> String {
        SHA256.hex(dump(rules).utf8)
    }

    static func dump(_ rules: CompiledRules) -> String {
        var out: [String] = []
        out.append("ruleset \(quote(rules.header.name)) \(quote(rules.header.version)) \(quote(rules.header.source))")
        out.append("page_limit \(rules.pageLimit.limit) \(rules.pageLimit.overLimitCap?.rawValue ?? "warn")")
        for (index, phrase) in rules.phrases.enumerated() {
            out.append("phrase \(index) \(phrase.words.joined(separator: " "))\(phrase.lastWordIsPrefix ? " *" : "") \(quote(phrase.source))")
        }
        for set in rules.termSets {
            out.append("terms \(set.id) \(quote(set.title)) \(list(set.phrases)) after \(list(set.afterFirst))")
        }
        let negation = rules.negation
        out.append("negation \(list(negation.before)) \(list(negation.after)) \(list(negation.exceptions)) \(list(negation.clauseBreaks)) \(negation.window)")
        for criterion in rules.criteria {
            out.append("criterion \(criterion.id) \(quote(criterion.title)) \(number(criterion.weight))")
            out += criterion.considerations.map(consideration)
        }
        out.append("principles \(quote(rules.principles.title)) \(number(rules.principles.weight))")
        out += rules.principles.considerations.map(consideration)
        for gate in rules.gates {
            let caps = Verdict.allCases.compactMap { verdict in gate.caps[verdict].map { "\(verdict.rawValue)=\($0.rawValue)" } }
            out.append("gate \(gate.id) \(quote(gate.title)) \(gate.considerationID) \(caps.joined(separator: ",")) \(quote(gate.message))")
        }
        let points = Verdict.allCases.map { "\($0.rawValue)=\(number(rules.scoring.points[$0] ?? 0))" }
        out.append("points \(points.joined(separator: ","))")
        for band in rules.scoring.bands {
            out.append("band \(band.band.rawValue) \(number(band.minimumScore)) \(band.minimumCriterionScore.map(number) ?? "-")")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

private extension Fingerprint {
    static func consideration(_ c: CompiledConsideration) -> String {
        var line = "  consideration \(c.id) \(quote(c.title)) \(number(c.weight)) \(quote(c.guidance))"
        line += " evidence \(condition(c.evidence)) unit \(c.unit.rawValue) strong \(condition(c.strong))"
        line += " minimum \(c.minimum) scope \(c.headingScope.map(condition) ?? "-")"
        if let mentions = c.mentions { line += " mentions \(condition(mentions))" }
        for example in c.examples { line += " example \(example.expected.rawValue) \(quote(example.text))" }
        return line
    }

    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .termSet(let index): return "t\(index)"
        case .phrase(let index): return "p\(index)"
        case .signal(let signal): return signal.rawValue
        case .all(let items): return "(all \(items.map(Self.condition).joined(separator: " ")))"
        case .any(let items): return "(any \(items.map(Self.condition).joined(separator: " ")))"
        case .not(let inner): return "(not \(Self.condition(inner)))"
        case .atLeast(let count, let items): return "(\(count)-of \(items.map(Self.condition).joined(separator: " ")))"
        case .near(let a, let b, let words): return "(near \(Self.condition(a)) \(Self.condition(b)) \(words))"
        }
    }

    static func list(_ indices: [Int]) -> String {
        "[" + indices.map(String.init).joined(separator: ",") + "]"
    }

    static func number(_ value: Double) -> String { Resolver.format(value) }

    /// A string quoted as the formatter writes it.
    static func quote(_ text: String) -> String { SyntaxPrinter.quote(text) }
}
