import Foundation
import PioneerDocuments

/// `pioneer text FILE [--page N]`: the text as the tool reads it.
enum TextCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        if CLI.wantsHelp(args) { console.out(Help.text); return ExitCode.success }
        let arguments = try Arguments(args, spec: OptionSpec(valued: ["--page"]), command: "text")
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw .usage("expected exactly one file", command: "text")
        }
        let onlyPage = try arguments.integer("--page", in: 1...1_000_000, command: "text")
        let document: Document
        do {
            document = try DocumentReader.read(path: path)
        } catch {
            throw .document(error.description)
        }
        if let onlyPage, onlyPage > document.pages.count {
            throw .usage("'\(path)' has \(document.pages.count) page\(document.pages.count == 1 ? "" : "s"); there is no page \(onlyPage)", command: "text")
        }
        var out = ""
        for page in document.pages where onlyPage == nil || page.number == onlyPage {
            out += "--- page \(page.number) of \(document.pages.count)\(document.pageCount.exact ? "" : " (estimated)")\(page.hasText ? "" : " (no text)") ---\n"
            for block in page.blocks { out += render(block) + "\n" }
        }
        for warning in document.warnings { console.err("warning: \(path): \(warning.message)") }
        console.out(out)
        return ExitCode.success
    }

    static func render(_ block: Block) -> String {
        let prefix: String
        switch block.kind {
        case .heading(let level): prefix = String(repeating: "#", count: min(level, 6)) + " "
        case .paragraph: prefix = ""
        case .listItem(let level): prefix = String(repeating: "  ", count: max(0, level - 1)) + "- "
        case .tableCell(let row, let column): prefix = "[table r\(row) c\(column)] "
        }
        return "\(block.line): " + prefix + indentingContinuationLines(block.text)
    }

    /// `text` with four spaces after every line break (Foundation's `replacingOccurrences` cost more
    /// than reading the document).
    static func indentingContinuationLines(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            out.append(byte)
            if byte == 0x0A { for _ in 0..<4 { out.append(0x20) } }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
