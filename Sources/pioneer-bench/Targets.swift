/// The performance targets of the "Performance" issue, judged on one run.
enum Targets {
    static func evaluate(_ report: BenchReport) -> [BenchReport.Target] {
        var targets: [BenchReport.Target] = []
        let rules = report.row("scaling", "rulesX16")?.extra("ratio")
        targets.append(.init(key: "rulesScaling", goal: "rules ×16 takes at most 2× the time of ×1",
                             actual: rules.map { "\(BenchReport.fixed($0, 2))×" } ?? "not measured", met: rules.map { $0 <= 2 }))
        let text = report.row("scaling", "textX16")?.extra("ratio")
        targets.append(.init(key: "textScaling", goal: "text ×16 (blocks repeated) takes 16× ± 20% the time of ×1",
                             actual: text.map { "\(BenchReport.fixed($0, 2))×" } ?? "not measured", met: text.map { (12.8...19.2).contains($0) }))
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
}
