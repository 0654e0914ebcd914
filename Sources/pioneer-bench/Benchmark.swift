import Foundation
import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// One benchmark run: every measurement in order, then the targets.
struct Benchmark {
    var options: BenchOptions

    func run(progress: (String) -> Void) throws(BenchError) -> BenchReport {
        let machine = Machine.current()
        var report = BenchReport(date: ISO8601DateFormatter().string(from: Date()), machine: machine)
        // The machine probe runs first, before the corpus is held, so that its buffer does not raise the
        // peak memory figure; its section is shown after the scaling rows it explains.
        let machineSection = options.runs("machine") ? branchMemory(progress: progress) : nil
        let loaded = RulesLoader.load(path: options.rulesPath)
        guard let rules = loaded.rules else {
            throw .rules("cannot load '\(options.rulesPath)':\n" + DiagnosticRenderer.render(loaded.diagnostics, sources: loaded.sources, colour: false))
        }
        progress("generating \(options.documents) bids from \(options.samplesPath)")
        let samples = try SampleSet.load(directory: options.samplesPath)
        let corpus = Corpus.generate(from: samples, count: options.documents)
        report.settings = [("mode", options.quick ? "quick" : "full"), ("rules", options.rulesPath), ("samples", "\(options.samplesPath) (\(samples.samples.count) files)"),
                           ("corpus", "\(corpus.bids.count) bids, \(corpus.totalWords / max(1, corpus.bids.count)) words and \(corpus.totalBytes / max(1, corpus.bids.count)) bytes each on average, seed 0x5EED2013")]
        let assessor = Assessor(rules: rules)
        let inProcess = InProcessBench(options: options, rules: rules, corpus: corpus)
        if options.runs("rules") { progress("rules compile"); report.add(inProcess.compileRules()) }
        if options.runs("single") { progress("one bid"); report.add(try inProcess.singleBid(assessor)) }
        if options.runs("batch") { progress("batch"); report.add(inProcess.batch(assessor, cores: machine.cores)) }
        if options.runs("scaling") { progress("scaling"); report.add(try scaling(rules, corpus)) }
        if let machineSection { report.add(machineSection) }
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("pioneer-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .io("cannot create '\(directory)': \(error.localizedDescription)")
        }
        if options.runs("side") {
            progress("side by side")
            let side = SideBySideBench(options: options, rules: rules, corpus: corpus, directory: directory)
            report.add(try side.searchTools(ours: report.row("batch", "allCores")))
        }
        if options.runs("file"), let first = corpus.bids.first {
            progress("single file")
            report.add(try SingleFileBench(options: options, bid: first, directory: directory).run())
        }
        var memory = BenchReport.Section(key: "memory", title: "Memory")
        memory.rows.append(.init("peakResident", "peak resident (this process)", nil, [.init("kibibytes", Double(Machine.peakResidentKiB()), "KiB")]))
        report.add(memory)
        report.targets = Targets.evaluate(report)
        return report
    }
}

private extension Benchmark {
    /// The branch-memory probe: what the machine itself gives text that repeats (beside the scaling rows).
    func branchMemory(progress: (String) -> Void) -> BenchReport.Section {
        progress("machine")
        let probe = BranchMemoryProbe(length: 4 << 20, runs: options.runs(5, quick: 3))
        var section = BenchReport.Section(key: "branchMemory", title: "Machine: one data-dependent branch per byte, on 1 thread")
        section.rows = probe.run()
        return section
    }

    func scaling(_ rules: CompiledRules, _ corpus: Corpus) throws(BenchError) -> BenchReport.Section {
        let subset = corpus.bids.prefix(options.quick ? 20 : 100)
        var documents: [Document] = []
        for bid in subset {
            do { documents.append(try MarkdownReader.read(bytes: bid.markdown, path: bid.name, limits: .default)) } catch {
                throw .samples("cannot read the generated bid: \(error)")
            }
        }
        let bench = ScalingBench(rules: rules, documents: documents, runs: options.runs(5, quick: 3))
        var section = BenchReport.Section(key: "scaling", title: "Scaling: assess \(documents.count) read bids on 1 thread")
        section.rows = bench.rulesScaling() + bench.textScaling(.repeated) + bench.textScaling(.distinct) + bench.textScaling(.appended)
            + bench.textScaling(.repeated, detail: .ranking) + bench.textScaling(.distinct, detail: .ranking) + bench.textScaling(.hostile)
        return section
    }
}
