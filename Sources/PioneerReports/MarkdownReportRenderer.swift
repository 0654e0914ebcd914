import PioneerAssessment
import PioneerRules

/// `check --format markdown`: the gap report as a Markdown document to paste into a review.
public struct MarkdownReportRenderer: AssessmentRenderer {
    public static let identifier = "markdown"
    public init() {}

    public func render(_ a: Assessment, context: RenderContext) -> String {
        var out: [String] = ["# Gap report: \(MarkdownText.escape(a.document.path))", ""]
        out.append("- **Band:** \(a.band.rawValue)")
        out.append("- **Score:** \(JSONValue.format(a.score))/100")
        out.append("- **Pages:** \(BatchFlags.pages(a.document)) of \(a.pageLimit.limit)\(a.pageLimit.within ? "" : " — **over the page limit**")")
        if !a.applicants.names.isEmpty {
            out.append("- **Applicants:** \(MarkdownText.escape(a.applicants.names.joined(separator: "; ")))\(a.applicants.joint ? " (joint bid)" : "")")
        }
        out.append("- **Rules:** \(MarkdownText.escape(a.ruleset.name)) \(a.ruleset.version) (`\(a.ruleset.fingerprint)`)")
        for gate in a.gates {
            out.append("- **Gate \(gate.id):** \(gate.passed ? "passed" : "failed — " + MarkdownText.escape(gate.message))")
        }
        for warning in a.document.warnings { out.append("- **Warning:** \(MarkdownText.escape(warning.message))") }
        for criterion in a.criteria {
            out += ["", "## \(MarkdownText.escape(criterion.title)) — \(JSONValue.format(criterion.score))/100", ""]
            for result in criterion.considerations { out += consideration(result) }
        }
        if !a.pageLimit.within {
            out += ["", "## Beyond the page limit", "", "The panel stops reading at page \(a.pageLimit.limit).", ""]
            out += a.pageLimit.beyondLimit.map { "- p.\($0.page) l.\($0.line): \(MarkdownText.escape($0.text))" }
        }
        if !a.principles.isEmpty {
            out += ["", "## Partnership principles", "", "| Principle | Verdict | Reason |", "|---|---|---|"]
            out += a.principles.map { "| \($0.id) | \($0.verdict.rawValue) | \(MarkdownText.cell($0.reason)) |" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func consideration(_ r: ConsiderationResult) -> [String] {
        var lines = ["- **\(r.verdict.rawValue)** `\(r.id)` \(MarkdownText.escape(r.title))"]
        if r.verdict != .met { lines.append("  - \(MarkdownText.escape(r.reason))") }
        for evidence in r.evidence.prefix(3) {
            let label = evidence.negated ? "stated gap, " : ""
            lines.append("  - > \(label)p.\(evidence.page) l.\(evidence.line): \(MarkdownText.escape(evidence.quote))")
        }
        if r.verdict != .met && !r.guidance.isEmpty { lines.append("  - *To add:* \(MarkdownText.escape(r.guidance))") }
        return lines
    }
}

/// Escaping for Markdown text and table cells.
enum MarkdownText {
    /// `text` with Markdown's punctuation backslash-escaped and line feeds as spaces.
    static func escape(_ text: String) -> String {
        // ASCII text without carriage returns: one byte is one Character, so bytes give the same result
        // at a fraction of the cost (`String.contains(Character)` per character cost more than the assessment).
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count + 16)
            for byte in text.utf8 {
                switch byte {
                case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23: out.append(0x5C); out.append(byte)
                case 0x0A: out.append(0x20)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }

    static func cell(_ text: String) -> String { escape(text) }
}
