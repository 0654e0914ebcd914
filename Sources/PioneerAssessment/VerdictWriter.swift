import PioneerRules

/// Turns a consideration's candidates into its verdict, score, reason in words and quoted evidence.
struct VerdictWriter {
    let rules: CompiledRules
    let points: [Verdict: Double]
    /// The page limit, for reasons about evidence beyond it.
    let pageLimit: Int
    let analysis: DocumentAnalysis

    static let maximumQuote = 240
    static let bestEvidence = 3
    static let statedGaps = 2

    func result(for consideration: CompiledConsideration, candidates: [Candidate]) -> ConsiderationResult {
        let strong = candidates.filter { $0.status == .counted }
        let weak = candidates.filter { $0.status == .weak || $0.status == .buzzwords || $0.status == .mention }
        let gaps = candidates.filter { $0.status == .negated }
        let verdict: Verdict = strong.count >= max(1, consideration.minimum) ? .met : (strong.isEmpty && weak.isEmpty ? .missing : .partial)
        let chosen = Array((strong + weak).prefix(Self.bestEvidence)) + gaps.prefix(Self.statedGaps)
        return ConsiderationResult(
            id: consideration.id, title: consideration.title, verdict: verdict, score: Scoring.points(for: verdict, in: points),
            reason: reason(verdict, consideration: consideration, candidates: candidates, strong: strong, weak: weak, gaps: gaps),
            guidance: consideration.guidance, evidence: chosen.map(evidence))
    }

    func evidence(_ candidate: Candidate) -> Evidence {
        Evidence(page: candidate.unit.page, line: candidate.unit.line, quote: Self.quote(analysis.text(of: candidate.unit)),
                 terms: terms(of: candidate), negated: candidate.status == .negated, strong: candidate.status == .counted)
    }

    /// The sources of the candidate's phrases, sorted, without repeats.
    func terms(of candidate: Candidate) -> [String] {
        let sources = candidate.phrases.compactMap { rules.phrases.indices.contains(Int($0)) ? rules.phrases[Int($0)].source : nil }
        return Array(Set(sources)).sorted()
    }

    /// `text` cut to at most `limit` characters at a word boundary, with "…" when cut (counted in
    /// Unicode scalars, never fewer than characters, so the bound holds without grapheme breaking).
    static func quote(_ text: String, limit: Int = maximumQuote) -> String {
        guard text.utf8.count > limit else { return text }
        var text = text
        return text.withUTF8 { bytes in
            // The byte offset after `limit - 1` scalars (continuation bytes are 0b10xxxxxx).
            var cut = 0, scalars = 0
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
            while end > 0, [0x20, 0x2C, 0x3B, 0x3A].contains(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) + "…"
        }
    }
}

private extension VerdictWriter {
    func reason(_ verdict: Verdict, consideration: CompiledConsideration, candidates: [Candidate], strong: [Candidate],
                weak: [Candidate], gaps: [Candidate]) -> String {
        switch verdict {
        case .met:
            let substance = Self.substance(strong.reduce(0) { $0 | $1.unit.signalMask })
            let mentions = Self.count(strong.count, "strong mention")
            return substance.isEmpty ? "met: \(mentions)" : "met: \(mentions) with \(substance)"
        case .partial:
            if !strong.isEmpty {
                return "partial: \(Self.count(strong.count, "strong mention")) where \(max(1, consideration.minimum)) are needed"
            }
            let topical = RuleIndex.phrases(in: consideration.evidence, rules: rules)
                .union(consideration.mentions.map { RuleIndex.phrases(in: $0, rules: rules) } ?? [])
            let cited = Set(weak.flatMap { $0.phrases.filter(topical.contains) }).compactMap { phrase in
                rules.phrases.indices.contains(Int(phrase)) ? rules.phrases[Int(phrase)].source : nil
            }
            let names = Self.list(Array(Set(cited).sorted().prefix(2)).map { "'\($0)'" }, conjunction: "and")
            let named = names.isEmpty ? "mentions the topic" : "names \(names)"
            if weak.allSatisfy({ $0.status == .buzzwords }) { return "partial: \(named) only in a bare list" }
            if weak.allSatisfy({ $0.status == .mention }) { return "partial: \(named) but says nothing more about it" }
            let present = Self.substance(weak.reduce(0) { $0 | $1.unit.signalMask })
            if present.isEmpty { return "partial: \(named) but gives no owner, date, figure or commitment" }
            return "partial: \(named), but without what makes evidence strong here (see the guidance)"
        case .missing:
            if let gap = gaps.first {
                return "missing: stated gap — '\(Self.quote(analysis.text(of: gap.unit), limit: 100))' (page \(gap.unit.page))"
            }
            if let beyond = candidates.first(where: { $0.status == .beyondPageLimit }) {
                return "missing: mentioned only beyond the \(pageLimit)-page limit (page \(beyond.unit.page))"
            }
            if let outside = candidates.first(where: { $0.status == .outsideScope }) {
                return "missing: mentioned only outside the section the rules require (page \(outside.unit.page))"
            }
            return "missing: no mention found"
        }
    }

    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// Words for the signals in `mask`: "named owners, dates and figures".
    static func substance(_ mask: UInt8) -> String {
        let words: [(BuiltinSignal, String)] = [(.properName, "named owners"), (.date, "dates"), (.money, "costs"),
                                                (.percent, "percentages"), (.figure, "figures")]
        return list(words.filter { mask & SignalSpan.bit($0.0) != 0 }.map(\.1), conjunction: "and")
    }

    static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
