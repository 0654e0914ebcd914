import Testing
@testable import PioneerText

@Suite struct TextFoldingTests {
    /// Every scalar `fold` treats specially, with neighbours that it keeps (ASCII, Latin-1, CJK, emoji).
    static let alphabet: [String] = [
        "a", "Z", " ", "\t", "\r", "\n", "\r\n", "-", "'", "é", "£", "€", "中", "😀", "e\u{301}",
        "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{02BC}", "\u{201C}", "\u{201D}", "\u{201E}",
        "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}",
        "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}", "\u{00A0}", "\u{2000}", "\u{2005}", "\u{200A}",
        "\u{202F}", "\u{205F}", "\u{3000}", "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
        "\u{FB00}", "\u{FB01}", "\u{FB02}", "\u{FB03}", "\u{FB04}", "\u{FB05}", "\u{FB06}", "\u{2026}", "\u{2022}",
        "\u{25CF}", "\u{25AA}", "\u{25E6}", "\u{2023}", "\u{2043}", "\u{25A0}", "\u{F0B7}", "\u{2028}", "\u{2029}",
        "\u{0085}", "\u{2009}", "\u{2027}", "\u{FB07}",
    ]

    @Test func bytesFoldLikeTheStringFold() {
        var state: UInt64 = 0x2013
        for _ in 0..<2_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 59) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += Self.alphabet[Int(state >> 33) % Self.alphabet.count]
            }
            let expected = Array(TextFolding.fold(text).utf8)
            let actual = Array(text.utf8).withUnsafeBufferPointer { TextFolding.fold(utf8: $0) }
            #expect(actual == expected, "\(Array(text.unicodeScalars.map(\.value)))")
        }
    }

    @Test func everySpecialScalarAlone() {
        for text in Self.alphabet {
            #expect(Array(text.utf8).withUnsafeBufferPointer { TextFolding.fold(utf8: $0) } == Array(TextFolding.fold(text).utf8), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func malformedBytesAreKeptNotTrusted() {
        // A lone continuation byte, a truncated three-byte sequence, an overlong '/', a surrogate.
        let bytes: [UInt8] = [0x61, 0x80, 0xE2, 0x80, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xE2, 0x80, 0x93]
        let folded = bytes.withUnsafeBufferPointer { TextFolding.fold(utf8: $0) }
        #expect(folded == [0x61, 0x80, 0xE2, 0x80, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x2D])
    }
}
