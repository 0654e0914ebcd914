import Foundation

/// Canonical formatting of rules files.
public enum RulesFormatter {
    /// Canonical formatting; comments kept; idempotent. Returns diagnostics instead when the source does not parse.
    ///
    /// Layout: two-space indent, one clause per line, term-set phrases one per line, a blank line between
    /// top-level declarations, comments where they were, strings re-escaped canonically.
    public static func format(source: String, file: String) -> Result<String, [Diagnostic]> {
        var bag = DiagnosticBag()
        guard source.utf8.count <= RulesLoader.maxFileBytes else {
            bag.add(.fileTooLarge(path: file, bytes: source.utf8.count), at: SourceLocation(file: file, line: 0, column: 0))
            return .failure(bag.items)
        }
        let syntax = Parser.parse(source: source, file: file, bag: &bag)
        guard !bag.hasErrors else { return .failure(bag.items) }
        var printer = SyntaxPrinter()
        printer.print(syntax)
        return .success(printer.output)
    }
}

/// Writes a syntax tree back as text, line by line.
struct SyntaxPrinter {
    private(set) var lines: [String] = []
    var indent = 0

    var output: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    mutating func line(_ text: String) {
        lines.append(text.isEmpty ? "" : String(repeating: "  ", count: indent) + text)
    }

    mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    mutating func print(_ file: SourceFileSyntax) {
        var previousWasInclude = false
        for (index, node) in file.items.enumerated() {
            let isInclude: Bool
            if case .include = node.value { isInclude = true } else { isInclude = false }
            let separate = index > 0 && (!(isInclude && previousWasInclude) || node.trivia.blankLineBefore)
            statement(node.trivia, blankBefore: separate) { $0.item(node.value) }
            previousWasInclude = isInclude
        }
        comments(file.endComments, first: file.items.isEmpty)
    }

    /// Prints a statement with its comments; `blankBefore` forces a blank line before it.
    mutating func statement(_ trivia: Trivia, blankBefore: Bool, _ body: (inout SyntaxPrinter) -> Void) {
        if blankBefore { blank() }
        comments(trivia.leading, first: blankBefore || lines.isEmpty || lines.last?.hasSuffix("{") == true)
        if trivia.blankLineAfterComments, !trivia.leading.isEmpty { blank() }
        body(&self)
        if let trailing = trivia.trailing, !lines.isEmpty {
            lines[lines.count - 1] += "  " + trailing.text
        }
    }

    /// Comments on their own lines, keeping blank lines between them (none before the first when `first`).
    mutating func comments(_ comments: [Comment], first: Bool) {
        for (index, comment) in comments.enumerated() {
            if comment.blankLineBefore, !(first && index == 0) { blank() }
            line(comment.text)
        }
    }

    /// `header {` entries `}`, or `header {}` when empty.
    mutating func block<Value>(_ header: String, _ entries: [Node<Value>], end: [Comment],
                               _ entry: (inout SyntaxPrinter, Value) -> Void) {
        guard !entries.isEmpty || !end.isEmpty else {
            line(header + " {}")
            return
        }
        line(header + " {")
        indent += 1
        for (index, node) in entries.enumerated() {
            statement(node.trivia, blankBefore: index > 0 && node.trivia.blankLineBefore) { entry(&$0, node.value) }
        }
        comments(end, first: entries.isEmpty)
        indent -= 1
        line("}")
    }

    /// `keyword "value"`: single-line strings stay on one line, `"""` strings stay blocks.
    mutating func stringLine(_ prefix: String, _ literal: StringLiteral) {
        guard literal.isMultiline else {
            line(prefix + Self.quote(literal.value))
            return
        }
        line(prefix + "\"\"\"")
        indent += 1
        for text in literal.value.split(separator: "\n", omittingEmptySubsequences: false) {
            line(Self.escapeMultiline(String(text)))
        }
        line("\"\"\"")
        indent -= 1
    }

    /// A string in double quotes with `\\ \" \n \t` and other control characters escaped.
    static func quote(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 < 0x20 || $0 == 0x7F }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func escapeMultiline(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\"\"")
    }

    static func number(_ literal: NumberLiteral) -> String {
        literal.value.isFinite && literal.value < 1e15 ? Resolver.format(literal.value) : literal.text
    }
}
