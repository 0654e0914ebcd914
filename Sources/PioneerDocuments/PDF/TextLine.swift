/// Runs on one baseline, left to right, split into segments at wide gaps (columns, table cells).
struct TextLine {
    var y: Double
    var x: Double
    var fontSize: Double
    var segments: [(x: Double, text: String)]

    var text: String { segments.map(\.text).joined(separator: " ") }

    /// Groups `runs` into lines: by baseline within half the font size, then left to right.
    static func lines(from runs: [TextRun]) -> [TextLine] {
        let visible = runs.filter { run in run.text.unicodeScalars.contains { !$0.properties.isWhitespace } }
        let sorted = visible.enumerated().sorted { l, r in
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
        return groups.map(line(of:))
    }
}

private extension TextLine {
    static func line(of group: [TextRun]) -> TextLine {
        let runs = group.sorted { $0.x < $1.x }
        var segments: [(x: Double, text: String)] = []
        var current = ""
        var segmentX = runs.first?.x ?? 0
        var previous: TextRun?
        var sizeWeights: [Double: Int] = [:]
        for run in runs {
            sizeWeights[(run.fontSize * 2).rounded() / 2, default: 0] += run.text.count
            if let prev = previous {
                let size = max(1, max(prev.fontSize, run.fontSize))
                let gap = run.x - prev.endX
                if abs(run.x - prev.x) < 0.01 * size, run.text == prev.text { continue }
                if gap > 3 * size {
                    segments.append((segmentX, current.trimmingSpaces()))
                    current = ""
                    segmentX = run.x
                } else if gap > 0.2 * size, current.last != " ", run.text.first != " " {
                    current += " "
                }
            }
            current += run.text
            previous = run
        }
        segments.append((segmentX, current.trimmingSpaces()))
        let size = sizeWeights.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key ?? 10
        return TextLine(y: runs.first?.y ?? 0, x: runs.first?.x ?? 0, fontSize: size, segments: segments.filter { !$0.text.isEmpty })
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII space only; cheap).
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
