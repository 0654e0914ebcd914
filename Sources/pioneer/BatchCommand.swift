import Dispatch
import Foundation
import PioneerAssessment
import PioneerDocuments
import PioneerReports
import PioneerRules

/// `pioneer batch DIR|FILE...`: every bid assessed in parallel, ranked.
enum BatchCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        if CLI.wantsHelp(args) { console.out(Help.batch); return ExitCode.success }
        let arguments = try Arguments(args, spec: OptionSpec(valued: ["--format", "--out", "--jobs", "--rules"]), command: "batch")
        let format = try arguments.choice("--format", allowed: Renderers.batch.map { $0.identifier }, default: "table", command: "batch")
        let jobs = try arguments.integer("--jobs", in: 1...256, command: "batch") ?? ProcessInfo.processInfo.activeProcessorCount
        guard !arguments.positionals.isEmpty else { throw .usage("expected a folder or files to assess", command: "batch") }
        let files = DocumentFiles.expand(arguments.positionals)
        guard !files.isEmpty else {
            throw .usage("no .pdf, .docx, .md, .markdown or .txt files found in \(arguments.positionals.joined(separator: ", "))", command: "batch")
        }
        let rules = try RulesSession.load(arguments.value("--rules"), console: console)
        let assessor = Assessor(rules: rules)
        ProcessLifetime.keepUntilExit(assessor)
        let renderer = Renderers.batch(named: format) ?? TableBatchRenderer.self
        let outcomes = BatchRunner(assessor: assessor, jobs: jobs, detail: renderer.detail,
                                   progress: console.stderrIsTerminal ? console : nil).run(files)
        var assessments: [Assessment] = []
        var failures: [(path: String, error: String)] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let assessment): assessments.append(assessment)
            case .failure(let error): failures.append((error.path, error.message))
            }
        }
        let summary = RulesetSummary(name: rules.header.name, version: rules.header.version, fingerprint: rules.fingerprint)
        let report = BatchReport(ruleset: summary, criteria: rules.criteria.map { ($0.id, $0.title) }, assessments: assessments, failures: failures)
        let colour = arguments.value("--out") == nil && console.colourOut
        let bytes = renderer.init().renderUTF8(report, context: RenderContext(colour: colour))
        if let out = arguments.value("--out") { try OutputFile.write(bytes, to: out, inputs: files) } else { console.out(bytes) }
        for failure in failures { console.err("error: \(failure.path): \(failure.error)") }
        return failures.isEmpty ? ExitCode.success : ExitCode.unreadable
    }
}

/// Reads and assesses files on `jobs` threads; a broken file is an outcome, never an abort.
struct BatchRunner: Sendable {
    var assessor: Assessor
    var jobs: Int
    /// As much as the batch's renderer shows (`BatchRenderer.detail`).
    var detail: AssessmentDetail = .report
    var progress: Console?

    func run(_ files: [String]) -> [Result<Assessment, DocumentError>] {
        let results = ResultSlots(count: files.count)
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Each worker keeps the words it has described from one bid to the next.
            var workspace = AssessmentWorkspace()
            while let index = results.claim() {
                let outcome = Result { () throws(DocumentError) -> Assessment in
                    assessor.assess(try DocumentReader.read(path: files[index]), reusing: &workspace, detail: detail)
                }
                let done = results.store(outcome, at: index)
                progress?.err("\u{1B}[2K\r[\(done)/\(files.count)] \(files[index])", newline: false)
            }
        }
        progress?.err("\u{1B}[2K\r", newline: false)
        return results.all()
    }
}

/// Result slots shared by the batch workers. A class guarded by a lock: the one shared mutable
/// state of a batch run, kept as small as possible.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Assessment, DocumentError>?]
    private var next = 0
    private var completed = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Result<Assessment, DocumentError>, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        completed += 1
        return completed
    }

    func all() -> [Result<Assessment, DocumentError>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
