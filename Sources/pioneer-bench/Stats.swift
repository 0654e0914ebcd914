import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Repeated measurements of one quantity, in seconds.
struct Samples: Sendable {
    private(set) var values: [Double]

    init(_ values: [Double]) {
        self.values = values.sorted()
    }

    var count: Int { values.count }
    var min: Double { values.first ?? 0 }
    var max: Double { values.last ?? 0 }
    var median: Double { percentile(50) }
    var p95: Double { percentile(95) }

    /// The nearest-rank percentile `p` (0–100) of the samples; 0 when there are none.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up))
        return values[Swift.max(0, Swift.min(values.count - 1, rank - 1))]
    }
}

/// Wall-clock and CPU timings of the same runs. CPU time (of the whole process) equals the work
/// done when one thread works, and does not grow when other programs share the machine.
struct Timings: Sendable {
    var wall: Samples
    var cpu: Samples
}

/// Timing on the monotonic clock and the process CPU clock.
enum Stopwatch {
    /// Wall-clock seconds `body` took.
    static func time(_ body: () -> Void) -> Double {
        measure(body).wall
    }

    /// Wall-clock and process CPU seconds `body` took.
    static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let cpuStart = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        let end = DispatchTime.now().uptimeNanoseconds
        return (Double(end &- start) / 1e9, cpuSeconds() - cpuStart)
    }

    /// `runs` timings of `body` after `warmUp` untimed calls.
    static func repeatedly(_ runs: Int, warmUp: Int = 0, _ body: () -> Void) -> Timings {
        for _ in 0..<Swift.max(0, warmUp) { body() }
        let runs = (0..<Swift.max(1, runs)).map { _ in measure(body) }
        return Timings(wall: Samples(runs.map(\.wall)), cpu: Samples(runs.map(\.cpu)))
    }

    /// CPU seconds this process has used (`CLOCK_PROCESS_CPUTIME_ID`).
    static func cpuSeconds() -> Double {
        var spec = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec) == 0 else { return 0 }
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
