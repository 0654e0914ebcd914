import Foundation
import PioneerDocuments

/// Whole-process time of `pioneer check` on one 10-page bid as Markdown and as a PDF this bench
/// writes, and of `pdftotext` on the same PDF.
struct SingleFileBench {
    var options: BenchOptions
    var bid: Corpus.Bid
    var directory: String

    func run() throws(BenchError) -> BenchReport.Section {
        let document: Document
        do { document = try MarkdownReader.read(bytes: bid.markdown, path: bid.name, limits: .default) } catch {
            throw .samples("cannot read the generated bid: \(error)")
        }
        let (pdf, pages) = PDFWriter().write(document)
        let markdownPath = (directory as NSString).appendingPathComponent("bid.md")
        let pdfPath = (directory as NSString).appendingPathComponent("bid.pdf")
        do {
            try Data(bid.markdown).write(to: URL(fileURLWithPath: markdownPath))
            try Data(pdf).write(to: URL(fileURLWithPath: pdfPath))
        } catch {
            throw .io("cannot write to '\(directory)': \(error.localizedDescription)")
        }
        var section = BenchReport.Section(key: "singleFile", title: "One bid, whole process: Markdown and a \(pages)-page PDF (\(pdf.count / 1024) KiB)")
        section.rows += inProcessPDF(pdf, pages: pages, path: pdfPath, notes: &section.notes)
        let runs = options.runs(20, quick: 10)
        var tools: [(String, String, Double, ExternalProcess?)] = [
            ("startUp", "process start-up (true)", 0, ExternalProcess.which("true").map { ExternalProcess(executable: $0, arguments: []) }),
        ]
        if let pioneer = SideBySideBench.pioneerBinary() {
            tools.append(("checkMarkdown", "pioneer check bid.md", document.pageCount.value,
                          ExternalProcess(executable: pioneer, arguments: ["check", "--rules", options.rulesPath, markdownPath])))
            tools.append(("checkPDF", "pioneer check bid.pdf", Double(pages),
                          ExternalProcess(executable: pioneer, arguments: ["check", "--rules", options.rulesPath, pdfPath])))
        } else {
            section.notes.append("no release 'pioneer' next to this binary: build it with 'swift build -c release'")
        }
        tools.append(("pdftotext", "pdftotext bid.pdf -", Double(pages),
                      ExternalProcess.which("pdftotext").map { ExternalProcess(executable: $0, arguments: ["-q", pdfPath, "-"]) }))
        var present: [(key: String, label: String, pages: Double, tool: ExternalProcess)] = []
        for (key, label, pageCount, tool) in tools {
            if let tool { present.append((key, label, pageCount, tool)) } else { section.notes.append("\(key) is not installed: skipped") }
        }
        // Round by round, each tool once a round (the first round a warm-up), so that pioneer and
        // pdftotext see the same state of a shared machine rather than one of them its slow minute.
        var times = Array(repeating: [Double](), count: present.count)
        var failures = Array(repeating: String?.none, count: present.count)
        for round in 0...max(1, runs) {
            for (index, entry) in present.enumerated() where failures[index] == nil {
                do {
                    let (seconds, status) = try entry.tool.run()
                    guard (entry.key.hasPrefix("check") ? [0, 1] : [0]).contains(status) else {
                        failures[index] = "'\(entry.label)' exited with status \(status)"
                        continue
                    }
                    if round > 0 { times[index].append(seconds) }
                } catch {
                    failures[index] = "\(error)"
                }
            }
        }
        for (index, entry) in present.enumerated() {
            if let failure = failures[index] {
                section.notes.append("\(entry.label): \(failure)")
                continue
            }
            let samples = Samples(times[index])
            let pages: [BenchReport.Extra] = entry.pages > 0 ? [.init("pagesPerSecond", entry.pages / samples.median, "pages/s")] : []
            section.rows.append(.init(entry.key, entry.label, samples, pages))
        }
        return section
    }
}

private extension SingleFileBench {
    /// Our PDF reader on the generated PDF, in process, when it reads it.
    func inProcessPDF(_ pdf: [UInt8], pages: Int, path: String, notes: inout [String]) -> [BenchReport.Row] {
        do {
            let read = try DocumentReader.read(bytes: pdf, format: .pdf, path: path, limits: .default)
            if read.pages.count != pages { notes.append("the PDF reader found \(read.pages.count) pages, the writer wrote \(pages)") }
        } catch {
            notes.append("the PDF reader cannot read the generated PDF: \(error)")
            return []
        }
        let samples = Stopwatch.repeatedly(options.runs(50, quick: 20), warmUp: 3) {
            _ = try? DocumentReader.read(bytes: pdf, format: .pdf, path: path, limits: .default)
        }
        return [.init("readPDF", "read PDF in process", samples, [.init("pagesPerSecond", Double(pages) / samples.wall.median, "pages/s")])]
    }
}
