import Testing
@testable import pioneer_bench

/// The machine probe's inputs and rows; what it measures is left to the benchmark.
@Suite struct BranchMemoryProbeTests {
    /// `length` bytes as the probe fills its buffer: a random block of `period` bytes, repeated.
    static func bytes(length: Int, period: Int, using generator: inout SplitMix64) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: length)
        BranchMemoryProbe.fill(&bytes, period: period, using: &generator)
        return bytes
    }

    @Test func bytesRepeatTheirFirstBlock() {
        var generator = SplitMix64(seed: 7)
        let bytes = Self.bytes(length: 10_000, period: 1_024, using: &generator)
        #expect(bytes.count == 10_000)
        #expect(bytes.indices.dropFirst(1_024).allSatisfy { bytes[$0] == bytes[$0 - 1_024] })
        // The block itself is random: about half its bytes are odd, so the branch goes both ways.
        let odd = bytes.prefix(1_024).filter { $0 & 1 != 0 }.count
        #expect((400...624).contains(odd), "\(odd) odd bytes")
    }

    @Test func bytesNeverRepeatedHaveNoPeriod() {
        var generator = SplitMix64(seed: 7)
        let bytes = Self.bytes(length: 1 << 16, period: 1 << 16, using: &generator)
        for period in [1 << 10, 1 << 14] {
            #expect(bytes[period..<(2 * period)] != bytes[0..<period], "period \(period)")
        }
        // A period of 0 is clamped to one byte, not trapped on; no length, no bytes.
        let clamped = Self.bytes(length: 16, period: 0, using: &generator)
        #expect(clamped.allSatisfy { $0 == clamped[0] })
        #expect(Self.bytes(length: 0, period: 8, using: &generator).isEmpty)
    }

    @Test func scanTakesBothArms() {
        // Odd bytes feed one arm, even bytes the other: a change to either changes the result.
        let base: [UInt8] = [1, 2, 3, 4, 5, 6]
        #expect(BranchMemoryProbe.scan(base) != BranchMemoryProbe.scan([1, 2, 3, 4, 7, 6]))
        #expect(BranchMemoryProbe.scan(base) != BranchMemoryProbe.scan([1, 2, 3, 8, 5, 6]))
        #expect(BranchMemoryProbe.scan(base) == BranchMemoryProbe.scan(base))
    }

    @Test func rowsNameEachPeriodThenTheFreshBytes() {
        let rows = BranchMemoryProbe(length: 1 << 19, runs: 1).run()
        #expect(rows.map(\.key) == ["period1KiB", "period16KiB", "period256KiB", "fresh"])
        #expect(rows.last?.extra("speedUp") == 1)
        #expect(rows.allSatisfy { ($0.extra("nanosecondsPerByte") ?? -1) >= 0 })
        // Periods no shorter than the bytes are left out.
        #expect(BranchMemoryProbe(length: 1 << 14, runs: 1).run().map(\.key) == ["period1KiB", "fresh"])
    }
}
