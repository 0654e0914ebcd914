import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// The figures measured inside this process: rules compile time, one bid's latency, batch
/// throughput and scaling with rules and text size.
struct InProcessBench {
    var options: BenchOptions
    var rules: CompiledRules
    var corpus: Corpus

    func compileRules() -> BenchReport.Section {
        var failed = false
        let samples = Stopwatch.repeatedly(options.runs(20, quick: 20), warmUp: 1) {
            if RulesLoader.load(path: options.rulesPath).rules == nil { failed = true }
        }
        let considerations = rules.allConsiderations.count
        var section = BenchReport.Section(key: "rules", title: "Parse and compile the rules (\(options.rulesPath))")
        section.rows.append(.init("compile", "parse + compile", samples, [
            .init("phrases", Double(rules.phrases.count), "phrases"), .init("considerations", Double(considerations), "considerations"),
        ]))
        if failed { section.notes.append("some runs failed to load the rules") }
        return section
    }

    /// Reading and assessing the first bid of the corpus, one at a time.
    func singleBid(_ assessor: Assessor) throws(BenchError) -> BenchReport.Section {
        guard let bid = corpus.bids.first else { throw .samples("the corpus is empty") }
        let document: Document
        do { document = try MarkdownReader.read(bytes: bid.markdown, path: bid.name, limits: .default) } catch {
            throw .samples("cannot read the generated bid: \(error)")
        }
        let runs = options.runs(200, quick: 50)
        let read = Stopwatch.repeatedly(runs, warmUp: 5) {
            _ = try? MarkdownReader.read(bytes: bid.markdown, path: bid.name, limits: .default)
        }
        var checksum = 0.0
        let assess = Stopwatch.repeatedly(runs, warmUp: 20) { checksum += assessor.assess(document).score }
        InMemoryBatch.blackHole(checksum)
        var section = BenchReport.Section(key: "single", title: "One \(bid.words)-word bid, in process (\(BenchReport.fixed(document.pageCount.value, 1)) estimated pages)")
        section.rows.append(.init("readMarkdown", "read Markdown", read, [.init("megabytesPerSecond", Self.mb(bid.markdown.count) / read.wall.median, "MB/s")]))
        section.rows.append(.init("assess", "assess", assess, [.init("pagesPerSecond", document.pageCount.value / assess.wall.median, "pages/s")]))
        return section
    }

    /// The whole corpus read and assessed on one thread and on every core.
    /// The batch as `pioneer batch` runs it (`.ranking`: keys `oneCore`, `allCores`, which the targets
    /// judge), then with every assessment written out in full as `batch --format json` does
    /// (`.report`: keys `oneCoreReport`, `allCoresReport`).
    func batch(_ assessor: Assessor, cores: Int) -> BenchReport.Section {
        let runs = options.runs(3, quick: 3)
        var failures = 0
        var section = BenchReport.Section(key: "batch", title: "Batch: \(corpus.bids.count) bids, \(BenchReport.fixed(Self.mb(corpus.totalBytes), 1)) MB Markdown in memory, read + assess")
        for (detail, suffix, label) in [(AssessmentDetail.ranking, "", "ranking, as batch"), (.report, "Report", "full reports, as batch --format json")] {
            let batch = InMemoryBatch(assessor: assessor, bids: corpus.bids.map(\.markdown), detail: detail)
            var oneCore = 0.0
            for (key, workers) in [("oneCore", 1), ("allCores", cores)] {
                _ = batch.run(workers: workers)
                let timings = (0..<runs).map { _ in
                    let (wall, cpu, failed) = batch.run(workers: workers)
                    failures = max(failures, failed)
                    return (wall, cpu)
                }
                let samples = Samples(timings.map(\.0))
                if workers == 1 { oneCore = samples.median }
                section.rows.append(.init(key + suffix, "\(workers) thread\(workers == 1 ? "" : "s"), \(label)", Timings(wall: samples, cpu: Samples(timings.map(\.1))), [
                    .init("megabytesPerSecond", Self.mb(corpus.totalBytes) / samples.median, "MB/s"),
                    .init("documentsPerSecond", Double(corpus.bids.count) / samples.median, "docs/s"),
                    .init("speedup", oneCore / samples.median, "× 1 thread"),
                ]))
            }
        }
        if failures > 0 { section.notes.append("\(failures) generated bids failed to read") }
        return section
    }

    static func mb(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }
}
