import PioneerRules

/// A verdict with its score, reason in words and quoted evidence: a `ConsiderationResult` but for the
/// consideration's names. Considerations with the same outcome share one.
struct Judgement: Sendable {
    var verdict: Verdict
    var score: Double
    var reason: String
    var evidence: [Evidence]

    func result(for consideration: CompiledConsideration) -> ConsiderationResult {
        ConsiderationResult(id: consideration.id, title: consideration.title, verdict: verdict, score: score, reason: reason,
                            guidance: consideration.guidance, evidence: evidence)
    }
}

/// The sources of the canonical phrases (the text reports quote), ranked in sorted order once per
/// `Assessor`, so a report's terms are sorted and deduplicated as integers.
struct PhraseSources: Sendable {
    /// The rank of each canonical phrase's source in `sorted`.
    private let rank: [Int32]
    /// The distinct sources, sorted.
    private let sorted: [String]

    init(_ phrases: [CompiledPhrase]) {
        // Phrase indices sorted by source, instead of a `Set` and a `Dictionary` of `String`s. The sort
        // is stable, so `String`-equal sources stay in index order and the first one's spelling stands
        // for them all.
        let order = phrases.indices.sorted { phrases[$0].source < phrases[$1].source }
        var rank = [Int32](repeating: -1, count: phrases.count)
        var sorted: [String] = []
        for index in order {
            let source = phrases[index].source
            if sorted.last != source { sorted.append(source) }
            rank[index] = Int32(truncatingIfNeeded: sorted.count - 1)
        }
        self.rank = rank
        self.sorted = sorted
    }

    /// The rank of `phrase`'s source; -1 for no phrase.
    func rank(of phrase: Int32) -> Int32 {
        phrase >= 0 && Int(phrase) < rank.count ? rank[Int(phrase)] : -1
    }

    /// The sources of `ranks`, which are sorted, without repeats.
    func sources(sortedUnique ranks: UnsafeBufferPointer<Int32>) -> [String] {
        var sources: [String] = []
        sources.reserveCapacity(ranks.count)
        for rank in ranks where rank >= 0 && Int(rank) < sorted.count { sources.append(sorted[Int(rank)]) }
        return sources
    }

    /// The sources of `ranks`, sorted, without repeats.
    func sources(_ ranks: [Int32]) -> [String] {
        var ranks = ranks
        ranks.sort()
        var sources: [String] = []
        for (position, rank) in ranks.enumerated() where rank >= 0 && Int(rank) < sorted.count {
            if position > 0, ranks[position - 1] == rank { continue }
            sources.append(sorted[Int(rank)])
        }
        return sources
    }
}

/// The quotes of one document's units cut so far, by `UnitAtoms` row: a sentence that is evidence for
/// several considerations is read and cut once.
struct QuoteCache {
    private var quotes: [String?]

    init(rows: Int) {
        quotes = [String?](repeating: nil, count: max(0, rows))
    }

    mutating func quote(_ candidate: Candidate, in analysis: DocumentAnalysis) -> String {
        guard candidate.row >= 0, candidate.row < quotes.count else { return VerdictWriter.quote(analysis.text(of: candidate.unit)) }
        if let quote = quotes[candidate.row] { return quote }
        let quote = VerdictWriter.quote(analysis.text(of: candidate.unit))
        quotes[candidate.row] = quote
        return quote
    }
}

/// Turns an evaluation's candidates into a verdict, score, reason in words and quoted evidence.
struct VerdictWriter {
    let points: [Verdict: Double]
    /// The page limit, for reasons about evidence beyond it.
    let pageLimit: Int
    let analysis: DocumentAnalysis
    let sources: PhraseSources

    static let maximumQuote = 240
    static let bestEvidence = 3
    static let statedGaps = 2

    /// What the candidates of one evaluation add up to when `minimum` strong pieces are needed for `met`.
    func judgement(of plan: EvaluationPlan, minimum: Int, candidates: [Candidate]) -> Judgement {
        var quotes = QuoteCache(rows: 0)
        return judgement(of: plan, minimum: minimum, candidates: candidates, quotes: &quotes)
    }

    /// `judgement`, taking quotes already cut for this document from `quotes` (and adding new ones).
    func judgement(of plan: EvaluationPlan, minimum: Int, candidates: [Candidate], quotes: inout QuoteCache) -> Judgement {
        let tally = Tally(candidates)
        let needed = max(1, minimum)
        let verdict: Verdict = tally.strong >= needed ? .met : (tally.strong == 0 && tally.weak == 0 ? .missing : .partial)
        return Judgement(verdict: verdict, score: Scoring.points(for: verdict, in: points),
                         reason: reason(verdict, needed: needed, tally: tally, plan: plan, candidates: candidates),
                         evidence: Self.chosen(candidates).map { evidence($0, plan: plan, quote: quotes.quote($0, in: analysis)) })
    }

    func result(for consideration: CompiledConsideration, plan: EvaluationPlan, candidates: [Candidate]) -> ConsiderationResult {
        judgement(of: plan, minimum: consideration.minimum, candidates: candidates).result(for: consideration)
    }

    func evidence(_ candidate: Candidate, plan: EvaluationPlan, quote: String? = nil) -> Evidence {
        Evidence(page: candidate.unit.page, line: candidate.unit.line, quote: quote ?? Self.quote(analysis.text(of: candidate.unit)),
                 terms: terms(of: candidate, plan: plan), negated: candidate.status == .negated, strong: candidate.status == .counted)
    }

    /// The sources of the plan's phrases matched in the candidate's unit (negated matches only in a
    /// stated gap), sorted, without repeats.
    func terms(of candidate: Candidate, plan: EvaluationPlan) -> [String] {
        // The ranks, sorted without repeats as they come, in scratch space on the stack.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, candidate.unit.matches.count)) { ranks in
            var count = 0
            for position in candidate.unit.matches {
                let match = analysis.matches[position]
                guard candidate.negated || !match.negated, SortedIndices.contains(plan.relevant, match.phrase) else { continue }
                let rank = sources.rank(of: match.phrase)
                var slot = count
                while slot > 0, ranks[slot - 1] > rank { slot -= 1 }
                if slot > 0, ranks[slot - 1] == rank { continue }
                var move = count
                while move > slot {
                    ranks[move] = ranks[move - 1]
                    move -= 1
                }
                ranks[slot] = rank
                count += 1
            }
            return sources.sources(sortedUnique: UnsafeBufferPointer(rebasing: ranks[..<count]))
        }
    }

    /// `text` cut to at most `limit` characters at a word boundary, with "…" when cut (counted in
    /// Unicode scalars, never fewer than characters, so the bound holds without grapheme breaking).
    static func quote(_ text: String, limit: Int = maximumQuote) -> String {
        guard text.utf8.count > limit else { return text }
        var text = text
        return text.withUTF8 { bytes in
            // The byte offset after `limit - 1` scalars (continuation bytes are 0b10xxxxxx); an ASCII
            // start (checked eight bytes at a time) is one scalar a byte.
            var cut = Self.asciiPrefix(UnsafeRawBufferPointer(bytes), upTo: max(0, limit - 1))
            var scalars = cut
            while cut < bytes.count {
                if bytes[cut] & 0xC0 != 0x80 {
                    if scalars == limit - 1 { break }
                    scalars += 1
                }
                cut += 1
            }
            guard cut < bytes.count else { return String(decoding: bytes, as: UTF8.self) }
            var end = cut
            while end > 0, bytes[end] != 0x20 { end -= 1 }
            if end == 0 { end = cut }
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2C || bytes[end - 1] == 0x3B || bytes[end - 1] == 0x3A {
                end -= 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) + "…"
        }
    }

    /// How many of the first `limit` bytes are ASCII before the first that is not, counted eight at a
    /// time and then one by one (a multiple-of-eight shortfall is fine: the caller counts on from there).
    static func asciiPrefix(_ bytes: UnsafeRawBufferPointer, upTo limit: Int) -> Int {
        let end = min(limit, bytes.count)
        var offset = 0
        while offset + 8 <= end, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            offset += 8
        }
        while offset < end, bytes[offset] < 0x80 { offset += 1 }
        return offset
    }
}

private extension VerdictWriter {
    /// Counts and firsts of the candidates by status, in one pass.
    struct Tally {
        var strong = 0
        var weak = 0
        var strongSignals: UInt8 = 0
        var weakSignals: UInt8 = 0
        var weakAllBare = true
        var weakAllMentions = true
        var firstGap: Candidate?
        var firstBeyond: Candidate?
        var firstOutside: Candidate?

        init(_ candidates: [Candidate]) {
            for candidate in candidates {
                switch candidate.status {
                case .counted:
                    strong += 1
                    strongSignals |= candidate.unit.signalMask
                case .weak, .buzzwords, .mention:
                    weak += 1
                    weakSignals |= candidate.unit.signalMask
                    weakAllBare = weakAllBare && candidate.status == .buzzwords
                    weakAllMentions = weakAllMentions && candidate.status == .mention
                case .negated: if firstGap == nil { firstGap = candidate }
                case .beyondPageLimit: if firstBeyond == nil { firstBeyond = candidate }
                case .outsideScope: if firstOutside == nil { firstOutside = candidate }
                }
            }
        }
    }

    /// The evidence to quote: the first strong candidates, then weak ones, up to `bestEvidence`; then
    /// up to `statedGaps` stated gaps.
    static func chosen(_ candidates: [Candidate]) -> [Candidate] {
        var chosen: [Candidate] = []
        for candidate in candidates where candidate.status == .counted && chosen.count < bestEvidence { chosen.append(candidate) }
        for candidate in candidates where chosen.count < bestEvidence
        && (candidate.status == .weak || candidate.status == .buzzwords || candidate.status == .mention) {
            chosen.append(candidate)
        }
        var gaps = 0
        for candidate in candidates where candidate.status == .negated && gaps < statedGaps {
            chosen.append(candidate)
            gaps += 1
        }
        return chosen
    }

    func reason(_ verdict: Verdict, needed: Int, tally: Tally, plan: EvaluationPlan, candidates: [Candidate]) -> String {
        switch verdict {
        case .met:
            let substance = Self.substance(tally.strongSignals)
            let mentions = Self.strongMentions(tally.strong)
            return substance.isEmpty ? "met: \(mentions)" : "met: \(mentions) with \(substance)"
        case .partial:
            if tally.strong > 0 {
                return "partial: \(Self.strongMentions(tally.strong)) where \(needed) are needed"
            }
            let cited = sources.sources(topicalRanks(candidates, plan: plan)).prefix(2)
            let names = Self.list(cited.map { "'\($0)'" }, conjunction: "and")
            let named = names.isEmpty ? "mentions the topic" : "names \(names)"
            if tally.weakAllBare { return "partial: \(named) only in a bare list" }
            if tally.weakAllMentions { return "partial: \(named) but says nothing more about it" }
            let present = Self.substance(tally.weakSignals)
            if present.isEmpty { return "partial: \(named) but gives no owner, date, figure or commitment" }
            return "partial: \(named), but without what makes evidence strong here (see the guidance)"
        case .missing:
            if let gap = tally.firstGap {
                return "missing: stated gap — '\(Self.quote(analysis.text(of: gap.unit), limit: 100))' (page \(gap.unit.page))"
            }
            if let beyond = tally.firstBeyond {
                return "missing: mentioned only beyond the \(pageLimit)-page limit (page \(beyond.unit.page))"
            }
            if let outside = tally.firstOutside {
                return "missing: mentioned only outside the section the rules require (page \(outside.unit.page))"
            }
            return "missing: no mention found"
        }
    }

    /// Source ranks of the topical phrases matched (not negated) in the weak candidates.
    func topicalRanks(_ candidates: [Candidate], plan: EvaluationPlan) -> [Int32] {
        var ranks: [Int32] = []
        for candidate in candidates where candidate.status == .weak || candidate.status == .buzzwords || candidate.status == .mention {
            for position in candidate.unit.matches {
                let match = analysis.matches[position]
                if !match.negated, SortedIndices.contains(plan.topical, match.phrase) { ranks.append(sources.rank(of: match.phrase)) }
            }
        }
        return ranks
    }

    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `count(n, "strong mention")`, from a table worked out once for the usual counts.
    static func strongMentions(_ count: Int) -> String {
        count >= 0 && count < strongMentionWords.count ? strongMentionWords[count] : Self.count(count, "strong mention")
    }

    static let strongMentionWords: [String] = (0..<64).map { count($0, "strong mention") }

    /// Words for the signals in `mask`: "named owners, dates and figures".
    static func substance(_ mask: UInt8) -> String {
        substanceWords[Int(mask & 0x1F)]
    }

    /// `substance` for every mask of the five signal bits, worked out once.
    static let substanceWords: [String] = (0..<32).map { mask in
        let words: [(BuiltinSignal, String)] = [(.properName, "named owners"), (.date, "dates"), (.money, "costs"),
                                                (.percent, "percentages"), (.figure, "figures")]
        return list(words.filter { UInt8(mask) & SignalSpan.bit($0.0) != 0 }.map(\.1), conjunction: "and")
    }

    static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
