import PioneerAssessment
import PioneerDocuments
import PioneerReports
import PioneerRules

/// `pioneer check FILE...`: a gap report per bid.
enum CheckCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        if CLI.wantsHelp(args) { console.out(Help.check); return ExitCode.success }
        let spec = OptionSpec(flags: ["--strict"], valued: ["--format", "--explain", "--rules", "--fail-under", "--out"])
        let arguments = try Arguments(args, spec: spec, command: "check")
        let formats = Renderers.assessment.map { $0.identifier }
        let format = try arguments.choice("--format", allowed: formats, default: "text", command: "check")
        let failUnder = try arguments.number("--fail-under", in: 0...100, command: "check")
        guard !arguments.positionals.isEmpty else { throw .usage("expected at least one file", command: "check") }
        let rules = try RulesSession.load(arguments.value("--rules"), console: console)
        let explainID = arguments.value("--explain")
        if let explainID, !rules.allConsiderations.contains(where: { $0.id == explainID }) {
            let hint = Suggestion.closest(to: explainID, in: rules.allConsiderations.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown consideration '\(explainID)'\(hint)", command: "check")
        }
        let assessor = Assessor(rules: rules)
        ProcessLifetime.keepUntilExit(assessor)
        let files = DocumentFiles.expand(arguments.positionals)
        let context = RenderContext(colour: arguments.value("--out") == nil && console.colourOut)
        var outputs: [String] = []
        // JSON is streamed at the end: one object for one file, else an array of them.
        var results: [JSONResult] = []
        var code = ExitCode.success
        for path in files {
            let document: Document
            do {
                document = try DocumentReader.read(path: path)
            } catch {
                console.err("error: \(error.description)")
                code = ExitCode.unreadable
                continue
            }
            if let explainID, let explanation = assessor.explain(document, considerationID: explainID) {
                if format == "json" { results.append(.explanation(explanation, path: path)) } else {
                    outputs.append(ExplanationRendering.text(explanation, path: path))
                }
                continue
            }
            let assessment = assessor.assess(document)
            if format == "json" { results.append(.assessment(assessment)) } else {
                let renderer = Renderers.assessment(named: format) ?? TextReportRenderer.self
                outputs.append(renderer.init().render(assessment, context: context))
            }
            if code == ExitCode.success, failed(assessment, failUnder: failUnder, strict: arguments.has("--strict")) {
                code = ExitCode.failed
            }
        }
        let bytes = format == "json" ? JSONResult.serialised(results, fileCount: files.count)
                                     : Array(outputs.joined(separator: "\n").utf8)
        if let out = arguments.value("--out") { try OutputFile.write(bytes, to: out, inputs: files) } else { console.out(bytes) }
        return code
    }

    static func failed(_ assessment: Assessment, failUnder: Double?, strict: Bool) -> Bool {
        if let failUnder, assessment.score < failUnder { return true }
        return strict && assessment.band == .notMet
    }
}

/// `check --explain ID`: every candidate for one consideration and why it did or did not count.
enum ExplanationRendering {
    static func text(_ explanation: Explanation, path: String) -> String {
        var lines = ["\(path): \(explanation.considerationID): \(explanation.result.verdict.rawValue)", "  \(explanation.result.reason)"]
        if explanation.candidates.isEmpty { lines.append("  no candidate matches in the document") }
        for candidate in explanation.candidates {
            let e = candidate.evidence
            lines.append("  [\(candidate.status.rawValue)] p.\(e.page) l.\(e.line): \"\(e.quote)\"")
            lines.append("      terms: \(e.terms.joined(separator: ", ")); \(candidate.note)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON of `--explain` for one file: the consideration's result and every candidate, with
    /// its status, note and evidence.
    static func json(_ explanation: Explanation, path: String, to json: inout JSONWriter) {
        json.object { json in
            json.member("path") { $0.string(path) }
            json.member("consideration") { AssessmentJSON.consideration(explanation.result, to: &$0) }
            json.member("candidates", array: explanation.candidates) { json, candidate in
                json.object { json in
                    json.member("status") { $0.string(candidate.status.rawValue) }
                    json.member("note") { $0.string(candidate.note) }
                    json.member("evidence") { AssessmentJSON.evidence(candidate.evidence, to: &$0) }
                }
            }
        }
    }
}

/// What `check --format json` prints for one file: its assessment, or its explanation with `--explain`.
enum JSONResult {
    case assessment(Assessment)
    case explanation(Explanation, path: String)

    /// The results of `fileCount` files as JSON bytes: the result's object when one file was asked
    /// for and read, else an array of them (empty when none was read).
    static func serialised(_ results: [JSONResult], fileCount: Int) -> [UInt8] {
        var json = JSONWriter()
        if fileCount == 1, results.count == 1, let only = results.first {
            only.write(to: &json)
        } else {
            json.array { json in for result in results { result.write(to: &json) } }
        }
        return json.finish()
    }

    /// This result's object.
    func write(to json: inout JSONWriter) {
        switch self {
        case .assessment(let assessment): AssessmentJSON.write(assessment, to: &json)
        case .explanation(let explanation, let path): ExplanationRendering.json(explanation, path: path, to: &json)
        }
    }
}
