/// Renders diagnostics like a compiler: a `file:line:column: severity: message` line, the source
/// line, and a caret under the offending text, then any notes.
///
/// ```
/// rules/criteria.rules:42:17: error: unknown term set 'helthwatch'
///     evidence helthwatch and plan
///              ^~~~~~~~~~
/// rules/criteria.rules:42:17: note: did you mean 'healthwatch'?
/// ```
public enum DiagnosticRenderer {
    /// The diagnostics as text; `sources` maps file path → text; `colour` adds ANSI colours.
    public static func render(_ diagnostics: [Diagnostic], sources: [String: String], colour: Bool) -> String {
        var lines = SourceLines(sources: sources)
        var out = ""
        for diagnostic in diagnostics {
            out += header(diagnostic.location, diagnostic.severity, diagnostic.message, colour: colour)
            if let location = diagnostic.location, let text = lines.line(location) {
                out += snippet(text, location: location, end: diagnostic.end, colour: colour)
            }
            for note in diagnostic.notes {
                let location = note.location ?? diagnostic.location
                out += header(location, .note, note.message, colour: colour)
                if let noteLocation = note.location, noteLocation != diagnostic.location,
                   let text = lines.line(noteLocation) {
                    out += snippet(text, location: noteLocation, end: nil, colour: colour)
                }
            }
        }
        return out
    }
}

private extension DiagnosticRenderer {
    static func header(_ location: SourceLocation?, _ severity: Diagnostic.Severity, _ message: String,
                       colour: Bool) -> String {
        var place = ""
        if let location {
            place = location.line > 0 ? "\(location): " : "\(location.file): "
        }
        let label = "\(severity.rawValue):"
        guard colour else { return "\(place)\(label) \(message)\n" }
        let tint: String
        switch severity {
        case .error: tint = "\u{1B}[1;31m"
        case .warning: tint = "\u{1B}[1;35m"
        case .note: tint = "\u{1B}[1;36m"
        }
        return "\u{1B}[1m\(place)\u{1B}[0m\(tint)\(label)\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\n"
    }

    /// Lines longer than this are shown as a window around the column, so a hostile one-line file
    /// with a thousand errors does not print its whole line a thousand times.
    static let maxSnippetScalars = 1_000

    /// The source line and a `^~~~` line under the range (tabs kept so the caret lines up).
    static func snippet(_ line: Substring, location: SourceLocation, end: SourceLocation?, colour: Bool) -> String {
        var location = location, end = end
        var scalars = Array(line.unicodeScalars.prefix(location.column + maxSnippetScalars))
        if scalars.count > maxSnippetScalars {
            let start = Swift.max(0, Swift.min(location.column - 1, scalars.count) - 100)
            scalars = Array(scalars[start..<Swift.min(scalars.count, start + 300)])
            location.column -= start
            end?.column -= start
        }
        let text = String(String.UnicodeScalarView(scalars))
        var pad = ""
        for index in 0..<Swift.max(0, Swift.min(location.column - 1, scalars.count)) {
            pad += scalars[index] == "\t" ? "\t" : " "
        }
        var width = 1
        if let end, end.line == location.line, end.column > location.column + 1 {
            width = Swift.min(end.column - location.column, Swift.max(1, scalars.count - location.column + 1))
        }
        let marker = "^" + String(repeating: "~", count: Swift.max(0, width - 1))
        let caret = colour ? "\u{1B}[1;32m\(marker)\u{1B}[0m" : marker
        return "\(text)\n\(pad)\(caret)\n"
    }

    /// Source files split into lines once, on demand.
    struct SourceLines {
        let sources: [String: String]
        var cache: [String: [Substring]] = [:]

        init(sources: [String: String]) {
            self.sources = sources
        }

        mutating func line(_ location: SourceLocation) -> Substring? {
            if cache[location.file] == nil, let text = sources[location.file] {
                cache[location.file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            }
            guard let lines = cache[location.file], location.line >= 1, location.line <= lines.count else { return nil }
            var line = lines[location.line - 1]
            if line.hasSuffix("\r") { line = line.dropLast() }
            return line
        }
    }
}
