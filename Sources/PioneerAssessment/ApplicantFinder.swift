import PioneerRules

/// Finds the organisations a bid names as applying: proper names of councils, CCGs and trusts on
/// the first page or in sentences that say who applies ("on behalf of", "joint", "submitted by",
/// "applicant"). The bid is joint when organisations of different kinds apply.
enum ApplicantFinder {
    enum Kind: Hashable { case council, ccg, trust }

    static let maximumNames = 8

    static func applicants(in analysis: DocumentAnalysis) -> Applicants {
        var names: [String] = []
        var seen = Set<String>()
        var kinds = Set<Kind>()
        for unit in analysis.units where unit.page == 1 || mentionsApplying(unit, analysis) {
            for span in analysis.signals[unit.signals] where span.signal == .properName {
                guard let kind = kind(of: span, analysis), let name = text(of: span, unit: unit, analysis) else { continue }
                if seen.insert(name.lowercased()).inserted, names.count < maximumNames {
                    names.append(name)
                    kinds.insert(kind)
                }
            }
        }
        return Applicants(names: names, joint: kinds.count >= 2)
    }
}

private extension ApplicantFinder {
    static func mentionsApplying(_ unit: TextUnit, _ analysis: DocumentAnalysis) -> Bool {
        analysis.tokens[unit.tokens].contains { analysis.words[$0.word].flags.contains(.applicantCue) }
    }

    static func kind(of span: SignalSpan, _ analysis: DocumentAnalysis) -> Kind? {
        let words = analysis.tokens[Int(span.start)..<Int(span.end)].map { analysis.words.text($0.word) }
        if words.contains("ccg") || (words.contains("commissioning") && words.contains("group")) { return .ccg }
        if words.contains("trust") { return .trust }
        if words.contains(where: { ["council", "borough", "city", "county"].contains($0) }) { return .council }
        return nil
    }

    /// The name as written, leading "the" dropped.
    static func text(of span: SignalSpan, unit: TextUnit, _ analysis: DocumentAnalysis) -> String? {
        let start = Int(analysis.tokens[Int(span.start)].start), end = Int(analysis.tokens[Int(span.end) - 1].end)
        let bytes = analysis.blocks[unit.block].bytes
        guard start < end, end <= bytes.count else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
