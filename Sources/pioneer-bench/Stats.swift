import Dispatch

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

/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    /// Seconds `body` took.
    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        let end = DispatchTime.now().uptimeNanoseconds
        return Double(end &- start) / 1e9
    }

    /// `runs` timings of `body` after `warmUp` untimed calls.
    static func repeatedly(_ runs: Int, warmUp: Int = 0, _ body: () -> Void) -> Samples {
        for _ in 0..<Swift.max(0, warmUp) { body() }
        return Samples((0..<Swift.max(1, runs)).map { _ in time(body) })
    }
}
