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
        // Tokens and word entries read in place: every unit after the first page is scanned for a cue.
        let found = analysis.words.withEntries { entries, _ in
            analysis.tokens.withUnsafeBufferPointer { tokens in
                collect(in: analysis) { $0.page == 1 || mentionsApplying($0, tokens: tokens, entries: entries) }
            }
        }
        return Applicants(names: found.names, joint: found.kinds.count >= 2)
    }

    static func collect(in analysis: DocumentAnalysis, where include: (TextUnit) -> Bool) -> (names: [String], kinds: Kinds) {
        var names: [String] = []
        /// The keys of `names`: at most `maximumNames`, so a list does.
        var seen: [String] = []
        var kinds = Kinds()
        let properName = SignalSpan.bit(.properName)
        // Only units with a proper name can add one: test the mask in place before copying the unit
        // or asking `include` (which may scan its tokens).
        for index in analysis.units.indices where analysis.units[index].signalMask & properName != 0 {
            let unit = analysis.units[index]
            guard include(unit) else { continue }
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

extension ApplicantFinder {
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
        var raw = raw
        // ASCII, the usual case, is read as bytes: no `Character`s, no lower-cased copies, no `Set` of `String`s.
        if let name = raw.withUTF8({ asciiOrganisationName($0) }) { return name.isEmpty ? nil : name }
        return unicodeOrganisationName(raw)
    }

    /// `organisationName` of text read as Unicode: the definition the ASCII reading follows.
    static func unicodeOrganisationName(_ raw: String) -> String? {
        var words: [Substring] = []
        for word in raw.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if roleWords.contains(String(trimmingPunctuation(word.lowercased().unicodeScalars[...]))) { break }
            words.append(word)
        }
        guard words.count >= 2, let first = words.first,
              !genericFirstWords.contains(first.lowercased()) else { return nil }
        return words.joined(separator: " ")
    }

    /// `organisationName` of ASCII text without carriage returns, read as bytes: "" for no name; `nil`
    /// when the text is not such, for `unicodeOrganisationName` to read.
    static func asciiOrganisationName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii: UInt8 = 0
        for byte in bytes {
            ascii |= byte
            if byte == 0x0D { return nil }
        }
        guard ascii < 0x80 else { return nil }
        var words: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A { end += 1 }
            guard end > start else { break }
            var lower = start, upper = end
            while lower < upper, isASCIIPunctuation(bytes[lower]) { lower += 1 }
            while upper > lower, isASCIIPunctuation(bytes[upper - 1]) { upper -= 1 }
            if roleWordBytes.contains(where: { equalLowercased(bytes, lower..<upper, $0) }) { break }
            words.append(start..<end)
            start = end
        }
        guard words.count >= 2, let first = words.first,
              !genericFirstWordBytes.contains(where: { equalLowercased(bytes, first, $0) }) else { return "" }
        // The words joined by single spaces.
        var name: [UInt8] = []
        name.reserveCapacity(bytes.count)
        for word in words {
            if !name.isEmpty { name.append(0x20) }
            name.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
        }
        return String(decoding: name, as: UTF8.self)
    }

    static let roleWordBytes = roleWords.sorted().map { Array($0.utf8) }
    static let genericFirstWordBytes = genericFirstWords.sorted().map { Array($0.utf8) }

    /// Whether `bytes[range]` with ASCII letters lower-cased is `word`.
    static func equalLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        for (offset, expected) in word.enumerated() {
            let byte = bytes[range.lowerBound + offset]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected { return false }
        }
        return true
    }

    /// ASCII characters of the Unicode punctuation categories (P*): ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }.
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
        default: return false
        }
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

    /// Whether a word of the unit says who applies ("behalf", "submitted", "applicant"…).
    static func mentionsApplying(_ unit: TextUnit, tokens: UnsafeBufferPointer<DocToken>,
                                 entries: UnsafeBufferPointer<WordTable.Entry>) -> Bool {
        for index in max(0, unit.tokens.lowerBound)..<max(0, min(tokens.count, unit.tokens.upperBound)) {
            let word = Int(tokens[index].word)
            if word >= 0, word < entries.count, entries[word].flags.contains(.applicantCue) { return true }
        }
        return false
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
