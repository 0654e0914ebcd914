import Foundation

/// The sample bids the corpus is recombined from: each one's title and its sections, a section
/// being a level-2 heading and the Markdown chunks (paragraphs, lists, tables, sub-headings) under it.
struct SampleSet: Sendable {
    struct Sample: Sendable {
        var path: String
        var title: String
        var sections: [Section]
    }

    struct Section: Sendable {
        var heading: String
        /// Markdown blocks as written, separated by blank lines in the sample.
        var chunks: [String]
        /// `heading` lower-cased without numbering, so "2. Vision" and "Vision" group together.
        var key: String { SampleSet.key(heading) }
    }

    var samples: [Sample]

    /// Every `.md`, `.markdown` and `.txt` file under `directory` except READMEs, in path order.
    static func load(directory: String) throws(BenchError) -> SampleSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .samples("no samples folder at '\(directory)' (use --samples DIR)")
        }
        let files = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { ["md", "markdown", "txt"].contains(($0 as NSString).pathExtension.lowercased()) }
            .filter { !($0 as NSString).lastPathComponent.lowercased().hasPrefix("readme") }
            .sorted()
        var samples: [Sample] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let markdown = ["md", "markdown"].contains((file as NSString).pathExtension.lowercased())
            let sample = parse(text, path: path, markdown: markdown)
            if !sample.sections.isEmpty { samples.append(sample) }
        }
        guard !samples.isEmpty else { throw .samples("no sample .md or .txt bids with text under '\(directory)'") }
        return SampleSet(samples: samples)
    }

    static func key(_ heading: String) -> String {
        let lowered = heading.lowercased()
        let trimmed = lowered.drop { !$0.isLetter }
        return trimmed.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}

private extension SampleSet {
    /// Splits `text` into blank-line separated chunks and groups them under level-2 headings
    /// (in plain text: short lines without final punctuation).
    static func parse(_ text: String, path: String, markdown: Bool) -> Sample {
        var title = ""
        var sections: [Section] = []
        for chunk in chunks(of: text) {
            if let (level, heading) = self.heading(chunk, markdown: markdown) {
                if level == 1 && title.isEmpty && sections.isEmpty { title = heading; continue }
                if level <= 2 { sections.append(Section(heading: heading, chunks: [])); continue }
            }
            if sections.isEmpty { sections.append(Section(heading: "Introduction", chunks: [])) }
            sections[sections.count - 1].chunks.append(chunk)
        }
        return Sample(path: path, title: title, sections: sections.filter { !$0.chunks.isEmpty })
    }

    static func chunks(of text: String) -> [String] {
        var chunks: [String] = []
        var current: [Substring] = []
        let lines = text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{0C}", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { chunks.append(current.joined(separator: "\n")) }
                current = []
            } else if line.hasPrefix("#"), !current.isEmpty {
                chunks.append(current.joined(separator: "\n"))
                current = [line]
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { chunks.append(current.joined(separator: "\n")) }
        return chunks
    }

    /// The level and text of a heading chunk, or `nil` for body text.
    static func heading(_ chunk: String, markdown: Bool) -> (Int, String)? {
        let lines = chunk.split(separator: "\n")
        guard let first = lines.first else { return nil }
        if markdown {
            if first.hasPrefix("#") {
                let level = first.prefix { $0 == "#" }.count
                let text = first.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                return lines.count == 1 && (1...6).contains(level) ? (level, text) : nil
            }
            if lines.count == 2, let rule = lines.last, rule.allSatisfy({ $0 == "=" || $0 == "-" }), rule.count >= 3 {
                return (rule.first == "=" ? 1 : 2, first.trimmingCharacters(in: .whitespaces))
            }
            return nil
        }
        let text = first.trimmingCharacters(in: .whitespaces)
        guard lines.count == 1, text.count <= 80, let last = text.last, !".,;:!?".contains(last),
              text.first?.isLetter == true || text.first?.isNumber == true else { return nil }
        return (2, text)
    }
}
