import Testing
@testable import PioneerAssessment

/// `SentenceSplitter.nextMark` (a vector, then a word, then bytes) against a plain search.
@Suite struct SentenceMarkTests {
    static func reference(_ bytes: [UInt8], from index: Int) -> Int {
        bytes[index...].firstIndex { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? bytes.count
    }

    /// Letters with a non-ASCII "é" (C3 A9) every five bytes.
    static func filler(_ offset: Int) -> UInt8 {
        switch offset % 5 {
        case 3: return 0xC3
        case 4: return 0xA9
        default: return UInt8(0x61 + offset % 26)
        }
    }

    @Test func findsEachMarkAtEveryPlaceAroundTheVectorAndWordSizes() {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40, 47, 48, 49] {
            for mark: UInt8 in [0x2E, 0x21, 0x3F] {
                for place in 0..<max(length, 1) {
                    // Letters, a non-ASCII "é", and the mark at `place`; then a second mark later on.
                    var bytes: [UInt8] = (0..<length).map(Self.filler)
                    if place < length { bytes[place] = mark }
                    if place + 11 < length { bytes[place + 11] = 0x3F }
                    for start in 0...length {
                        #expect(SentenceSplitter.nextMark(bytes, from: start) == Self.reference(bytes, from: start),
                                "length \(length), mark \(mark) at \(place), from \(start)")
                    }
                }
            }
        }
    }

    @Test func findsNoMarkInBytesNextToTheMarks() {
        // '-' '/' ',' '>' '@' '"' and bytes with the high bit set differ from '.', '!', '?' by few bits.
        let near: [UInt8] = [0x2D, 0x2F, 0x2C, 0x3E, 0x40, 0x22, 0x20, 0xAE, 0xA1, 0xBF, 0x0E, 0x01, 0x1F]
        for length in 0...40 {
            let bytes = (0..<length).map { near[$0 % near.count] }
            #expect(SentenceSplitter.nextMark(bytes, from: 0) == length, "length \(length)")
        }
    }
}

/// `SentenceSplitter.isAbbreviationKey` (a search by halves) against the list of abbreviations.
@Suite struct AbbreviationKeyTests {
    @Test func findsEveryAbbreviationAndNoOtherWord() {
        for word in SentenceSplitter.abbreviations {
            #expect(SentenceSplitter.isAbbreviationKey(SentenceSplitter.key(ofLetters: word.utf8)), "\(word)")
        }
        for word in ["", "a", "e", "d", "dre", "mrss", "x", "zz", "vol" + "s", "about", "the", "council", "eh", "pq", "q"] {
            let expected = SentenceSplitter.abbreviations.contains(word)
            #expect(SentenceSplitter.isAbbreviationKey(SentenceSplitter.key(ofLetters: word.utf8)) == expected, "\(word)")
        }
        #expect(!SentenceSplitter.isAbbreviationKey(0))
        #expect(!SentenceSplitter.isAbbreviationKey(.max))
    }
}
