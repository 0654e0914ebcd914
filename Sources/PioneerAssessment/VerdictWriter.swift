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
        // for them all. Most comparisons are settled by `orderKey`, one integer comparison; the rest by `String <`.
        var order = phrases.indices.map { (key: Self.orderKey(of: phrases[$0].source), index: $0) }
        order.sort { first, second in
            if first.key != second.key && first.key != Self.noKey && second.key != Self.noKey { return first.key < second.key }
            return phrases[first.index].source < phrases[second.index].source
        }
        var rank = [Int32](repeating: -1, count: phrases.count)
        var sorted: [String] = []
        for (_, index) in order {
            let source = phrases[index].source
            if sorted.last != source { sorted.append(source) }
            rank[index] = Int32(truncatingIfNeeded: sorted.count - 1)
        }
        self.rank = rank
        self.sorted = sorted
    }

    /// `orderKey`'s answer when `String <` must decide.
    static let noKey = UInt64.max

    /// The first eight UTF-8 bytes of `source`, big-endian and zero-padded, when its first nine bytes
    /// (all, if fewer) are ASCII; otherwise `noKey`. Two different keys order their strings as `String <`
    /// does: ASCII followed by ASCII is its own NFC form, so the scalars up to the eighth are these bytes,
    /// and a string that ends sorts before its longer twin as its zero padding does.
    static func orderKey(of source: String) -> UInt64 {
        var source = source
        return source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            if bytes.count >= 8 {
                let word = UInt64(bigEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
                let ninth: UInt8 = bytes.count > 8 ? bytes[8] : 0
                return word & 0x8080_8080_8080_8080 == 0 && ninth < 0x80 ? word : noKey
            }
            var key: UInt64 = 0
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 { return noKey }
                key |= UInt64(byte) &<< (56 - 8 * offset)
            }
            return key
        }
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

    /// The source of rank `rank`; `nil` for none.
    func source(ofRank rank: Int32) -> String? {
        rank >= 0 && Int(rank) < sorted.count ? sorted[Int(rank)] : nil
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
        guard candidate.row >= 0, candidate.row < quotes.count else { return VerdictWriter.quote(of: candidate.unit, in: analysis) }
        if let quote = quotes[candidate.row] { return quote }
        let quote = VerdictWriter.quote(of: candidate.unit, in: analysis)
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
        let verdict = Self.verdict(strong: tally.strong, weak: tally.weak, needed: needed)
        return Judgement(verdict: verdict, score: Scoring.points(for: verdict, in: points),
                         reason: reason(verdict, needed: needed, tally: tally, plan: plan, candidates: candidates),
                         evidence: tally.chosen.map { evidence(candidates[$0], plan: plan, quote: quotes.quote(candidates[$0], in: analysis)) })
    }

    /// The verdict and score alone, for `AssessmentDetail.ranking`: the same verdict as `judgement`,
    /// with no reason and no evidence, so nothing is quoted or put into words.
    func verdict(minimum: Int, candidates: [Candidate]) -> Judgement {
        var strong = 0, weak = 0
        candidates.withUnsafeBufferPointer { candidates in
            for position in candidates.indices {
                switch candidates[position].status {
                case .counted: strong += 1
                case .weak, .buzzwords, .mention: weak += 1
                case .negated, .beyondPageLimit, .outsideScope: break
                }
            }
        }
        let verdict = Self.verdict(strong: strong, weak: weak, needed: max(1, minimum))
        return Judgement(verdict: verdict, score: Scoring.points(for: verdict, in: points), reason: "", evidence: [])
    }

    /// The one rule both details judge by: met with `needed` strong pieces, missing with no strong or
    /// weak one, partial otherwise.
    static func verdict(strong: Int, weak: Int, needed: Int) -> Verdict {
        strong >= needed ? .met : (strong == 0 && weak == 0 ? .missing : .partial)
    }

    func result(for consideration: CompiledConsideration, plan: EvaluationPlan, candidates: [Candidate]) -> ConsiderationResult {
        judgement(of: plan, minimum: consideration.minimum, candidates: candidates).result(for: consideration)
    }

    func evidence(_ candidate: Candidate, plan: EvaluationPlan, quote: String? = nil) -> Evidence {
        Evidence(page: candidate.unit.page, line: candidate.unit.line, quote: quote ?? Self.quote(of: candidate.unit, in: analysis),
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
                guard candidate.negated || !match.negated, plan.relevant.contains(match.phrase) else { continue }
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
        return text.withUTF8 { quote(utf8: $0, limit: limit) }
    }

    /// `quote(analysis.text(of: unit))`, cut from the block's bytes before any `String` is made.
    static func quote(of unit: TextUnit, in analysis: DocumentAnalysis, limit: Int = maximumQuote) -> String {
        guard analysis.blocks.indices.contains(unit.block) else { return "" }
        return analysis.blocks[unit.block].bytes.withUnsafeBufferPointer { bytes in
            // The unit's text with spaces trimmed, as `NormalisedText.text` reads it.
            var lower = max(0, unit.bytes.lowerBound), upper = min(bytes.count, unit.bytes.upperBound)
            while lower < upper, bytes[lower] == 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
            return quote(utf8: UnsafeBufferPointer(rebasing: bytes[lower..<max(lower, upper)]), limit: limit)
        }
    }

    /// `quote` of the text whose UTF-8 is `bytes`.
    static func quote(utf8 bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
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
        /// Positions of the first stated gap, candidate beyond the page limit and candidate outside the scope.
        var firstGap: Int?
        var firstBeyond: Int?
        var firstOutside: Int?

        /// The evidence to quote: the first strong candidates, then weak ones, up to `bestEvidence`;
        /// then up to `statedGaps` stated gaps (positions in the candidates).
        var chosen: [Int] = []

        init(_ candidates: [Candidate]) {
            // The first few positions of each kind, without an array each (`bestEvidence` and
            // `statedGaps` are at most four).
            var strongChosen = Picks(), weakChosen = Picks(), gapsChosen = Picks()
            // Fields read in place: a `Candidate` is large, and most are only counted.
            candidates.withUnsafeBufferPointer { candidates in
                for position in candidates.indices {
                    let status = candidates[position].status
                    switch status {
                    case .counted:
                        strong += 1
                        strongSignals |= candidates[position].unit.signalMask
                        strongChosen.add(position, upTo: bestEvidence)
                    case .weak, .buzzwords, .mention:
                        weak += 1
                        weakSignals |= candidates[position].unit.signalMask
                        weakAllBare = weakAllBare && status == .buzzwords
                        weakAllMentions = weakAllMentions && status == .mention
                        weakChosen.add(position, upTo: bestEvidence)
                    case .negated:
                        if firstGap == nil { firstGap = position }
                        gapsChosen.add(position, upTo: statedGaps)
                    case .beyondPageLimit: if firstBeyond == nil { firstBeyond = position }
                    case .outsideScope: if firstOutside == nil { firstOutside = position }
                    }
                }
            }
            chosen.reserveCapacity(bestEvidence + gapsChosen.count)
            strongChosen.append(to: &chosen, upTo: bestEvidence)
            weakChosen.append(to: &chosen, upTo: bestEvidence)
            gapsChosen.append(to: &chosen, upTo: bestEvidence + statedGaps)
        }
    }

    /// Up to four positions, in the order added.
    struct Picks {
        private var first = 0, second = 0, third = 0, fourth = 0
        private(set) var count = 0

        mutating func add(_ position: Int, upTo limit: Int) {
            guard count < min(limit, 4) else { return }
            switch count {
            case 0: first = position
            case 1: second = position
            case 2: third = position
            default: fourth = position
            }
            count += 1
        }

        /// Appends the positions to `list` while it has fewer than `limit`.
        func append(to list: inout [Int], upTo limit: Int) {
            for index in 0..<count where list.count < limit {
                list.append(index == 0 ? first : index == 1 ? second : index == 2 ? third : fourth)
            }
        }
    }

    func reason(_ verdict: Verdict, needed: Int, tally: Tally, plan: EvaluationPlan, candidates: [Candidate]) -> String {
        // The usual reasons are put together as bytes and made into a String once: every
        // `String` append costs about as much as the whole.
        var text = TextBuilder()
        switch verdict {
        case .met:
            let substance = Self.substance(tally.strongSignals)
            text.add("met: ", Self.strongMentions(tally.strong))
            if !substance.isEmpty { text.add(" with ", substance) }
            return text.string
        case .partial:
            if tally.strong > 0 {
                return "partial: \(Self.strongMentions(tally.strong)) where \(needed) are needed"
            }
            text.add("partial: ")
            addNamed(topicalRanks(candidates, plan: plan), to: &text)
            if tally.weakAllBare {
                text.add(" only in a bare list")
            } else if tally.weakAllMentions {
                text.add(" but says nothing more about it")
            } else if Self.substance(tally.weakSignals).isEmpty {
                text.add(" but gives no owner, date, figure or commitment")
            } else {
                text.add(", but without what makes evidence strong here (see the guidance)")
            }
            return text.string
        case .missing:
            if let gap = tally.firstGap.map({ candidates[$0].unit }) {
                return "missing: stated gap — '\(Self.quote(analysis.text(of: gap), limit: 100))' (page \(gap.page))"
            }
            if let beyond = tally.firstBeyond.map({ candidates[$0].unit }) {
                return "missing: mentioned only beyond the \(pageLimit)-page limit (page \(beyond.page))"
            }
            if let outside = tally.firstOutside.map({ candidates[$0].unit }) {
                return "missing: mentioned only outside the section the rules require (page \(outside.page))"
            }
            return "missing: no mention found"
        }
    }

    /// The two least source ranks (-1: none) of the topical phrases matched (not negated) in the weak
    /// candidates: a reason names at most two, the first in sorted order.
    func topicalRanks(_ candidates: [Candidate], plan: EvaluationPlan) -> (Int32, Int32) {
        var least: (Int32, Int32) = (-1, -1)
        analysis.matches.withUnsafeBufferPointer { matches in
            for candidate in candidates where candidate.status == .weak || candidate.status == .buzzwords || candidate.status == .mention {
                for position in candidate.unit.matches where matches.indices.contains(position) {
                    let match = matches[position]
                    guard !match.negated, plan.topical.contains(match.phrase) else { continue }
                    let rank = sources.rank(of: match.phrase)
                    if rank < 0 || rank == least.0 || rank == least.1 { continue }
                    if least.0 < 0 || rank < least.0 {
                        least = (rank, least.0)
                    } else if least.1 < 0 || rank < least.1 {
                        least.1 = rank
                    }
                }
            }
        }
        return least
    }

    /// Adds "names 'a' and 'b'" for the sources of the ranks (from `topicalRanks`), or "mentions the topic".
    func addNamed(_ ranks: (Int32, Int32), to text: inout TextBuilder) {
        guard let first = sources.source(ofRank: ranks.0) ?? sources.source(ofRank: ranks.1) else {
            text.add("mentions the topic")
            return
        }
        text.add("names '", first, "'")
        if sources.source(ofRank: ranks.0) != nil, let second = sources.source(ofRank: ranks.1) { text.add(" and '", second, "'") }
    }

    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `count(n, "strong mention")`, from a table worked out once for the usual counts.
    static func strongMentions(_ count: Int) -> String {
        count >= 0 && count < strongMentionWords.count ? strongMentionWords[count] : Self.count(count, "strong mention")
    }

    static let strongMentionWords: [String] = (0..<64).map { count($0, "strong mention") }

    static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}

extension VerdictWriter {
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
}

/// Text put together as UTF-8 bytes and made into one `String` at the end.
struct TextBuilder {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(96)
    }

    mutating func add(_ parts: String...) {
        for part in parts {
            if part.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: part.utf8) }
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
