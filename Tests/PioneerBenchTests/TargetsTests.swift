import Testing
@testable import pioneer_bench

/// The targets are judged from the report's rows, at their stated bounds.
@Suite struct TargetsTests {
    static func report(batchMBps: Double?, textRatio: Double?, reportMBps: Double? = nil, others: [(String, Double)] = []) -> BenchReport {
        var report = BenchReport(date: "2026-12-06", machine: Machine(cores: 2, architecture: "x86_64", operatingSystem: "test"))
        var batch = BenchReport.Section(key: "batch", title: "Batch")
        if let batchMBps {
            batch.rows.append(.init("allCores", "2 threads", Samples([0.5]), [.init("megabytesPerSecond", batchMBps, "MB/s"), .init("documentsPerSecond", 2000, "docs/s")]))
        }
        if let reportMBps { batch.rows.append(.init("allCoresReport", "2 threads, full", Samples([0.6]), [.init("megabytesPerSecond", reportMBps, "MB/s")])) }
        report.add(batch)
        var scaling = BenchReport.Section(key: "scaling", title: "Scaling")
        if let textRatio { scaling.rows.append(.init("textX16", "text ×16", Samples([1]), [.init("ratio", textRatio, "×")])) }
        for (key, ratio) in others { scaling.rows.append(.init(key, key, Samples([1]), [.init("ratio", ratio, "×")])) }
        report.add(scaling)
        return report
    }

    static func target(_ key: String, _ report: BenchReport) -> BenchReport.Target? {
        Targets.evaluate(report).first { $0.key == key }
    }

    @Test(arguments: [(12.79, false), (12.8, true), (16, true), (19.2, true), (19.21, false)])
    func textScalingIsSixteenTimesWithinTwentyPercent(ratio: Double, met: Bool) {
        #expect(Self.target("textScaling", Self.report(batchMBps: nil, textRatio: ratio))?.met == met)
    }

    @Test func textScalingShowsTheOtherRowsBesideTheJudgedOne() throws {
        let report = Self.report(batchMBps: nil, textRatio: 9.5, others: [("distinctX16", 11.7), ("rankingDistinctX16", 13.6)])
        let target = try #require(Self.target("textScaling", report))
        #expect(target.met == false)
        #expect(target.actual == "9.50× (new text 11.70×; ranking only, new text 13.60×)")
    }

    @Test func perCoreThroughputIsJudgedOnTheRankingBatch() throws {
        let met = try #require(Self.target("batchPerCore", Self.report(batchMBps: 80, textRatio: nil, reportMBps: 70)))
        #expect(met.met == true)
        #expect(met.actual == "40.0 MB/s per core (full reports: 35.0)")
        #expect(Self.target("batchPerCore", Self.report(batchMBps: 79.9, textRatio: nil))?.met == false)
        #expect(Self.target("batchPerCore", Self.report(batchMBps: nil, textRatio: nil))?.met == nil)
        #expect(Self.target("batchThousand", Self.report(batchMBps: 80, textRatio: nil))?.actual == "0.500 s per 1,000 bids")
    }
}
