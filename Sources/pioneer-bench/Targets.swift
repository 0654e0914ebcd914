/// The performance targets of the "Performance" issue, judged on one run.
enum Targets {
    static func evaluate(_ report: BenchReport) -> [BenchReport.Target] {
        var targets: [BenchReport.Target] = []
        targets.append(time(report.row("rules", "compile"), below: 0.005, key: "rulesCompile", goal: "compile the shipped rules in under 5 ms (median)"))
        targets.append(time(report.row("single", "assess"), below: 0.002, key: "assessOne", goal: "assess one 10-page bid in process in under 2 ms (median)"))
        targets.append(time(report.row("singleFile", "checkMarkdown"), below: 0.050, key: "checkMarkdown",
                            goal: "pioneer check on a 10-page Markdown bid, whole process, under 50 ms (median)"))
        let batch = report.row("batch", "allCores")
        let perThousand = batch?.extra("documentsPerSecond").map { 1000 / $0 }
        targets.append(.init(key: "batchThousand", goal: "1,000 bids read + assessed in memory on all cores in under 2 s",
                             actual: perThousand.map { "\(BenchReport.fixed($0, 3)) s per 1,000 bids" } ?? "not measured",
                             met: perThousand.map { $0 < 2 }))
        // Judged on the batch as `pioneer batch` runs it (ranking detail); the full-report figure beside it.
        let cores = Double(max(1, report.machine.cores))
        let perCore = batch?.extra("megabytesPerSecond").map { $0 / cores }
        let perCoreReport = report.row("batch", "allCoresReport")?.extra("megabytesPerSecond").map { $0 / cores }
        targets.append(.init(key: "batchPerCore", goal: "batch throughput at least 40 MB/s per core",
                             actual: perCore.map { "\(BenchReport.fixed($0, 1)) MB/s per core"
                                 + (perCoreReport.map { " (full reports: \(BenchReport.fixed($0, 1)))" } ?? "") } ?? "not measured",
                             met: perCore.map { $0 >= 40 }))
        let rules = report.row("scaling", "rulesX16")?.extra("ratio")
        targets.append(.init(key: "rulesScaling", goal: "rules ×16 takes at most 2× the time of ×1",
                             actual: rules.map { "\(BenchReport.fixed($0, 2))×" } ?? "not measured", met: rules.map { $0 <= 2 }))
        // Judged on blocks repeated with full reports; the other growths and the ranking detail beside it.
        let text = report.row("scaling", "textX16")?.extra("ratio")
        let others = [("new text", "distinctX16"), ("ranking only", "rankingTextX16"), ("ranking only, new text", "rankingDistinctX16")]
            .compactMap { label, key in report.row("scaling", key)?.extra("ratio").map { "\(label) \(BenchReport.fixed($0, 2))×" } }
        targets.append(.init(key: "textScaling", goal: "text ×16 (blocks repeated) takes 16× ± 20% the time of ×1",
                             actual: text.map { "\(BenchReport.fixed($0, 2))×" + (others.isEmpty ? "" : " (\(others.joined(separator: "; ")))") } ?? "not measured",
                             met: text.map { (12.8...19.2).contains($0) }))
        let ours = report.row("sideBySide", "ours")?.extra("ratioToRg")
        targets.append(.init(key: "versusRg", goal: "batch (in memory, all threads) within 5× of rg -F -i -c",
                             actual: ours.map { "\(BenchReport.fixed($0, 2))× rg" } ?? "not measured", met: ours.map { $0 <= 5 }))
        let whole = report.row("sideBySide", "pioneerBatch")?.extra("ratioToRg")
        targets.append(.init(key: "versusRgWholeProcess", goal: "pioneer batch (whole process, files) within 5× of rg -F -i -c",
                             actual: whole.map { "\(BenchReport.fixed($0, 2))× rg" } ?? "not measured", met: whole.map { $0 <= 5 }))
        let pdf = report.row("singleFile", "checkPDF")?.extra("pagesPerSecond")
        let poppler = report.row("singleFile", "pdftotext")?.extra("pagesPerSecond")
        var actual = "not measured"
        var met: Bool?
        if let pdf, let poppler {
            actual = "\(BenchReport.fixed(pdf, 0)) vs \(BenchReport.fixed(poppler, 0)) pages/s"
            met = pdf >= poppler
        }
        targets.append(.init(key: "pdfVersusPdftotext", goal: "pioneer check on a PDF: pages/s at least pdftotext's", actual: actual, met: met))
        return targets
    }

    /// A wall-clock median target; the CPU median is shown beside it when measured.
    static func time(_ row: BenchReport.Row?, below limit: Double, key: String, goal: String) -> BenchReport.Target {
        guard let median = row?.samples?.median else { return .init(key: key, goal: goal, actual: "not measured", met: nil) }
        var actual = "\(BenchReport.fixed(median * 1000, 2)) ms"
        if let cpu = row?.cpu?.median { actual += " (cpu \(BenchReport.fixed(cpu * 1000, 2)) ms)" }
        return .init(key: key, goal: goal, actual: actual, met: median < limit)
    }
}
