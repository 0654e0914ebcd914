import PioneerAssessment
import PioneerRules

/// `check` (default): the gap report a bid writer reads in a terminal.
public struct TextReportRenderer: AssessmentRenderer {
    public static let identifier = "text"
    public init() {}

    public func render(_ assessment: Assessment, context: RenderContext) -> String {
        let style = Style(enabled: context.colour)
        var out: [String] = []
        out += header(assessment, style)
        for criterion in assessment.criteria {
            out.append("")
            out.append(style.bold("\(criterion.title) [\(criterion.id)]: \(JSONValue.format(criterion.score))/100"))
            for result in criterion.considerations { out += consideration(result, style, brief: false) }
        }
        out.append("")
        out += pageLimit(assessment, style)
        if !assessment.principles.isEmpty {
            out.append("")
            out.append(style.bold("Partnership principles (reported beside the criteria)"))
            for result in assessment.principles { out += consideration(result, style, brief: true) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

private extension TextReportRenderer {
    func header(_ a: Assessment, _ style: Style) -> [String] {
        var lines = [
            style.bold(a.document.path),
            "Band: \(style.band(a.band, style.bold(a.band.rawValue)))   Score: \(JSONValue.format(a.score))/100   "
                + "Pages: \(BatchFlags.pages(a.document)) of \(a.pageLimit.limit)\(a.document.pagesExact ? "" : " (estimated)")"
                + (a.pageLimit.within ? "" : "   " + style.red("OVER THE PAGE LIMIT")),
        ]
        if !a.applicants.names.isEmpty {
            lines.append("Applicants: \(a.applicants.names.joined(separator: "; "))\(a.applicants.joint ? " (joint bid)" : "")")
        }
        lines.append(style.dim("Rules: \(a.ruleset.name) \(a.ruleset.version), fingerprint \(a.ruleset.fingerprint)"))
        for warning in a.document.warnings { lines.append(style.yellow("warning: \(warning.message)")) }
        for gate in a.gates {
            let mark = gate.passed ? style.green("passed") : style.red("FAILED")
            let cap = gate.cap.map { " (band capped at \($0.rawValue))" } ?? ""
            lines.append("Gate \(gate.id): \(mark)\(gate.passed ? "" : ": " + gate.message + cap)")
        }
        return lines
    }

    func consideration(_ result: ConsiderationResult, _ style: Style, brief: Bool) -> [String] {
        // "met     ", "partial ", "missing ": padded to 8 by hand (Foundation's `padding(toLength:…)`
        // costs about 9 K instructions a call).
        let raw = result.verdict.rawValue
        let label = String(raw.prefix(8)) + String(repeating: " ", count: Swift.max(0, 8 - raw.count))
        var lines = ["  \(style.verdict(result.verdict, label)) \(result.id): \(result.title)"]
        let indent = "           "
        let support = result.evidence.filter { !$0.negated }
        let gaps = result.evidence.filter(\.negated)
        switch result.verdict {
        case .met:
            if !brief { lines += support.prefix(3).map { indent + quote($0) } }
        case .partial, .missing:
            lines.append(indent + style.dim(result.reason))
            if !brief { lines += support.prefix(2).map { indent + quote($0) } }
            lines += gaps.prefix(brief ? 1 : 2).map { indent + style.red("stated gap ") + quote($0) }
            if !result.guidance.isEmpty { lines.append(indent + "To add: " + result.guidance) }
        }
        return lines
    }

    func quote(_ evidence: Evidence) -> String {
        "p.\(evidence.page) l.\(evidence.line): \"\(evidence.quote)\""
    }

    func pageLimit(_ a: Assessment, _ style: Style) -> [String] {
        let pages = BatchFlags.pages(a.document)
        guard !a.pageLimit.within else {
            return [style.bold("Page limit: ") + "within the limit (\(pages) of \(a.pageLimit.limit) pages)"]
        }
        var lines = [style.bold("Page limit: ") + style.red("over the limit: \(pages) pages against a limit of \(a.pageLimit.limit); the panel stops reading at page \(a.pageLimit.limit)")]
        let sections = a.pageLimit.beyondLimit.filter { $0.considerationID == nil }
        if !sections.isEmpty { lines.append("  Sections that start beyond the limit:") }
        for item in sections.prefix(12) { lines.append("    \(item.text) (page \(item.page))") }
        var order: [String] = []
        var byConsideration: [String: [BeyondLimitItem]] = [:]
        for item in a.pageLimit.beyondLimit {
            guard let id = item.considerationID else { continue }
            if byConsideration[id] == nil { order.append(id) }
            byConsideration[id, default: []].append(item)
        }
        if !order.isEmpty { lines.append("  Evidence the panel will not read:") }
        for id in order {
            guard let items = byConsideration[id], let first = items.first else { continue }
            let more = items.count > 1 ? " (+\(items.count - 1) more)" : ""
            lines.append("    \(id): p.\(first.page) l.\(first.line): \"\(first.text)\"\(more)")
        }
        return lines
    }
}
