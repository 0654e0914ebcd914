import Foundation
import PioneerAssessment
import PioneerRules

/// The rows of a batch as cells, shared by the table, CSV, Markdown and HTML renderers:
/// rank, file, band, score, one column per criterion, pages, flags, error.
struct BatchTable {
    var header: [String]
    var rows: [[String]]

    init(_ report: BatchReport) {
        header = ["rank", "file", "band", "score"] + report.criteria.map(\.id) + ["pages", "flags", "error"]
        rows = report.rows.map { row in
            switch row {
            case .assessed(let rank, let a):
                let scores = report.criteria.map { column in
                    a.criteria.first { $0.id == column.id }.map { JSONValue.format($0.score) } ?? ""
                }
                return [String(rank), a.document.path, a.band.rawValue, JSONValue.format(a.score)] + scores
                    + [BatchFlags.pages(a.document), BatchFlags.flags(for: a).joined(separator: " "), ""]
            case .failed(let path, let error):
                return ["-", path, "", ""] + report.criteria.map { _ in "" } + ["", "unreadable", error]
            }
        }
    }
}

/// `batch` (default): an aligned table for the terminal.
public struct TableBatchRenderer: BatchRenderer {
    public static let identifier = "table"
    public init() {}

    public func render(_ report: BatchReport, context: RenderContext) -> String {
        let style = Style(enabled: context.colour)
        let table = BatchTable(report)
        let hasErrors = report.failureCount > 0
        let columns = hasErrors ? table.header.count : table.header.count - 1
        let widths = (0..<columns).map { column in
            ([table.header] + table.rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String], bandColumn: Bool) -> String {
            (0..<columns).map { column in
                let cell = cells[column]
                let padded = column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                if bandColumn && column == 2, let band = Band(rawValue: cell) { return style.band(band, padded) }
                return padded
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [style.bold(line(table.header, bandColumn: false))]
        out += table.rows.map { line($0, bandColumn: true) }
        let assessed = report.rows.count - report.failureCount
        out.append("")
        out.append("\(assessed) assessed, \(report.failureCount) unreadable. Rules: \(report.ruleset.name) \(report.ruleset.version) (\(report.ruleset.fingerprint))")
        return out.joined(separator: "\n") + "\n"
    }
}

/// `batch --format csv`: RFC 4180, one header row.
public struct CSVBatchRenderer: BatchRenderer {
    public static let identifier = "csv"
    public init() {}

    public func render(_ report: BatchReport, context: RenderContext) -> String {
        let table = BatchTable(report)
        return ([table.header] + table.rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `batch --format markdown`: a pipe table.
public struct MarkdownBatchRenderer: BatchRenderer {
    public static let identifier = "markdown"
    public init() {}

    public func render(_ report: BatchReport, context: RenderContext) -> String {
        let table = BatchTable(report)
        var out = ["# Batch ranking", "", "Rules: \(MarkdownText.escape(report.ruleset.name)) \(report.ruleset.version) (`\(report.ruleset.fingerprint)`)", ""]
        out.append("| " + table.header.joined(separator: " | ") + " |")
        out.append("|" + table.header.map { _ in "---" }.joined(separator: "|") + "|")
        out += table.rows.map { "| " + $0.map(MarkdownText.cell).joined(separator: " | ") + " |" }
        return out.joined(separator: "\n") + "\n"
    }
}

/// `batch --format html`: a self-contained page with the ranking table.
public struct HTMLBatchRenderer: BatchRenderer {
    public static let identifier = "html"
    public init() {}

    public func render(_ report: BatchReport, context: RenderContext) -> String {
        let table = BatchTable(report)
        let title = "Pioneer batch ranking"
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">", "<title>\(title)</title>",
            "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
                + "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f3f3f3}"
                + ".meets{background:#e3f6e3}.sift-in{background:#fff6d6}.not-met{background:#fbe3e3}</style>",
            "</head>", "<body>", "<h1>\(title)</h1>",
            "<p>Rules: \(Self.escape(report.ruleset.name)) \(Self.escape(report.ruleset.version)) (<code>\(Self.escape(report.ruleset.fingerprint))</code>)</p>",
            "<table>", "<thead><tr>" + table.header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>",
        ]
        for row in table.rows {
            let band = row[2]
            let rowClass = band.isEmpty ? "" : " class=\"\(Self.escape(band))\""
            out.append("<tr\(rowClass)>" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>")
        }
        out += ["</tbody>", "</table>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
