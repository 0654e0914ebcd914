import Testing
@testable import PioneerDocuments

/// `TextCounts` (sixteen bytes at a time, overlapping the last sixteen, short texts in one vector)
/// against a byte-by-byte reference, on every length around the vector boundaries.
@Suite struct TextCountsTests {
    @Test func countsAgreeWithTheReferenceAtEveryLength() {
        var generator = MarkdownTextGenerator(seed: 0x7E57)
        // Spaces of every kind, a vertical tab (not a space), markup, non-ASCII and continuation bytes.
        let alphabet: [UInt8] = [0x20, 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x00, 0x61, 0x62, 0x41, 0x2E, 0x21, 0x2A, 0x3C, 0x5B, 0x5F, 0x60, 0x61,
                                 0x7F, 0xC2, 0xA3, 0xE2, 0x80, 0x93, 0xFF]
        for length in Array(0...70) + [255, 256, 257, 4_079, 4_080, 4_081, 4_095, 4_096, 4_097, 8_161] {
            for round in 0..<(length < 80 ? 60 : 4) {
                // Mostly letters and spaces, sometimes anything from the alphabet.
                let bytes = (0..<length).map { _ in
                    round % 3 == 0 ? alphabet[generator.next(alphabet.count)] : [0x61, 0x20, 0x62][generator.next(3)]
                }
                expectReferenceCounts(bytes)
            }
        }
    }

    @Test func markupIsFoundAtEveryPosition() {
        for length in [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100] {
            for position in 0..<length {
                for mark: UInt8 in [0x21, 0x2A, 0x3C, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[position] = mark
                    expectReferenceCounts(bytes)
                }
            }
            // The neighbours of the markup bytes are not markup.
            expectReferenceCounts((0..<length).map { [0x20, 0x22, 0x29, 0x2B, 0x3B, 0x3D, 0x5A, 0x61, 0x7B][$0 % 9] })
        }
    }

    @Test func aWordStartsAtEachVectorBoundary() {
        for length in 1...48 {
            for start in 0..<length {
                // One word starting at `start`, after spaces.
                let bytes = (0..<length).map { $0 < start ? UInt8(0x20) : UInt8(0x78) }
                expectReferenceCounts(bytes)
                let alternating = (0..<length).map { ($0 + start) % 2 == 0 ? UInt8(0x20) : UInt8(0x78) }
                expectReferenceCounts(alternating)
            }
        }
    }
}

private extension TextCountsTests {
    func expectReferenceCounts(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        var words = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if space { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        let scalars = bytes.filter { $0 & 0xC0 != 0x80 }.count
        let markup = bytes.contains { [0x21, 0x2A, 0x3C, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60].contains($0) }
        bytes.withUnsafeBufferPointer { buffer in
            let counts = TextCounts(buffer)
            #expect(counts.words == words, "\(bytes)", sourceLocation: sourceLocation)
            #expect(counts.scalars == scalars, "\(bytes)", sourceLocation: sourceLocation)
            #expect(counts.isASCII == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)", sourceLocation: sourceLocation)
            let refusing = TextCounts(unlessMarkup: buffer)
            #expect(refusing == (markup ? nil : counts), "\(bytes)", sourceLocation: sourceLocation)
            // Without control characters but tab, line feed, form feed and carriage return, a space is any byte up to 0x20.
            if !bytes.contains(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }) {
                #expect(TextCounts(unlessMarkup: buffer, lowBytesAreSpaces: true) == refusing, "\(bytes)", sourceLocation: sourceLocation)
            }
        }
    }
}
