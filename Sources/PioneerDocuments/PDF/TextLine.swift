/// Runs on one baseline, left to right, split into segments at wide gaps (columns, table cells).
struct TextLine {
    var y: Double
    var x: Double
    var fontSize: Double
    var segments: [(x: Double, text: String)]

    var text: String { segments.count == 1 ? segments[0].text : segments.map(\.text).joined(separator: " ") }

    /// Groups `runs` into lines: by baseline within half the font size, then left to right.
    static func lines(from runs: [TextRun]) -> [TextLine] {
        let sorted = isTopToBottom(runs) ? runs : runs.enumerated().sorted { l, r in
            l.element.y != r.element.y ? l.element.y > r.element.y : l.offset < r.offset
        }.map(\.element)
        var groups: [[TextRun]] = []
        var lineY = 0.0
        var lineSize = 0.0
        for run in sorted {
            let tolerance = max(1, 0.5 * min(lineSize, max(run.fontSize, 1)))
            if let last = groups.indices.last, abs(lineY - run.y) <= tolerance {
                groups[last].append(run)
            } else {
                groups.append([run])
                lineY = run.y
                lineSize = max(run.fontSize, 1)
            }
        }
        let merged = mergeScripts(groups).filter { group in group.contains { !$0.isBlank } }
        return Columns.arrange(merged).map(line(of:))
    }
}

private extension TextLine {
    /// Whether no run lies above the one before it, as most writers emit a page: sorting by
    /// baseline (ties in the order shown) would then change nothing. False for a NaN baseline.
    static func isTopToBottom(_ runs: [TextRun]) -> Bool {
        var previous = Double.infinity
        for run in runs {
            guard previous >= run.y else { return false }
            previous = run.y
        }
        return true
    }

    /// Folds a group of small text just above (superscripts) or below (subscripts) a line into it.
    static func mergeScripts(_ groups: [[TextRun]]) -> [[TextRun]] {
        var result: [[TextRun]] = []
        var pending: [TextRun] = []
        for (i, group) in groups.enumerated() {
            let size = largestSize(group)
            let y = group.first?.y ?? 0
            if i + 1 < groups.count, let next = groups[i + 1].first {
                let nextSize = largestSize(groups[i + 1])
                if size < 0.9 * nextSize, y - next.y < 0.6 * nextSize, isScript(group, within: groups[i + 1]) {
                    pending += group
                    continue
                }
            }
            if let last = result.last?.first, let previousSize = result.last.map(largestSize), pending.isEmpty,
               size < 0.9 * previousSize, last.y - y < 0.4 * previousSize, let line = result.last, isScript(group, within: line) {
                result[result.count - 1] += group
                continue
            }
            result.append(pending.isEmpty ? group : pending + group)
            pending = []
        }
        if !pending.isEmpty { result.append(pending) }
        return result
    }

    /// The largest font size of `group` (0 when empty).
    static func largestSize(_ group: [TextRun]) -> Double {
        guard var size = group.first?.fontSize else { return 0 }
        for run in group.dropFirst() where size < run.fontSize { size = run.fontSize }
        return size
    }

    /// Short runs lying within the horizontal extent of `line`.
    static func isScript(_ group: [TextRun], within line: [TextRun]) -> Bool {
        let minX = line.map(\.x).min() ?? 0
        let maxX = line.map(\.endX).max() ?? 0
        return group.allSatisfy { $0.text.count <= 4 && $0.x >= minX && $0.x <= maxX }
    }

    static func line(of group: [TextRun]) -> TextLine {
        let runs = group.count > 1 ? group.sorted { $0.x < $1.x } : group
        var segments: [(x: Double, text: String)] = []
        var current = ""
        var segmentX = runs.first?.x ?? 0
        var previous: TextRun?
        for run in runs {
            if let prev = previous {
                let size = max(1, max(prev.fontSize, run.fontSize))
                let gap = run.x - prev.endX
                if abs(run.x - prev.x) < 0.01 * size, run.text == prev.text { continue }
                if gap > 3 * size {
                    segments.append((segmentX, current.trimmingSpaces()))
                    current = ""
                    segmentX = run.x
                } else if gap > 0.2 * size, !TextMeasure.endsWithSpace(current), !TextMeasure.startsWithSpace(run.text) {
                    current += " "
                }
            }
            if run.isBlank {
                if !current.isEmpty, !TextMeasure.endsWithSpace(current) { current += " " }
            } else {
                current += run.text
            }
            previous = run
        }
        segments.append((segmentX, current.trimmingSpaces()))
        if segments.contains(where: { $0.text.isEmpty }) { segments = segments.filter { !$0.text.isEmpty } }
        return TextLine(y: runs.first?.y ?? 0, x: runs.first?.x ?? 0, fontSize: dominantSize(runs), segments: segments)
    }

    /// The font size (to the half point) carrying the most characters; the larger size on a tie.
    static func dominantSize(_ runs: [TextRun]) -> Double {
        if runs.count == 1 { return (runs[0].fontSize * 2).rounded() / 2 }
        let weights = runs.map { (key: ($0.fontSize * 2).rounded() / 2, weight: TextMeasure.characters($0.text)) }
        return TextLayout.heaviest(weights, preferLarger: true) ?? 10
    }
}

extension TextRun {
    /// Only whitespace: it draws nothing but separates words.
    var isBlank: Bool { text.unicodeScalars.allSatisfy(TextMeasure.isWhitespace) }
}

extension String {
    /// Without leading and trailing spaces (ASCII space only; cheap).
    func trimmingSpaces() -> String {
        guard utf8.first == 32 || utf8.last == 32 else { return self }
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
