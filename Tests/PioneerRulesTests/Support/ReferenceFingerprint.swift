@testable import PioneerRules

/// The fingerprint as first written (string building, then `ReferenceSHA256`): the oracle the
/// byte-buffer `Fingerprint` is checked against, so the fingerprint value never changes by accident.
///
/// A canonical, deterministic text dump of a compiled model and its SHA-256.
///
/// Source locations are left out, so reformatting a rules file keeps its fingerprint; every
/// value that changes how a bid is scored is in.
enum ReferenceFingerprint {
    static func of(_ rules: CompiledRules) -> String {
        ReferenceSHA256.hex(dump(rules).utf8)
    }

    static func dump(_ rules: CompiledRules) -> String {
        var out: [String] = []
        out.append("ruleset \(quote(rules.header.name)) \(quote(rules.header.version)) \(quote(rules.header.source))")
        out.append("page_limit \(rules.pageLimit.limit) \(rules.pageLimit.overLimitCap?.rawValue ?? "warn")")
        for (index, phrase) in rules.phrases.enumerated() {
            out.append("phrase \(index) \(phrase.words.joined(separator: " "))\(phrase.lastWordIsPrefix ? " *" : "") \(quote(phrase.source))")
        }
        for set in rules.termSets {
            out.append("terms \(set.id) \(quote(set.title)) \(list(set.phrases)) after \(list(set.afterFirst))")
        }
        let negation = rules.negation
        out.append("negation \(list(negation.before)) \(list(negation.after)) \(list(negation.exceptions)) \(list(negation.clauseBreaks)) \(negation.window)")
        for criterion in rules.criteria {
            out.append("criterion \(criterion.id) \(quote(criterion.title)) \(number(criterion.weight))")
            out += criterion.considerations.map(consideration)
        }
        out.append("principles \(quote(rules.principles.title)) \(number(rules.principles.weight))")
        out += rules.principles.considerations.map(consideration)
        for gate in rules.gates {
            let caps = Verdict.allCases.compactMap { verdict in gate.caps[verdict].map { "\(verdict.rawValue)=\($0.rawValue)" } }
            out.append("gate \(gate.id) \(quote(gate.title)) \(gate.considerationID) \(caps.joined(separator: ",")) \(quote(gate.message))")
        }
        let points = Verdict.allCases.map { "\($0.rawValue)=\(number(rules.scoring.points[$0] ?? 0))" }
        out.append("points \(points.joined(separator: ","))")
        for band in rules.scoring.bands {
            out.append("band \(band.band.rawValue) \(number(band.minimumScore)) \(band.minimumCriterionScore.map(number) ?? "-")")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

private extension ReferenceFingerprint {
    static func consideration(_ c: CompiledConsideration) -> String {
        var line = "  consideration \(c.id) \(quote(c.title)) \(number(c.weight)) \(quote(c.guidance))"
        line += " evidence \(condition(c.evidence)) unit \(c.unit.rawValue) strong \(condition(c.strong))"
        line += " minimum \(c.minimum) scope \(c.headingScope.map(condition) ?? "-")"
        if let mentions = c.mentions { line += " mentions \(condition(mentions))" }
        for example in c.examples { line += " example \(example.expected.rawValue) \(quote(example.text))" }
        return line
    }

    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .termSet(let index): return "t\(index)"
        case .phrase(let index): return "p\(index)"
        case .signal(let signal): return signal.rawValue
        case .all(let items): return "(all \(items.map(Self.condition).joined(separator: " ")))"
        case .any(let items): return "(any \(items.map(Self.condition).joined(separator: " ")))"
        case .not(let inner): return "(not \(Self.condition(inner)))"
        case .atLeast(let count, let items): return "(\(count)-of \(items.map(Self.condition).joined(separator: " ")))"
        case .near(let a, let b, let words): return "(near \(Self.condition(a)) \(Self.condition(b)) \(words))"
        }
    }

    static func list(_ indices: [Int]) -> String {
        "[" + indices.map(String.init).joined(separator: ",") + "]"
    }

    static func number(_ value: Double) -> String { Resolver.format(value) }

    /// A string quoted as the formatter writes it.
    static func quote(_ text: String) -> String { SyntaxPrinter.quote(text) }
}

/// SHA-256 as first written (array per block, one loop per round): the oracle for `SHA256`.
enum ReferenceSHA256 {
    /// The lower-case hex digest of `bytes`.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        digest(Array(bytes)).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// The 32-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        ]
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var schedule = [UInt32](repeating: 0, count: 64)
        padded.withUnsafeBufferPointer { buffer in
            var chunk = 0
            while chunk + 64 <= buffer.count {
                compress(&state, &schedule, UnsafeBufferPointer(rebasing: buffer[chunk..<chunk + 64]))
                chunk += 64
            }
        }
        return state.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }
}

private extension ReferenceSHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }

    /// Mixes one 64-byte block into the state.
    static func compress(_ state: inout [UInt32], _ w: inout [UInt32], _ block: UnsafeBufferPointer<UInt8>) {
        for i in 0..<16 {
            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16
                | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let s0 = rotateRight(w[i - 15], 7) ^ rotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotateRight(w[i - 2], 17) ^ rotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for i in 0..<64 {
            let s1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        for (i, value) in [a, b, c, d, e, f, g, h].enumerated() { state[i] = state[i] &+ value }
    }
}
