import Foundation
import PioneerDocuments
import PioneerRules

/// Whole-process figures beside other tools on the same files: `rg` and `grep` searching the corpus
/// for every rule phrase, `pioneer batch` and `pioneer check`, and `pdftotext` on the same PDF.
struct SideBySideBench {
    var options: BenchOptions
    var rules: CompiledRules
    var corpus: Corpus
    /// A scratch folder this run owns; removed by the caller.
    var directory: String

    /// The release `pioneer` binary next to this one, when built.
    static func pioneerBinary() -> String? {
        let bench = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let candidate = bench.deletingLastPathComponent().appendingPathComponent("pioneer").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Every phrase the rules match, as `pioneer rules phrases` prints them.
    static func phraseList(_ rules: CompiledRules) -> [String] {
        Set(rules.phrases.map { $0.words.joined(separator: " ") }).sorted()
    }

    /// The corpus files and the phrase list written to `directory`.
    func writeCorpus() throws(BenchError) -> (files: [String], phrases: String) {
        let bids = (directory as NSString).appendingPathComponent("bids")
        let phrases = (directory as NSString).appendingPathComponent("phrases.txt")
        do {
            try FileManager.default.createDirectory(atPath: bids, withIntermediateDirectories: true)
            let files = try corpus.bids.map { bid in
                let path = (bids as NSString).appendingPathComponent(bid.name)
                try Data(bid.markdown).write(to: URL(fileURLWithPath: path))
                return path
            }
            try Data((Self.phraseList(rules).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: phrases))
            return (files, phrases)
        } catch {
            throw .io("cannot write the corpus to '\(directory)': \(error.localizedDescription)")
        }
    }

    /// `rg`, `grep` and `pioneer batch` over the corpus files, with ours (in memory, every core) beside them.
    func searchTools(ours: BenchReport.Row?) throws(BenchError) -> BenchReport.Section {
        let (files, phrases) = try writeCorpus()
        let megabytes = InProcessBench.mb(corpus.totalBytes)
        var section = BenchReport.Section(key: "sideBySide", title: "Side by side on the \(files.count) corpus files (whole process)")
        let runs = options.runs(5, quick: 3)
        var tools: [(String, String, ExternalProcess?)] = [
            ("rg", "rg -F -i -c -f PHRASES", ExternalProcess.which("rg").map { ExternalProcess(executable: $0, arguments: ["-F", "-i", "-c", "-f", phrases] + files) }),
            ("grep", "grep -F -i -c -f PHRASES", ExternalProcess.which("grep").map { ExternalProcess(executable: $0, arguments: ["-F", "-i", "-c", "-f", phrases] + files) }),
        ]
        tools.append(("pioneerBatch", "pioneer batch --format csv", Self.pioneerBinary().map {
            ExternalProcess(executable: $0, arguments: ["batch", "--format", "csv", "--rules", options.rulesPath, (directory as NSString).appendingPathComponent("bids")])
        }))
        var rgMedian: Double?
        var grepMedian: Double?
        for (key, label, tool) in tools {
            guard let tool else { section.notes.append("\(label.split(separator: " ").prefix(2).joined(separator: " ")) is not installed: skipped"); continue }
            do {
                let samples = try tool.time(runs: runs, accepted: key == "pioneerBatch" ? [0] : [0, 1])
                if key == "rg" { rgMedian = samples.median }
                if key == "grep" { grepMedian = samples.median }
                section.rows.append(.init(key, label, samples, Self.throughput(megabytes, samples.median, rg: rgMedian, grep: grepMedian)))
            } catch {
                section.notes.append("\(label): \(error)")
            }
        }
        if let ours, let samples = ours.samples {
            section.rows.append(.init("ours", "ours in memory, all threads", samples, Self.throughput(megabytes, samples.median, rg: rgMedian, grep: grepMedian)))
        }
        section.notes.append("phrases: \(Self.phraseList(rules).count) distinct (the words of every compiled phrase)")
        return section
    }

    static func throughput(_ megabytes: Double, _ seconds: Double, rg: Double?, grep: Double?) -> [BenchReport.Extra] {
        [.init("megabytesPerSecond", megabytes / seconds, "MB/s")]
            + (rg.map { [.init("ratioToRg", seconds / $0, "× rg")] } ?? [])
            + (grep.map { [.init("ratioToGrep", seconds / $0, "× grep")] } ?? [])
    }
}
