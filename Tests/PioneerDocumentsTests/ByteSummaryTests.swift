import Testing
@testable import PioneerDocuments

/// `SourceLines.ByteSummary` (sixteen bytes at a time, the last sixteen overlapping, UTF-8 checked in
/// the same pass) against byte-by-byte references, on every length around the vector boundaries.
@Suite struct ByteSummaryTests {
    @Test func summariesAgreeWithTheReference() {
        var generator = MarkdownTextGenerator(seed: 0x5E3)
        // Line breaks, other controls, DEL, NUL, and bytes that make or break UTF-8 sequences.
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x0C, 0x09, 0x0B, 0x00, 0x01, 0x1F, 0x20, 0x7F, 0x61, 0x62, 0x80, 0x8F, 0xA0, 0xBF, 0xC2, 0xC3,
                                 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        for length in Array(0...70) + [255, 256, 257, 1_000] {
            for round in 0..<(length < 80 ? 40 : 8) {
                let bytes = (0..<length).map { _ in
                    round % 4 == 0 ? alphabet[generator.next(alphabet.count)] : [0x61, 0x20, 0x0A, 0x62][generator.next(4)]
                }
                for window in Set([0, 1, 15, 16, 17, length / 2, length, length + 5]) {
                    expectReferenceSummary(bytes, window: window)
                }
            }
        }
    }

    @Test func validUTF8IsCheckedAcrossVectorBoundaries() {
        // Every scalar length, simple or not, starting at every offset around the vector boundaries.
        for text in ["é", "–", "€", "😀", "\u{301}", "Ω", "\u{10FFFF}"] {
            for offset in 0..<40 {
                let valid = Array(repeating: UInt8(0x61), count: offset) + Array(text.utf8) + Array(repeating: 0x62, count: 20)
                expectReferenceSummary(valid, window: 65_536)
                // The same cut one byte short, and with its first continuation byte alone.
                let cut = Array(repeating: UInt8(0x61), count: offset) + Array(text.utf8).dropLast()
                expectReferenceSummary(cut, window: 65_536)
                if let continuation = text.utf8.dropFirst().first {
                    expectReferenceSummary(Array(repeating: UInt8(0x61), count: offset) + [continuation, 0x61], window: 65_536)
                }
            }
        }
    }
}

private extension ByteSummaryTests {
    func expectReferenceSummary(_ bytes: [UInt8], window: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for validating in [false, true] {
            let summary = bytes.withUnsafeBufferPointer { SourceLines.ByteSummary($0, binaryWindow: window, validatingUTF8: validating) }
            let valid = String(validating: bytes, as: UTF8.self)
            #expect(summary.isValidUTF8 == (!validating || valid != nil), "\(bytes)", sourceLocation: sourceLocation)
            // The rest of the summary is only complete for valid text.
            guard summary.isValidUTF8 else { continue }
            let simple = valid.map { $0.unicodeScalars.allSatisfy { SimpleText.isSimple($0.value) } } ?? true
            #expect(summary.hasOnlySimpleScalars == (!validating || simple), "\(bytes)", sourceLocation: sourceLocation)
            #expect(summary.lineFeedPositions == bytes.indices.filter { bytes[$0] == 0x0A }, "\(bytes)", sourceLocation: sourceLocation)
            #expect(summary.carriageReturns == bytes.filter { $0 == 0x0D }.count, "\(bytes)", sourceLocation: sourceLocation)
            #expect(summary.hasFormFeed == bytes.contains(0x0C), "\(bytes)", sourceLocation: sourceLocation)
            #expect(summary.hasNonASCII == bytes.contains { $0 >= 0x80 }, "\(bytes)", sourceLocation: sourceLocation)
            let spaces: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]
            #expect(summary.hasOtherControls == bytes.contains { $0 < 0x20 && !spaces.contains($0) }, "\(bytes)", sourceLocation: sourceLocation)
            let judged = bytes.prefix(max(0, window))
            let controls = judged.filter { ($0 < 0x20 || $0 == 0x7F) && !spaces.contains($0) }.count
            #expect(summary.looksBinary == (judged.contains(0) || controls * 20 > judged.count), "\(bytes) \(window)", sourceLocation: sourceLocation)
        }
    }
}
