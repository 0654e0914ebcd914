import PioneerDocuments
import PioneerRules
import Testing
@testable import PioneerAssessment

/// The per-unit stages after tokenising (sentence splitting, plain headings, phrase matching,
/// negation, proper names, the match indexes) against the simple ways they were first written, on
/// generated inputs with the awkward cases mixed in: word lengths around the eight- and nine-letter
/// limits, non-ASCII bytes, abbreviations in any case, more rule words than the 64 child bits.
@Suite struct ExamineDifferentialTests {
    // MARK: Sentences and headings

    @Test func sentencesSplitAsTheStringWayDid() {
        var random = SplitMix(seed: 1)
        let words = ["e.g.", "i.e.", "Dr.", "dr.", "DR.", "Cllr.", "No.", "no.", "approx.", "APPROX.", "Etc.", "St.", "p.", "pp.",
                     "J.", "x.", "Abcdefgh.", "Abcdefghi.", "abcdefghijk.", "xapprox.", "Superdrs.", "unetc.", "well.", "Well!", "why?", "café.", "naïve.", "(see", "it).",
                     "\"Quoted.\"", "4.", "2014.", "3.2", "£5m.", "Ok", "the", "pilot", "Board", "Smith", "4", "A", "'Tis", "*", "."]
        for length in 0..<400 {
            var text = ""
            for _ in 0..<(length % 24) {
                if !text.isEmpty { text += random.next(below: 8) == 0 ? "  " : " " }
                text += words[random.next(below: words.count)]
            }
            let bytes = Array(text.utf8)
            var found: [Range<Int>] = []
            SentenceSplitter.forEachSentence(in: bytes) { found.append($0) }
            #expect(found == Reference.sentences(bytes), "\(text)")
        }
    }

    @Test func sentencesSplitAtEveryLengthAroundTheWordSize() {
        for length in 0...40 {
            for mark in 0..<length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                bytes[mark] = 0x2E
                if mark + 2 < length { bytes[mark + 1] = 0x20; bytes[mark + 2] = 0x42 }
                var found: [Range<Int>] = []
                SentenceSplitter.forEachSentence(in: bytes) { found.append($0) }
                #expect(found == Reference.sentences(bytes), "length \(length), mark \(mark)")
            }
        }
    }

    @Test func plainHeadingsAsTheStringWayDid() {
        var random = SplitMix(seed: 2)
        let words = ["Criterion", "CRITERION", "criterion:", "Criterion:", "Section", "SECTION:", "Part", "Question", "Appendix",
                     "Annex", "Annexe", "Theme", "theme", "Criterions", "Criteri", "Críterion", "\u{212A}", "3", "3.", "3.2", "3.2.1",
                     "1.2.3.4.5.6", "1.2.3.4.5.6.7", "123", "1..2", "3)", "Vision", "VISION", "AND", "and", "the", "12", ":", "::",
                     "Integrated", "care", "NHS", "CCG", "A", "b", "x:y"]
        for count in 0..<2_000 {
            var line = ""
            for _ in 0..<(count % 17) {
                if !line.isEmpty { line += random.next(below: 10) == 0 ? "  " : " " }
                line += words[random.next(below: words.count)]
            }
            if random.next(below: 6) == 0 { line += [".", ",", ";", ":", "!"][random.next(below: 5)] }
            let bytes = Array(line.utf8)
            #expect(Segmenter.plainHeadingLevel(bytes) == Reference.plainHeadingLevel(bytes), "\(line)")
        }
        let long = Array(String(repeating: "A", count: 100).utf8)
        #expect(Segmenter.plainHeadingLevel(long) == Reference.plainHeadingLevel(long))
        #expect(Segmenter.plainHeadingLevel(long + [0x42]) == nil)
    }

    // MARK: Phrases, negation and the indexes

    @Test func phraseMatchesAsEveryPhraseTriedAtEveryToken() {
        Self.forEachGenerated(from: 100) { seed, analysis, canon in
            var expected: [PhraseMatch] = []
            for unit in analysis.units { expected += Reference.matches(of: canon.phrases, in: unit, analysis: analysis) }
            let found = analysis.matches.map { PhraseMatch(phrase: $0.phrase, start: $0.start, end: $0.end) }
            #expect(found.count == expected.count, "seed \(seed)")
            let first = found.indices.first { $0 < expected.count && found[$0] != expected[$0] }
            #expect(first == nil, "seed \(seed): \(first.map { "\(found[$0]) against \(expected[$0])" } ?? "")")
        }
    }

    @Test func negationAsTheClauseNumbersDid() {
        Self.forEachGenerated(from: 200) { seed, analysis, canon in
            var expected = analysis.matches.map { PhraseMatch(phrase: $0.phrase, start: $0.start, end: $0.end) }
            for unit in analysis.units {
                Reference.markNegation(&expected, in: unit.matches, tokens: analysis.tokens, unitTokens: unit.tokens, rule: canon.negation)
            }
            let negated = analysis.matches.map { $0.negated }
            #expect(negated == expected.map { $0.negated }, "seed \(seed)")
            #expect(negated.contains(true), "seed \(seed): some match is negated")
        }
    }

    /// Whole paragraphs as one sentence, every other word a cue, an exception, a break or punctuation:
    /// many cues in one unit, where a match is compared only with the cues near it.
    @Test func negationInLongSentencesAsTheClauseNumbersDid() {
        Self.forEachGenerated(from: 400, sentences: false) { seed, analysis, canon in
            var expected = analysis.matches.map { PhraseMatch(phrase: $0.phrase, start: $0.start, end: $0.end) }
            for unit in analysis.units {
                Reference.markNegation(&expected, in: unit.matches, tokens: analysis.tokens, unitTokens: unit.tokens, rule: canon.negation)
            }
            let negated = analysis.matches.map { $0.negated }
            #expect(negated == expected.map { $0.negated }, "seed \(seed)")
            #expect(negated.contains(true) && negated.contains(false), "seed \(seed): matches both negated and not")
            #expect(analysis.units.contains { $0.tokens.count > 200 }, "seed \(seed): a unit of over 200 words")
        }
    }

    @Test func matchIndexesAsThePerMatchWayDid() {
        Self.forEachGenerated(from: 300) { seed, analysis, canon in
            let (starts, units) = Reference.index(analysis, phraseCount: canon.phrases.count)
            #expect(analysis.phraseUnitStarts == starts, "seed \(seed)")
            #expect(analysis.phraseUnits == units, "seed \(seed)")
            #expect(analysis.firstMainMatch == Reference.firstMainMatches(analysis.matches, termSets: canon.termSets), "seed \(seed)")
        }
    }

    // MARK: Proper names

    @Test func properNamesAsTheFullScanDid() {
        var random = SplitMix(seed: 4)
        let words = ["The", "We", "Our", "This", "Council", "council", "CCG", "NHS", "Healthwatch", "Northshire", "County", "Board",
                     "Health", "and", "And", "of", "for", "the", "Wellbeing", "Dr", "Amara", "Okafor", "care", "2014", "£5", "May",
                     "plan", ",", ";", "-", "Trust", "St", "Mary's", "A", "I"]
        var builder = RulesBuilder()
        builder.criterion("c", [RulesBuilder.consideration("c.1", evidence: builder.terms("t", ["care"]))])
        let assessor = Assessor(rules: builder.build())
        for count in 0..<300 {
            var text = ""
            for _ in 0..<(3 + count % 14) { text += (text.isEmpty ? "" : " ") + words[random.next(below: words.count)] }
            let analysis = assessor.analyse(text: text)
            analysis.tokens.withUnsafeBufferPointer { tokens in
                analysis.words.withEntries { entries, prefixIDs in
                    for unit in analysis.units {
                        analysis.blocks[unit.block].bytes.withUnsafeBufferPointer { bytes in
                            let substance = Substance(view: TokenView(tokens: tokens, entries: entries, prefixIDs: prefixIDs, bytes: bytes))
                            for index in unit.tokens {
                                #expect(substance.properName(at: index, in: unit.tokens)
                                        == Reference.properName(substance, at: index, in: unit.tokens), "\(text) at \(index)")
                            }
                        }
                    }
                }
            }
        }
    }
}

private extension ExamineDifferentialTests {
    /// Calls `body` with the analysis of twelve generated texts against their generated rules, and the
    /// canonical rules the assessor worked on.
    /// With `sentences: false` the texts have no sentence ends and every other word is one of the extras.
    static func forEachGenerated(from seed: UInt64, sentences: Bool = true, _ body: (UInt64, DocumentAnalysis, CanonicalRules) -> Void) {
        for seed in seed..<(seed + 12) {
            var random = SplitMix(seed: seed)
            let (rules, text) = generated(&random, sentences: sentences)
            body(seed, Assessor(rules: rules).analyse(text: text), CanonicalRules(rules))
        }
    }

    /// Rules with more than 64 distinct rule words in one- to three-word phrases, some ending in a prefix,
    /// the standard negation rule and a few term sets; and a text of those words, others, cues and breaks.
    static func generated(_ random: inout SplitMix, sentences: Bool = true) -> (CompiledRules, String) {
        let vocabulary = (0..<90).map { "w\($0)" } + ["care", "carer", "carers", "integrat", "integrated", "integration", "health"]
        var builder = RulesBuilder()
        builder.standardNegation()
        var texts: [String] = []
        for _ in 0..<160 {
            var words = (0..<(1 + random.next(below: 3))).map { _ in vocabulary[random.next(below: vocabulary.count)] }
            if random.next(below: 5) == 0 {
                let last = words[words.count - 1]
                words[words.count - 1] = String(last.prefix(max(1, last.count - 1))) + "*"
            }
            texts.append(words.joined(separator: " "))
            _ = builder.phrase(texts[texts.count - 1])
        }
        for set in 0..<8 {
            let chosen = (0..<6).map { _ in texts[random.next(below: texts.count)] }
            let condition = builder.terms("t\(set)", chosen, afterFirst: [texts[random.next(below: texts.count)]])
            builder.criterion("c\(set)", [RulesBuilder.consideration("c\(set).1", evidence: condition)])
        }
        let extras = ["not", "no", "without", "has not", "not only", "but", "however", "the", "a", "of", ";", ":", ",", "unknown",
                      "words", "Café", "no later than"]
        var text = ""
        for index in 0..<1_500 {
            let extra = sentences ? random.next(below: 4) == 0 : index % 2 == 1
            let word = extra ? extras[random.next(below: extras.count)] : vocabulary[random.next(below: vocabulary.count)]
            text += (index == 0 ? "" : " ") + word
            if sentences, random.next(below: 25) == 0 { text += ". The" }
            if random.next(below: sentences ? 60 : 600) == 0 { text += "\n\n" }
        }
        return (builder.build(), text + ".")
    }
}

/// The ways these stages were first written, kept here to check the faster ones against.
private enum Reference {
    // MARK: SentenceSplitter and Segmenter as they were

    static let abbreviations: Set<String> = [
        "eg", "ie", "dr", "mr", "mrs", "ms", "cllr", "st", "etc", "vs", "approx", "prof", "rev", "cf", "fig", "dept",
        "est", "nb", "p", "pp", "para", "paras", "sec", "mt", "ref", "incl", "min", "max", "vol", "cllrs", "drs",
    ]

    static func sentences(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        func append(_ range: Range<Int>) {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, bytes[lower] == 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
            if lower < upper { ranges.append(lower..<upper) }
        }
        while index < bytes.count {
            while index < bytes.count, ![0x2E, 0x21, 0x3F].contains(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            var end = index + 1
            while end < bytes.count, [0x22, 0x27, 0x29, 0x5D].contains(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == 0x20 else { index = end; continue }
            var next = end
            while next < bytes.count, bytes[next] == 0x20 { next += 1 }
            guard next < bytes.count, startsSentence(bytes[next]),
                  byte != 0x2E || !isAbbreviation(bytes, dot: index, next: bytes[next]) else { index = end; continue }
            append(start..<end)
            start = next
            index = next
        }
        append(start..<bytes.count)
        return ranges
    }

    static func startsSentence(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || [0x22, 0x27, 0x28, 0x2A, 0xC2].contains(byte)
    }

    static func isAbbreviation(_ bytes: [UInt8], dot: Int, next: UInt8) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
        var start = dot
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        let length = dot - start
        if length == 0 { return false }
        if length == 1 && ((bytes[start] >= 0x41 && bytes[start] <= 0x5A) || (start > 0 && bytes[start - 1] == 0x2E)) { return true }
        if length > 8 { return false }
        let word = String(decoding: bytes[start..<dot], as: UTF8.self).lowercased()
        if word == "no" { return next >= 0x30 && next <= 0x39 }
        return abbreviations.contains(word)
    }

    static func plainHeadingLevel(_ bytes: [UInt8]) -> Int? {
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func numberLevel(_ word: ArraySlice<UInt8>) -> Int? {
            var trimmed = word
            if trimmed.last == 0x2E || trimmed.last == 0x29 { trimmed = trimmed.dropLast() }
            let parts = trimmed.split(separator: 0x2E, omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.count <= 6 else { return nil }
            for part in parts where part.isEmpty || part.count > 2 || !part.allSatisfy(isDigit) { return nil }
            return parts.count
        }
        guard bytes.count <= 100, let last = bytes.last, last != 0x2E, last != 0x2C, last != 0x3B else { return nil }
        let words = bytes.split(separator: 0x20)
        guard words.count <= 14, let first = words.first else { return nil }
        if let level = numberLevel(first), words.count >= 2, let initial = words[1].first, isUpper(initial) { return level }
        let firstWord = String(decoding: first.filter { $0 != 0x3A }, as: UTF8.self).lowercased()
        if Segmenter.headingWords.contains(firstWord), words.count >= 2, let next = words[1].first, isUpper(next) || isDigit(next) {
            return 1
        }
        let letters = bytes.filter { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
        if letters.count >= 4, words.count <= 10, letters.allSatisfy(isUpper) { return 1 }
        return nil
    }

    // MARK: Phrase matching by trying every phrase

    /// The matches of `phrases` in `unit`, each phrase tried at each token, in the matcher's order: by
    /// start, then end; at one end, prefix phrases first (one-word ones by prefix length), then by phrase.
    static func matches(of phrases: [CompiledPhrase], in unit: TextUnit, analysis: DocumentAnalysis) -> [PhraseMatch] {
        let words = analysis.tokens[unit.tokens].map { analysis.words.text($0.word) }
        var found: [(match: PhraseMatch, order: (Int, Int, Int))] = []
        for (index, phrase) in phrases.enumerated() where !phrase.words.isEmpty {
            for start in words.indices where start + phrase.words.count <= words.count {
                let holds = phrase.words.indices.allSatisfy { position in
                    let word = words[start + position], wanted = phrase.words[position]
                    return phrase.lastWordIsPrefix && position == phrase.words.count - 1 ? word.utf8.starts(with: wanted.utf8) : word == wanted
                }
                guard holds else { continue }
                let first = unit.tokens.lowerBound + start
                let match = PhraseMatch(phrase: Int32(index), start: Int32(first), end: Int32(first + phrase.words.count))
                let prefixLength = phrase.lastWordIsPrefix && phrase.words.count == 1 ? phrase.words[0].utf8.count : 0
                found.append((match, (phrase.lastWordIsPrefix ? 0 : 1, prefixLength, index)))
            }
        }
        return found.sorted { left, right in
            (left.match.start, left.match.end) != (right.match.start, right.match.end)
                ? (left.match.start, left.match.end) < (right.match.start, right.match.end) : left.order < right.order
        }.map(\.match)
    }

    // MARK: Negation with a clause number per token

    static func markNegation(_ matches: inout [PhraseMatch], in range: Range<Int>, tokens: [DocToken], unitTokens: Range<Int>,
                             rule: NegationRule) {
        guard !range.isEmpty else { return }
        func has(_ phrase: Int32, _ indices: [Int]) -> Bool { indices.contains(Int(phrase)) }
        var cues: [PhraseMatch] = []
        var exceptions: [PhraseMatch] = []
        var breakStarts: [Int32] = []
        for match in matches[range] {
            if has(match.phrase, rule.exceptions) { exceptions.append(match) }
            if has(match.phrase, rule.clauseBreaks) { breakStarts.append(match.start) }
        }
        for match in matches[range] where has(match.phrase, rule.before) || has(match.phrase, rule.after) {
            if !exceptions.contains(where: { $0.start < match.end && match.start < $0.end }) { cues.append(match) }
        }
        guard !cues.isEmpty else { return }
        var clauses: [Int] = []
        var current = 0
        for index in unitTokens {
            if index > unitTokens.lowerBound, tokens[index].breakBefore { current += 1 }
            if breakStarts.contains(Int32(index)) { current += 1 }
            clauses.append(current)
        }
        func clause(_ token: Int32) -> Int { clauses[Int(token) - unitTokens.lowerBound] }
        let window = max(0, rule.window)
        for position in range {
            let match = matches[position]
            matches[position].negated = cues.contains { cue in
                if has(cue.phrase, rule.before), cue.end <= match.start, Int(match.start - cue.end) <= window,
                   clause(cue.end - 1) == clause(match.start) { return true }
                if has(cue.phrase, rule.after), match.end <= cue.start, Int(cue.start - match.end) <= window,
                   clause(match.end - 1) == clause(cue.start) { return true }
                return false
            }
        }
    }

    // MARK: The indexes, match by match

    static func index(_ analysis: DocumentAnalysis, phraseCount: Int) -> (starts: [Int32], units: [Int32]) {
        var matchUnits: [Int32] = []
        for (index, unit) in analysis.units.enumerated() { matchUnits += Array(repeating: Int32(index), count: unit.matches.count) }
        var starts = [Int32](repeating: 0, count: phraseCount + 1)
        for match in analysis.matches where Int(match.phrase) < phraseCount { starts[Int(match.phrase) + 1] += 1 }
        for index in 0..<phraseCount { starts[index + 1] += starts[index] }
        var next = starts
        var units = [Int32](repeating: 0, count: Int(starts[phraseCount]))
        for (position, match) in analysis.matches.enumerated() where Int(match.phrase) < phraseCount {
            units[Int(next[Int(match.phrase)])] = matchUnits[position]
            next[Int(match.phrase)] += 1
        }
        return (starts, units)
    }

    static func firstMainMatches(_ matches: [PhraseMatch], termSets: [CanonicalTermSet]) -> [Int32] {
        var first = [Int32](repeating: .max, count: termSets.count)
        for match in matches {
            for (set, termSet) in termSets.enumerated() where termSet.phrases.contains(match.phrase) && first[set] == .max {
                first[set] = match.start
            }
        }
        return first
    }

    // MARK: Proper names without the quick refusal

    static func properName(_ substance: Substance, at index: Int, in range: Range<Int>) -> Range<Int>? {
        let tokens = substance.tokens
        guard substance.isCapitalisedWord(index),
              index == range.lowerBound || tokens[index].separatedBefore || !substance.isCapitalisedWord(index - 1)
                || substance.isStopword(index - 1) else { return nil }
        var start = index
        while start < range.upperBound, substance.isStopword(start), substance.isCapitalisedWord(start) { start += 1 }
        guard start < range.upperBound, substance.isCapitalisedWord(start) else { return nil }
        var end = start + 1
        var capitalised = 1
        var organisation = substance.entry(start).flags.contains(.organisation)
        while end < range.upperBound, !tokens[end].separatedBefore {
            if substance.isCapitalisedWord(end) {
                capitalised += 1
                organisation = organisation || substance.entry(end).flags.contains(.organisation)
                end += 1
            } else if substance.entry(end).flags.contains(.nameConnector), end + 1 < range.upperBound, substance.isCapitalisedWord(end + 1),
                      !tokens[end + 1].separatedBefore, !(organisation && substance.entry(end).marks.contains(.and)) {
                end += 1
            } else {
                break
            }
        }
        let counted = start == range.lowerBound ? capitalised - 1 : capitalised
        if counted >= 2 || (organisation && capitalised >= 2) { return start..<end }
        if capitalised == 1, substance.isStandaloneOrganisation(start) { return start..<end }
        return nil
    }
}
