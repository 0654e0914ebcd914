/// Every figure of one run, grouped in sections, in the order they are printed and written.
struct BenchReport: Sendable {
    /// A number derived from a timing (throughput, ratio, size), with its unit.
    struct Extra: Sendable {
        var key: String
        var value: Double
        var unit: String
    }

    /// One measured thing: its timings (when repeated) and derived figures.
    struct Row: Sendable {
        var key: String
        var label: String
        var samples: Samples?
        var extras: [Extra] = []
        /// Process CPU time of the same runs, for work done on one thread.
        var cpu: Samples?
    }

    struct Section: Sendable {
        var key: String
        var title: String
        var rows: [Row] = []
        var notes: [String] = []
    }

    /// A stated performance target and whether this run met it (`nil`: not measured).
    struct Target: Sendable {
        var key: String
        var goal: String
        var actual: String
        var met: Bool?
    }

    var date: String
    var machine: Machine
    var settings: [(String, String)] = []
    var sections: [Section] = []
    var targets: [Target] = []
    var notes: [String] = []

    /// The row `key` of section `section`, if measured.
    func row(_ section: String, _ key: String) -> Row? {
        sections.first { $0.key == section }?.rows.first { $0.key == key }
    }

    mutating func add(_ section: Section) {
        sections.append(section)
    }
}

extension BenchReport.Row {
    init(_ key: String, _ label: String, _ samples: Samples?, _ extras: [BenchReport.Extra] = []) {
        self.init(key: key, label: label, samples: samples, extras: extras, cpu: nil)
    }

    init(_ key: String, _ label: String, _ timings: Timings, _ extras: [BenchReport.Extra] = []) {
        self.init(key: key, label: label, samples: timings.wall, extras: extras, cpu: timings.cpu)
    }

    /// The value of the derived figure `key`.
    func extra(_ key: String) -> Double? { extras.first { $0.key == key }?.value }
}

extension BenchReport.Extra {
    init(_ key: String, _ value: Double, _ unit: String) {
        self.init(key: key, value: value, unit: unit)
    }
}
