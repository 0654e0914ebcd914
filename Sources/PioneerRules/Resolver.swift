/// The semantic pass: checks a parsed rule set and produces the `CompiledRules` model.
///
/// Works over the items of every file (includes already resolved by `RulesLoader`), in order.
/// Every problem becomes a diagnostic; the model is returned only when there is no error.
struct Resolver {
    var bag: DiagnosticBag
    var phrases = PhraseTable()
    var spellings = SpellingExpander()
    var termSets: [CompiledTermSet] = []
    var termSetKinds: [String] = []
    var termSetIndex: [String: Int] = [:]
    /// Whether each term set (by index) is used by some condition. Arrays indexed by position rather than
    /// sets: every distinct `Hashable` key type costs a scan of the conformance tables at start-up.
    var usedTermSets: [Bool] = []
    /// The term set each term-set phrase (by `PhraseKey`, an index into `phrases`) was first declared in
    /// and the last it was met in, for repeat warnings; nil for a phrase not yet met in a term set.
    var phraseOwners: [PhraseOwner?] = []
    /// Scratch for removing repeats from a term set's phrase indices: the term set (index + 1) that last
    /// took each phrase, by phrase index.
    var phraseTakenBy: [Int] = []
    var considerationIDs: [String: SourceLocation] = [:]
    var gateIDs: [String: SourceLocation] = [:]
    var defaults = Defaults()

    struct Defaults {
        var unit = EvidenceUnit.sentence
        var strong = Condition.atLeast(2, BuiltinSignal.allCases.map(Condition.signal))
        var minimum = 1
    }

    /// Where problems of the rule set as a whole are reported (the entry file).
    let entry: SourceLocation

    init(bag: DiagnosticBag, entry: String) {
        self.bag = bag
        self.entry = SourceLocation(file: entry, line: 0, column: 0)
    }

    /// Resolves `items`; returns nil when any error was found.
    static func resolve(_ items: [Node<Item>], entry: String, bag: inout DiagnosticBag) -> CompiledRules? {
        var resolver = Resolver(bag: bag, entry: entry)
        let rules = resolver.resolve(items)
        bag = resolver.bag
        return bag.hasErrors ? nil : rules
    }

    private mutating func resolve(_ items: [Node<Item>]) -> CompiledRules? {
        let blocks = items.compactMap { node -> BlockSyntax? in
            if case .block(let block) = node.value { return block } else { return nil }
        }
        let terms = items.compactMap { node -> TermsSyntax? in
            if case .terms(let terms) = node.value { return terms } else { return nil }
        }
        for block in blocks where block.keyword == "spellings" { addSpellings(block) }
        for syntax in terms { declareTermSet(syntax) }
        let literals = terms.reduce(0) { $0 + $1.phrases.count + ($1.afterFirst?.count ?? 0) }
        phrases.reserveCapacity(literals)
        phraseOwners.reserveCapacity(literals)
        phraseTakenBy.reserveCapacity(literals)
        for syntax in terms { compileTermSet(syntax) }
        let negation = compileNegation(single("negation", in: blocks))
        if let block = single("defaults", in: blocks) { applyDefaults(block) }
        let header = compileHeader(blocks.filter { $0.keyword == "ruleset" })
        let pageLimit = compilePageLimit(blocks.filter { $0.keyword == "document" })
        let criteria = compileCriteria(items)
        let principles = compilePrinciples(items)
        let gates = blocks.filter { $0.keyword == "gate" }.compactMap { compileGate($0) }
        let scoring = compileScoring(single("scoring", in: blocks))
        warnUnusedTermSets()
        guard !bag.hasErrors, let header, let pageLimit else { return nil }
        var rules = CompiledRules(header: header, pageLimit: pageLimit, phrases: phrases.phrases, termSets: termSets,
                                  negation: negation, criteria: criteria, principles: principles, gates: gates,
                                  scoring: scoring, fingerprint: "")
        rules.fingerprint = Fingerprint.of(rules)
        return rules
    }
}

/// Header, document, and shared helpers.
extension Resolver {
    /// The one block with `keyword`; later ones are reported as duplicates.
    mutating func single(_ keyword: String, in blocks: [BlockSyntax]) -> BlockSyntax? {
        let matching = blocks.filter { $0.keyword == keyword }
        for extra in matching.dropFirst() {
            bag.add(.duplicateBlock(keyword), at: extra.location,
                    notes: [Diagnostic.Note(message: "first declared here", location: matching[0].location)])
        }
        return matching.first
    }

    mutating func compileHeader(_ blocks: [BlockSyntax]) -> RulesetHeader? {
        guard let block = blocks.first, let name = block.title else {
            bag.add(.missingRuleset, at: entry)
            return nil
        }
        for extra in blocks.dropFirst() {
            bag.add(.duplicateBlock("ruleset"), at: extra.location,
                    notes: [Diagnostic.Note(message: "first declared here", location: block.location)])
        }
        var header = RulesetHeader(name: name.value, version: "", source: "")
        for field in block.fields {
            guard case .string(let keyword, let value) = field.value else { continue }
            if keyword == "version" { header.version = value.value } else { header.source = value.value }
        }
        return header
    }

    mutating func compilePageLimit(_ blocks: [BlockSyntax]) -> PageLimitRule? {
        guard let block = blocks.first else {
            bag.add(.missingDocument, at: entry)
            return nil
        }
        for extra in blocks.dropFirst() {
            bag.add(.duplicateBlock("document"), at: extra.location,
                    notes: [Diagnostic.Note(message: "first declared here", location: block.location)])
        }
        var limit: Int?
        var cap: Band?
        var sawLimit = false
        for field in block.fields {
            switch field.value {
            case .number(_, let number):
                sawLimit = true
                limit = whole(number, "page_limit", 1...1_000)
            case .words(_, let words) where words.count == 2: cap = band(words[1])
            default: break
            }
        }
        if !sawLimit { bag.add(.missingPageLimit, at: block.location) }
        guard let limit else { return nil }
        return PageLimitRule(limit: limit, overLimitCap: cap)
    }

    /// A whole number within `range`, or nil after reporting.
    mutating func whole(_ number: NumberLiteral, _ what: String, _ range: ClosedRange<Int>) -> Int? {
        let text = Self.format(number.value)
        guard number.value == number.value.rounded(), abs(number.value) < 1e9 else {
            bag.add(.notWhole(what, value: text), at: number.location, end: number.end)
            return nil
        }
        guard range.contains(Int(number.value)) else {
            bag.add(.outOfRange(what, value: text, range: "\(range.lowerBound) to \(range.upperBound)"),
                    at: number.location, end: number.end)
            return nil
        }
        return Int(number.value)
    }

    /// A number within `range`, or nil after reporting.
    mutating func decimal(_ number: NumberLiteral, _ what: String, _ range: ClosedRange<Double>) -> Double? {
        guard range.contains(number.value) else {
            bag.add(.outOfRange(what, value: Self.format(number.value),
                                range: "\(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"),
                    at: number.location, end: number.end)
            return nil
        }
        return number.value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    mutating func verdict(_ word: Identifier) -> Verdict? {
        lookup(word, kind: "verdict", expected: "'met', 'partial' or 'missing'", Verdict.init(rawValue:),
               candidates: Verdict.allCases.map(\.rawValue))
    }

    mutating func band(_ word: Identifier) -> Band? {
        lookup(word, kind: "band", expected: "'meets', 'sift-in' or 'not-met'", Band.init(rawValue:),
               candidates: Band.allCases.map(\.rawValue))
    }

    /// `make(word)`, or nil after reporting the word with a did-you-mean among `candidates` (listed only then).
    mutating func lookup<T>(_ word: Identifier, kind: String, expected: String, _ make: (String) -> T?,
                            candidates: @autoclosure () -> [String]) -> T? {
        if let value = make(word.name) { return value }
        bag.add(.unknownWord(kind: kind, word: word.name, expected: expected), at: word.location, end: word.end,
                notes: EditDistance.notes(for: word.name, among: candidates()))
        return nil
    }
}
