import PioneerDocuments

/// Reads a rule example's text as a one-page Markdown-like document: blank lines separate blocks,
/// '#' lines are headings, "- ", "* " and "• " lines are list items, other lines are paragraphs.
enum ExampleDocument {
    static func document(_ text: String) -> Document {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var paragraphLine = 1
        func flush() {
            if !paragraph.isEmpty { blocks.append(Block(kind: .paragraph, text: paragraph.joined(separator: "\n"), page: 1, line: paragraphLine)) }
            paragraph = []
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            let number = offset + 1
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix(while: { $0 == "#" }).count
                blocks.append(Block(kind: .heading(level: min(6, level)), text: String(line.dropFirst(level)).trimmingCharacters(in: " "),
                                    page: 1, line: number))
            } else if let item = listItemText(line) {
                flush()
                blocks.append(Block(kind: .listItem(level: 1), text: item, page: 1, line: number))
            } else {
                if paragraph.isEmpty { paragraphLine = number }
                paragraph.append(line)
            }
        }
        flush()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
        return Document(path: "<example>", format: .markdown, pages: [Page(number: 1, blocks: blocks)],
                        pageCount: PageCount(value: 1, exact: true, source: .textEstimate), wordCount: words)
    }
}

private extension ExampleDocument {
    static func listItemText(_ line: String) -> String? {
        for marker in ["- ", "* ", "• "] where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count)).trimmingCharacters(in: " ")
        }
        return nil
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
