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
        let runs = options.runs(10, quick: 10)
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
        for (key, label, pageCount, tool) in tools {
            guard let tool else { section.notes.append("\(key) is not installed: skipped"); continue }
            do {
                let samples = try tool.time(runs: runs, accepted: key.hasPrefix("check") ? [0, 1] : [0])
                let pages: [BenchReport.Extra] = pageCount > 0 ? [.init("pagesPerSecond", pageCount / samples.median, "pages/s")] : []
                section.rows.append(.init(key, label, samples, pages))
            } catch {
                section.notes.append("\(label): \(error)")
            }
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
