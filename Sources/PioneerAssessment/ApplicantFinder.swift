import PioneerRules

/// Finds the organisations a bid names as applying: proper names of councils, CCGs and trusts on the
/// first page and in sentences that say who applies ("on behalf of", "submitted by", "applicant").
/// The bid is joint when organisations of different kinds apply.
enum ApplicantFinder {
    enum Kind: UInt8 { case council, ccg, trust }

    /// A set of kinds as bits (`1 << rawValue`).
    struct Kinds {
        var bits: UInt8 = 0
        mutating func insert(_ kind: Kind) { bits |= 1 << kind.rawValue }
        var count: Int { bits.nonzeroBitCount }
    }

    static let maximumNames = 8

    static func applicants(in analysis: DocumentAnalysis) -> Applicants {
        let found = collect(in: analysis) { $0.page == 1 || mentionsApplying($0, analysis) }
        return Applicants(names: found.names, joint: found.kinds.count >= 2)
    }

    static func collect(in analysis: DocumentAnalysis, where include: (TextUnit) -> Bool) -> (names: [String], kinds: Kinds) {
        var names: [String] = []
        /// The keys of `names`: at most `maximumNames`, so a list does.
        var seen: [String] = []
        var kinds = Kinds()
        for unit in analysis.units where include(unit) {
            for span in analysis.signals[unit.signals] where span.signal == .properName {
                guard let kind = kind(of: span, analysis), let raw = text(of: span, unit: unit, analysis),
                      let name = organisationName(raw) else { continue }
                let key = key(name)
                guard !seen.contains(key) else { continue }
                seen.append(key)
                names.append(name)
                kinds.insert(kind)
                // No later name is added: stop reading.
                if names.count == maximumNames { return (names, kinds) }
            }
        }
        return (names, kinds)
    }
}

private extension ApplicantFinder {
    /// Words that open the name of a post, not of an organisation: "Leader of Westmarsh County Council".
    static let roleWords: Set<String> = ["leader", "chair", "chairman", "chairwoman", "vice", "deputy", "chief", "director",
                                         "head", "cabinet", "member", "members", "councillor", "cllr", "dr", "mr", "mrs", "ms",
                                         "officer", "executive", "clerk", "secretary", "lead", "mayor"]

    /// Words that, first in a name, make it a part or a generic kind of body: "City Council", "Trust Board".
    static let genericFirstWords: Set<String> = ["city", "county", "borough", "district", "council", "ccg", "trust", "board",
                                                 "from", "the", "by", "our", "with", "and", "of"]

    /// The organisation a proper name names: cut before a post ("Eastbrook City Council Dr Tomas Brennan"),
    /// and nil when it opens with a post or a generic word, or is one word ("CCG" alone names no one).
    static func organisationName(_ raw: String) -> String? {
        var words: [Substring] = []
        for word in raw.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if roleWords.contains(String(trimmingPunctuation(word.lowercased().unicodeScalars[...]))) { break }
            words.append(word)
        }
        guard words.count >= 2, let first = words.first,
              !genericFirstWords.contains(first.lowercased()) else { return nil }
        return words.joined(separator: " ")
    }

    /// `scalars` without the punctuation (Unicode general category P*) at either end.
    static func trimmingPunctuation(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        var scalars = scalars
        while let first = scalars.first, isPunctuation(first) { scalars.removeFirst() }
        while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
        return scalars
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The same body however it is written: "NHS X CCG" and "NHS X Clinical Commissioning Group".
    static func key(_ name: String) -> String {
        let lowered = Array(name.lowercased().utf8)
        let long = longCCG, short = shortCCG
        var out: [UInt8] = []
        out.reserveCapacity(lowered.count)
        var index = 0
        while index < lowered.count {
            if lowered[index] == long[0], index + long.count <= lowered.count, lowered[index..<index + long.count].elementsEqual(long) {
                out.append(contentsOf: short)
                index += long.count
            } else {
                out.append(lowered[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let longCCG = Array("clinical commissioning group".utf8)
    static let shortCCG = Array("ccg".utf8)

    static func mentionsApplying(_ unit: TextUnit, _ analysis: DocumentAnalysis) -> Bool {
        analysis.tokens[unit.tokens].contains { analysis.words[$0.word].flags.contains(.applicantCue) }
    }

    static func kind(of span: SignalSpan, _ analysis: DocumentAnalysis) -> Kind? {
        let tokens = analysis.tokens[Int(span.start)..<Int(span.end)]
        // Every word that decides the kind is an applicant kind ("council", "ccg", "trust"…) or, for
        // "clinical commissioning group", an organisation word: most names have neither, so skip
        // building their words' strings (that cost more than the rest of the assessment's verdicts).
        guard tokens.contains(where: { !analysis.words[$0.word].flags.isDisjoint(with: [.applicantKind, .organisation]) }) else {
            return nil
        }
        let words = tokens.map { analysis.words.text($0.word) }
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
