/// A probe of the machine, not of Pioneer: one branch per byte that goes one way or the other with
/// the low bit of random bytes, over bytes that repeat a random block of `period` bytes, against the
/// same work over bytes that never repeat. A processor whose branch predictor learns a sequence it has
/// just seen runs the repeated bytes faster, by as much as the mispredictions cost, though the
/// instructions are the same. Text grown by repeating its blocks (`ScalingBench.Growth.repeated`)
/// repeats every data-dependent branch of the assessment with a period of a page, so this shows how
/// much of that row's time the machine, not the design, takes away.
struct BranchMemoryProbe {
    /// Bytes scanned per timing; the never-repeated bytes are this long too, far more than a branch
    /// predictor holds.
    var length: Int
    var runs: Int
    /// The periods probed; the fresh bytes come last, beside them.
    static let periods = [1 << 10, 1 << 14, 1 << 18]

    func run() -> [BenchReport.Row] {
        // One buffer, filled again before each timing, so that the probe adds `length` bytes to the
        // peak memory, not one buffer per input.
        // Periods as long as the bytes would repeat nothing: they are left out.
        let periods = Self.periods.filter { $0 < length } + [length]
        var buffer = [UInt8](repeating: 0, count: max(0, length))
        // Round by round, as the scaling rows are, so that all inputs see the same state of the machine.
        var rounds: [[Double]] = []
        for round in 0...max(1, runs) {
            let times = periods.enumerated().map { input, period in
                var generator = SplitMix64(seed: 0x0B2A_2C40 &+ UInt64(input))
                Self.fill(&buffer, period: period, using: &generator)
                return Stopwatch.measure { Self.sink = Self.scan(buffer) }.cpu
            }
            if round > 0 { rounds.append(times) }  // round 0 warms up
        }
        let perByte = periods.indices.map { index in Samples(rounds.map { $0[index] / Double(max(1, length)) }) }
        let freshMedian = perByte.last?.median ?? 0
        return periods.indices.map { index in
            let isFresh = index == periods.count - 1
            let key = isFresh ? "fresh" : "period\(periods[index] >> 10)KiB"
            let label = isFresh ? "a branch per random byte, never repeated" : "the same, a block of \(periods[index] >> 10) KiB repeated"
            let samples = Samples(rounds.map { $0[index] })
            return .init(key, label, Timings(wall: samples, cpu: samples), [
                .init("nanosecondsPerByte", perByte[index].median * 1e9, "ns/byte"),
                .init("speedUp", perByte[index].median > 0 ? freshMedian / perByte[index].median : 0, "× faster than never repeated"),
            ])
        }
    }

    /// Fills `bytes` with a random block of `period` bytes (at least 1), repeated.
    static func fill(_ bytes: inout [UInt8], period: Int, using generator: inout SplitMix64) {
        let period = max(1, min(period, bytes.count))
        for index in bytes.indices {
            bytes[index] = index < period ? UInt8(truncatingIfNeeded: generator.next()) : bytes[index - period]
        }
    }

    /// Keeps the scan's result alive, so the optimiser cannot drop it.
    nonisolated(unsafe) static var sink: UInt64 = 0

    /// One unpredictable branch per byte: the two arms do different work, so the compiler cannot turn
    /// them into a conditional move.
    @inline(never)
    static func scan(_ bytes: [UInt8]) -> UInt64 {
        var odd: UInt64 = 0
        var even: UInt64 = 0
        var evenCount = 0
        for byte in bytes {
            if byte & 1 != 0 {
                odd = odd &* 31 &+ UInt64(byte)
            } else {
                even ^= UInt64(byte) &<< UInt64(evenCount & 31)
                evenCount &+= 1
            }
        }
        return odd ^ even ^ UInt64(evenCount)
    }
}
