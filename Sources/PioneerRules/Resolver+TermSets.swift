/// Spellings, term sets, negation cues and phrases.
extension Resolver {
    mutating func addSpellings(_ block: BlockSyntax) {
        for field in block.fields {
            guard case .equals(let literals) = field.value else { continue }
            var group: [[String]] = []
            for literal in literals {
                let words = PhraseWords(literal.value).words
                guard !words.isEmpty else {
                    bag.add(.emptySpelling, at: literal.location, end: literal.end)
                    continue
                }
                group.append(words)
            }
            for clash in spellings.add(group: group) {
                bag.add(.spellingDeclaredTwice(clash.joined(separator: " ")), at: field.location)
            }
        }
    }

    /// Registers the name of a term set so it can be used before or after its declaration.
    mutating func declareTermSet(_ syntax: TermsSyntax) {
        let id = syntax.id
        if Self.builtinSignal(named: id.name) != nil {
            bag.add(.builtinRedeclared(id.name), at: id.location, end: id.end)
            return
        }
        if let existing = termSetIndex[id.name] {
            bag.add(.duplicate(kind: "term set", id: id.name), at: id.location, end: id.end,
                    notes: [Diagnostic.Note(message: "first declared here", location: termSets[existing].location)])
            return
        }
        termSetIndex[id.name] = termSets.count
        termSets.append(CompiledTermSet(id: id.name, title: syntax.title?.value ?? id.name, phrases: [],
                                        location: id.location))
        termSetKinds.append(syntax.isSignal ? "signal" : "term set")
        usedTermSets.append(false)
    }

    mutating func compileTermSet(_ syntax: TermsSyntax) {
        guard let index = termSetIndex[syntax.id.name], termSets[index].location == syntax.id.location else { return }
        var main: [Int] = [], after: [Int] = []
        main.reserveCapacity(syntax.phrases.count)
        // By position, so only each literal is copied out of its node, not the node's comments.
        for position in syntax.phrases.indices {
            let literal = syntax.phrases[position].value
            guard let key = compilePhrase(literal, into: &main) else { continue }
            notePhraseOwner(key, literal: literal, set: index)
        }
        if let afterFirst = syntax.afterFirst {
            for position in afterFirst.indices {
                let literal = afterFirst[position].value
                guard let key = compilePhrase(literal, into: &after) else { continue }
                notePhraseOwner(key, literal: literal, set: index)
            }
        }
        keepFirstTaken(&main, set: index)
        keepFirstTaken(&after, set: index)
        termSets[index].phrases = main
        termSets[index].afterFirst = after
    }

    /// Keeps, in order, the phrases of `phrases` that term set `set` takes for the first time (`takeFirst`),
    /// in place.
    private mutating func keepFirstTaken(_ phrases: inout [Int], set: Int) {
        var kept = 0
        for position in phrases.indices where takeFirst(phrases[position], set: set) {
            phrases[kept] = phrases[position]
            kept += 1
        }
        phrases.removeLast(phrases.count - kept)
    }

    /// True the first time term set `set` takes phrase `phrase` (an index into `phrases`), false after.
    private mutating func takeFirst(_ phrase: Int, set: Int) -> Bool {
        // Grown an element at a time: phrases are met in nearly increasing order, a step or two past the end.
        while phraseTakenBy.count <= phrase { phraseTakenBy.append(0) }
        guard phraseTakenBy[phrase] != set + 1 else { return false }
        phraseTakenBy[phrase] = set + 1
        return true
    }

    /// Warns about a phrase met before in the same set (term sets are compiled one after another, so
    /// "last met in this set" means "repeated here") or first declared in another set.
    private mutating func notePhraseOwner(_ key: PhraseKey, literal: StringLiteral, set: Int) {
        let name = termSets[set].id
        guard key.least >= 0 else { return }
        while phraseOwners.count <= key.least { phraseOwners.append(nil) }
        // A phrase met before keeps its first set.
        guard let previous = phraseOwners[key.least] else {
            phraseOwners[key.least] = PhraseOwner(firstSet: name, lastSet: set)
            return
        }
        phraseOwners[key.least] = PhraseOwner(firstSet: previous.firstSet, lastSet: set)
        if previous.lastSet == set {
            bag.add(.repeatedPhrase(literal.value, set: name), at: literal.location, end: literal.end)
        } else {
            bag.add(.phraseInOtherSet(literal.value, set: name, other: previous.firstSet), at: literal.location,
                    end: literal.end)
        }
    }

    /// Interns every spelling of a phrase; `key` identifies the phrase up to spelling for repeat checks.
    mutating func compilePhrase(_ literal: StringLiteral, warn: Bool = true) -> (indices: [Int], key: PhraseKey)? {
        var indices: [Int] = []
        guard let key = compilePhrase(literal, warn: warn, into: &indices) else { return nil }
        return (indices, key)
    }

    /// Interns every spelling of a phrase and appends their indices to `indices`; returns the key that
    /// identifies the phrase up to spelling, or nil (nothing appended) after reporting a problem.
    /// A phrase without declared spellings (nearly every one) is interned as it is, with no list of variants.
    mutating func compilePhrase(_ literal: StringLiteral, warn: Bool = true, into indices: inout [Int]) -> PhraseKey? {
        let phrase = PhraseWords(literal.value)
        guard !phrase.words.isEmpty else {
            if warn { bag.add(.emptyPhrase(literal.value), at: literal.location, end: literal.end) }
            return nil
        }
        guard phrase.words.count <= PhraseWords.maxWords else {
            if warn { bag.add(.phraseTooLong(literal.value), at: literal.location, end: literal.end) }
            return nil
        }
        guard spellings.mayHaveVariants(phrase.words) else {
            let index = phrases.intern(words: phrase.words, prefix: phrase.prefix, source: literal.value)
            indices.append(index)
            return PhraseKey(least: index)
        }
        guard let variants = spellings.expand(phrase.words) else {
            if warn { bag.add(.tooManyVariants(literal.value), at: literal.location, end: literal.end) }
            return nil
        }
        let first = indices.count
        for variant in variants { indices.append(phrases.intern(words: variant, prefix: phrase.prefix, source: literal.value)) }
        return PhraseKey(least: Self.leastVariant(variants).map { indices[first + $0] } ?? -1)
    }

    /// The position of the least variant, comparing word by word (the same order as comparing the words
    /// joined by spaces: words hold no spaces, and every character in them sorts after a space).
    static func leastVariant(_ variants: [[String]]) -> Int? {
        guard var least = variants.indices.first else { return nil }
        for i in variants.indices.dropFirst() where variants[i].lexicographicallyPrecedes(variants[least]) { least = i }
        return least
    }

    mutating func compileNegation(_ block: BlockSyntax?) -> NegationRule {
        var rule = NegationRule(before: [], after: [], exceptions: [], clauseBreaks: [], window: 4)
        for field in block?.fields ?? [] {
            switch field.value {
            case .number(_, let number):
                rule.window = whole(number, "window", 1...50) ?? rule.window
            case .list(let keyword, let entries, _):
                let indices = entries.flatMap { compilePhrase($0.value)?.indices ?? [] }
                switch keyword {
                case "before": rule.before += indices
                case "after": rule.after += indices
                case "except": rule.exceptions += indices
                default: rule.clauseBreaks += indices
                }
            default: break
            }
        }
        return rule
    }

    mutating func warnUnusedTermSets() {
        for (index, set) in termSets.enumerated() where !usedTermSets[index] {
            bag.add(.unusedTermSet(kind: termSetKinds[index], id: set.id), at: set.location)
        }
    }
}

/// A phrase up to spelling: the interned index of its least spelling variant (words and prefix marker).
struct PhraseKey: Equatable {
    var least: Int
}

/// Where a term-set phrase was declared first (a term set id) and last (a term set index).
struct PhraseOwner {
    var firstSet: String
    var lastSet: Int
}
