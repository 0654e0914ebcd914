import Testing
@testable import PioneerRules

/// The fingerprint appears in reports and proves which rules scored a bid, so a faster `Fingerprint`
/// or `SHA256` must give exactly the value of the first, string-building version (`ReferenceFingerprint`).
@Suite struct FingerprintTests {
    /// Strings that need every kind of quoting, non-whole numbers, and every optional part of the model.
    static let awkward = #"""
    ruleset "Quotes \"inside\" and a back\\slash" {
      version "1.0\t\u{1}"
      source "Café — naïve “quotes”, 🎉, and a DEL \u{7F}"
    }
    document { page_limit 12 over_limit warn }
    spellings { "organisation" = "organization" = "organ isation" }
    negation { before { "no" } after { "not yet" } except { "not only" } breaks { "but" } window 7 }
    defaults { unit paragraph strong when figure minimum 2 }
    terms a "A \"set\"" { "organisation*" "x \u{2011} y" "Ünïcödé words" after_first { "the a" } }
    signal s { "will" }
    criterion c "Line\nbreak" {
      weight 0.125
      consideration c.one "One" {
        guidance """
          Two lines,
          \"quoted\" and \\ escaped.
          """
        evidence near(a, any("b", "c"), 9) and not "d*"
        mentions 2 of (a, s, date)
        strong when all(s, money)
        scope heading "h" or a
        weight 10000000000000000
        example met "A \t tab"
        example partial "B"
        example missing ""
      }
    }
    principles "P" {
      weight 0.5
      principle principles.p "P1" { evidence a example met "x" }
    }
    gate g "G" { requires c.one when partial cap sift-in when missing cap not-met message "M \"m\"" }
    scoring {
      points { met 99.5 partial 33.25 missing 0 }
      band meets at 70.5 criteria_at_least 12.75
      band sift-in at 40
      band not-met
    }
    """#

    static func compiled(_ text: String) throws -> CompiledRules {
        let result = Compile.source(text)
        return try #require(result.rules, "\(result.diagnostics)")
    }

    @Test func shippedRulesKeepTheirFingerprint() throws {
        let rules = try #require(RulesLoader.load(path: ShippedRulesTests.rulesDirectory).rules)
        #expect(Fingerprint.dump(rules) == ReferenceFingerprint.dump(rules))
        #expect(rules.fingerprint == ReferenceFingerprint.of(rules))
    }

    @Test(arguments: [Samples.full, LargeSample.text(), awkward])
    func sameDumpAndDigestAsTheReference(text: String) throws {
        let rules = try Self.compiled(text)
        #expect(Fingerprint.dump(rules) == ReferenceFingerprint.dump(rules))
        #expect(rules.fingerprint == ReferenceFingerprint.of(rules))
    }

    /// A dump larger than the room first given to it (128 KB) is written again into more room, the same.
    @Test func dumpLargerThanTheFirstRoomIsTheReference() throws {
        let phrases = (0..<4_000).map { "\"phrase number \($0) with a few padding words\"" }.joined(separator: " ")
        let text = Compile.header + "terms big { \(phrases) }\ncriterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence big example met \"x\" } }\n"
        let rules = try Self.compiled(text)
        let dump = Fingerprint.dump(rules)
        #expect(dump.utf8.count > 1 << 18)
        #expect(dump == ReferenceFingerprint.dump(rules))
        #expect(rules.fingerprint == ReferenceFingerprint.of(rules))
    }

    @Test func sha256MatchesTheReferenceAtEveryLengthAroundBlocks() {
        var bytes: [UInt8] = []
        var seed: UInt32 = 0x1234_5678
        for length in 0...300 {
            #expect(SHA256.hex(bytes) == ReferenceSHA256.hex(bytes), "length \(length)")
            seed = seed &* 1_664_525 &+ 1_013_904_223
            bytes.append(UInt8(truncatingIfNeeded: seed >> 24))
        }
    }
}

@Suite struct DumpEscapeScanTests {
    @Test func wordScanAgreesWithTheByteTest() {
        // Every byte value in every lane: the eight-byte test may only say "no" when no byte needs escaping.
        for byte in 0...255 {
            for lane in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[lane] = UInt8(byte)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(DumpEscape.mayNeedEscape(word) == DumpEscape.needsEscape(UInt8(byte)))
            }
        }
    }

    @Test func bufferScanAgreesWithTheByteTest() {
        // Each length from 0 to 20 with the one byte to escape in each position, in the chunks and in the tail.
        for length in 0...20 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(!plain.withUnsafeBufferPointer(DumpEscape.anyNeedsEscape))
            for position in 0..<length {
                for byte: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F] {
                    var bytes = plain
                    bytes[position] = byte
                    #expect(bytes.withUnsafeBufferPointer(DumpEscape.anyNeedsEscape), "\(length) \(position) \(byte)")
                }
            }
        }
    }
}
