/// A canonical, deterministic text dump of a compiled model and its SHA-256.
///
/// Source locations are left out, so reformatting a rules file keeps its fingerprint; every
/// value that changes how a bid is scored is in.
///
/// The dump is written straight into one byte buffer (no string per line or per value) and hashed
/// from there. One line per header, phrase, term set, criterion, consideration, gate and band:
/// `phrase 12 health and wellbeing board "Health and Wellbeing Board"`.
enum Fingerprint {
    static func of(_ rules: CompiledRules) -> String {
        SHA256.hex(bytes(rules))
    }

    static func dump(_ rules: CompiledRules) -> String {
        String(decoding: bytes(rules), as: UTF8.self)
    }

    /// The dump as UTF-8, written into the array's uninitialised room (128 KB, about half again the
    /// shipped rules' dump); written again into twice the room while it does not fit.
    static func bytes(_ rules: CompiledRules) -> [UInt8] {
        var capacity = 1 << 17
        while true {
            var fits = false
            let dump = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initializedCount in
                var out = DumpWriter(room: UnsafeMutableRawBufferPointer(buffer))
                out.dump(rules)
                fits = !out.overflowed
                initializedCount = fits ? out.count : 0
            }
            if fits { return dump }
            capacity *= 2
        }
    }
}

/// Writes the parts of the dump into borrowed room.
///
/// A write is a bounds check and a copy: no `Array.append`, which checks uniqueness and capacity on
/// every call (the dump is tens of thousands of small writes). A write that does not fit marks the
/// dump `overflowed` and the room full, so nothing after it is written; the caller then starts again
/// with more room.
private struct DumpWriter {
    private let room: UnsafeMutableRawBufferPointer
    /// The bytes written, at the start of `room`.
    private(set) var count = 0
    private(set) var overflowed = false

    init(room: UnsafeMutableRawBufferPointer) { self.room = room }

    /// The whole dump: header, phrases, term sets, negation, criteria, principles, gates and scoring.
    mutating func dump(_ rules: CompiledRules) {
        header(rules)
        phrases(rules.phrases)
        termSets(rules.termSets)
        negation(rules.negation)
        for criterion in rules.criteria {
            line("criterion ", criterion.id, " ") { $0.quoted(criterion.title); $0.space(); $0.number(criterion.weight) }
            for consideration in criterion.considerations { self.consideration(consideration) }
        }
        line("principles ") { $0.quoted(rules.principles.title); $0.space(); $0.number(rules.principles.weight) }
        for consideration in rules.principles.considerations { self.consideration(consideration) }
        gates(rules.gates)
        scoring(rules.scoring)
    }

    /// `prefix`, the text `id`, `separator`, then what `rest` writes, and a line break.
    mutating func line(_ prefix: StaticString, _ id: String = "", _ separator: StaticString = "",
                       _ rest: (inout DumpWriter) -> Void) {
        raw(prefix)
        text(id)
        raw(separator)
        rest(&self)
        byte(0x0A)
    }

    mutating func header(_ rules: CompiledRules) {
        line("ruleset ") { out in
            out.quoted(rules.header.name); out.space(); out.quoted(rules.header.version); out.space()
            out.quoted(rules.header.source)
        }
        line("page_limit ") { out in
            out.integer(rules.pageLimit.limit)
            out.space()
            out.text(rules.pageLimit.overLimitCap?.rawValue ?? "warn")
        }
    }

    /// `phrase INDEX WORD WORD [*] "SOURCE"` for each phrase.
    mutating func phrases(_ phrases: [CompiledPhrase]) {
        for (index, phrase) in phrases.enumerated() {
            line("phrase ") { out in
                out.integer(index)
                out.space()
                for (position, word) in phrase.words.enumerated() {
                    if position > 0 { out.space() }
                    out.text(word)
                }
                if phrase.lastWordIsPrefix { out.raw(" *") }
                out.space()
                out.quoted(phrase.source)
            }
        }
    }

    mutating func termSets(_ sets: [CompiledTermSet]) {
        for set in sets {
            line("terms ", set.id, " ") { out in
                out.quoted(set.title); out.space(); out.list(set.phrases); out.raw(" after "); out.list(set.afterFirst)
            }
        }
    }

    mutating func negation(_ negation: NegationRule) {
        line("negation ") { out in
            for indices in [negation.before, negation.after, negation.exceptions, negation.clauseBreaks] {
                out.list(indices)
                out.space()
            }
            out.integer(negation.window)
        }
    }

    /// One line with the consideration's id, title, weight, guidance, conditions and examples.
    mutating func consideration(_ c: CompiledConsideration) {
        line("  consideration ", c.id, " ") { out in
            out.quoted(c.title); out.space(); out.number(c.weight); out.space(); out.quoted(c.guidance)
            out.raw(" evidence "); out.condition(c.evidence)
            out.raw(" unit "); out.text(c.unit.rawValue)
            out.raw(" strong "); out.condition(c.strong)
            out.raw(" minimum "); out.integer(c.minimum)
            out.raw(" scope ")
            if let scope = c.headingScope { out.condition(scope) } else { out.raw("-") }
            if let mentions = c.mentions {
                out.raw(" mentions ")
                out.condition(mentions)
            }
            for example in c.examples {
                out.raw(" example "); out.text(example.expected.rawValue); out.space(); out.quoted(example.text)
            }
        }
    }

    mutating func gates(_ gates: [CompiledGate]) {
        for gate in gates {
            line("gate ", gate.id, " ") { out in
                out.quoted(gate.title); out.space(); out.text(gate.considerationID); out.space()
                var first = true
                for verdict in Verdict.allCases {
                    guard let band = gate.caps[verdict] else { continue }
                    if !first { out.raw(",") }
                    first = false
                    out.text(verdict.rawValue); out.raw("="); out.text(band.rawValue)
                }
                out.space()
                out.quoted(gate.message)
            }
        }
    }

    mutating func scoring(_ scoring: ScoringRule) {
        line("points ") { out in
            for (position, verdict) in Verdict.allCases.enumerated() {
                if position > 0 { out.raw(",") }
                out.text(verdict.rawValue); out.raw("="); out.number(scoring.points[verdict] ?? 0)
            }
        }
        for band in scoring.bands {
            line("band ") { out in
                out.text(band.band.rawValue); out.space(); out.number(band.minimumScore); out.space()
                if let least = band.minimumCriterionScore { out.number(least) } else { out.raw("-") }
            }
        }
    }

    /// `t3`, `p12`, a signal name, or `(all …)`, `(any …)`, `(not …)`, `(2-of …)`, `(near A B 8)`.
    /// Recursion is bounded by the parser's nesting limit.
    mutating func condition(_ condition: Condition) {
        switch condition {
        case .termSet(let index): raw("t"); integer(index)
        case .phrase(let index): raw("p"); integer(index)
        case .signal(let signal): text(signal.rawValue)
        case .all(let items): group("(all ", items)
        case .any(let items): group("(any ", items)
        case .not(let inner):
            raw("(not ")
            self.condition(inner)
            raw(")")
        case .atLeast(let count, let items):
            raw("(")
            integer(count)
            group("-of ", items)
        case .near(let a, let b, let words):
            raw("(near ")
            self.condition(a)
            space()
            self.condition(b)
            space()
            integer(words)
            raw(")")
        }
    }

    /// `opening`, the items separated by spaces, and `)`.
    mutating func group(_ opening: StaticString, _ items: [Condition]) {
        raw(opening)
        for (position, item) in items.enumerated() {
            if position > 0 { space() }
            condition(item)
        }
        raw(")")
    }

    /// `[1,2,3]`.
    mutating func list(_ indices: [Int]) {
        raw("[")
        for (position, index) in indices.enumerated() {
            if position > 0 { raw(",") }
            integer(index)
        }
        raw("]")
    }

    mutating func space() { byte(0x20) }

    mutating func byte(_ value: UInt8) {
        guard count < room.count else { return overflow() }
        room[count] = value
        count += 1
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { write(UnsafeRawBufferPointer($0)) }
    }

    mutating func text(_ text: String) {
        // Read in place: contiguous for every native string, so the copy below is never made.
        guard text.utf8.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0)) }) == nil else { return }
        var copy = text
        copy.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Copies `source` to the end of the dump.
    mutating func write(_ source: UnsafeRawBufferPointer) {
        guard source.count <= room.count - count else { return overflow() }
        if let from = source.baseAddress, let to = room.baseAddress { (to + count).copyMemory(from: from, byteCount: source.count) }
        count += source.count
    }

    /// Marks the dump as not fitting, and the room as full so nothing more is written.
    mutating func overflow() {
        overflowed = true
        count = room.count
    }

    /// Decimal digits, with a '-' for negative values.
    mutating func integer(_ value: Int) {
        if value < 0 { byte(0x2D) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        guard digits <= room.count - count else { return overflow() }
        var position = count + digits
        repeat {
            position -= 1
            room[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while position > count
        count += digits
    }

    /// A weight, points value or threshold as `Resolver.format` writes it.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            text(Resolver.format(value))
        }
    }

    /// A string quoted as the formatter writes it (`SyntaxPrinter.quote`): `\\`, `\"`, `\n`, `\t`, and
    /// `\u{1F}` for other control characters. Every character escaped is ASCII, so bytes are enough.
    mutating func quoted(_ text: String) {
        var text = text
        text.withUTF8 { source in
            // Nearly every string needs no escape: the quotes and its bytes go in one write.
            guard DumpEscape.anyNeedsEscape(source) else {
                writeQuoted(source)
                return
            }
            byte(0x22)
            var start = 0
            var index = 0
            while index < source.count {
                // Eight bytes at a time while none needs escaping (nearly all text), then byte by byte.
                if index + 8 <= source.count,
                   !DumpEscape.mayNeedEscape(UnsafeRawBufferPointer(source).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                for position in index..<Swift.min(index + 8, source.count) where DumpEscape.needsEscape(source[position]) {
                    write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(source)[start..<position]))
                    escape(source[position])
                    start = position + 1
                }
                index += 8
            }
            write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(source)[start...]))
            byte(0x22)
        }
    }

    /// `"`, `source`, `"`.
    mutating func writeQuoted(_ source: UnsafeBufferPointer<UInt8>) {
        guard source.count + 2 <= room.count - count else { return overflow() }
        room[count] = 0x22
        if let from = source.baseAddress, let to = room.baseAddress { (to + count + 1).copyMemory(from: from, byteCount: source.count) }
        room[count + source.count + 1] = 0x22
        count += source.count + 2
    }

    mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x5C: raw("\\\\")
        case 0x22: raw("\\\"")
        case 0x0A: raw("\\n")
        case 0x09: raw("\\t")
        default:
            raw("\\u{")
            let digits: StaticString = "0123456789ABCDEF"
            digits.withUTF8Buffer { hex in
                if byte >= 0x10 { self.byte(hex[Int(byte >> 4)]) }
                self.byte(hex[Int(byte & 0x0F)])
            }
            raw("}")
        }
    }
}

/// Which bytes a quoted dump string escapes, tested a byte or eight bytes at a time.
enum DumpEscape {
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// True when some byte of `bytes` `needsEscape`: eight bytes at a time, then the last few one by one.
    static func anyNeedsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= bytes.count {
            if mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
            index += 8
        }
        while index < bytes.count {
            if needsEscape(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// False when none of the eight bytes of `word` `needsEscape`, true when one does: a byte below
    /// 0x20, or equal to 0x22, 0x5C or 0x7F, found with the usual has-zero-byte arithmetic (exact for
    /// whether some byte matches, which is all that is asked).
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0x7F))
    }
}
