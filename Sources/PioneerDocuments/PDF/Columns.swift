/// Reading order for multi-column pages: finds vertical gutters that no line crosses and reads
/// each column top to bottom, left column first. Lines that span the gutters (titles, full-width
/// paragraphs) stay in place and separate one run of columns from the next.
enum Columns {
    /// `lines` (groups of runs on one baseline, top to bottom) in reading order.
    static func arrange(_ lines: [[TextRun]]) -> [[TextRun]] {
        guard lines.count >= 4, let bounds = extent(lines) else { return lines }
        let gutters = findGutters(lines, bounds: bounds)
        guard !gutters.isEmpty else { return lines }
        let edges = [bounds.lowerBound] + gutters.flatMap { [$0.lowerBound, $0.upperBound] } + [bounds.upperBound]
        let columns = stride(from: 0, to: edges.count - 1, by: 2).map { edges[$0]...edges[$0 + 1] }
        var result: [[TextRun]] = []
        var region = Array(repeating: [[TextRun]](), count: columns.count)
        var widths = Array(repeating: [Double](), count: columns.count)
        for line in lines {
            var pieces = Array(repeating: [TextRun](), count: columns.count)
            var spanning = false
            for run in line {
                guard let c = columns.firstIndex(where: { $0.contains(run.x) && run.endX <= $0.upperBound + 1 }) else { spanning = true; break }
                pieces[c].append(run)
            }
            if spanning {
                for column in region { result += column }
                region = Array(repeating: [], count: columns.count)
                result.append(line)
                continue
            }
            for c in pieces.indices where !pieces[c].isEmpty {
                region[c].append(pieces[c])
                widths[c].append((pieces[c].map(\.endX).max() ?? 0) - (pieces[c].map(\.x).min() ?? 0))
            }
        }
        for column in region { result += column }
        // Prose columns are mostly full; short cells are a table, read row by row instead.
        let runs = lines.joined()
        let size = runs.map(\.fontSize).reduce(0, +) / Double(max(1, runs.count))
        let prose = widths.allSatisfy { w in
            let widest = w.max() ?? 0
            return w.count >= 3 && widest >= 10 * size && w.reduce(0, +) / Double(w.count) >= 0.6 * widest
        }
        return prose ? result : lines
    }
}

private extension Columns {
    /// From the lowest to the highest `x` or `endX` of any run; `nil` when empty, flat or over 5,000 pt wide.
    /// Compares in the order and with the tests that `min()` and `max()` use over each run's `[x, endX]`.
    static func extent(_ lines: [[TextRun]]) -> ClosedRange<Double>? {
        var low = 0.0, high = 0.0, empty = true
        func visit(_ value: Double) {
            if empty {
                (low, high, empty) = (value, value, false)
                return
            }
            if value < low { low = value }
            if high < value { high = value }
        }
        for line in lines {
            for run in line {
                visit(run.x)
                visit(run.endX)
            }
        }
        guard !empty, high > low, high - low < 5_000 else { return nil }
        return low...high
    }

    /// Vertical strips at least 5 pt wide crossed by at most 1 line in 20, with text on both sides.
    static func findGutters(_ lines: [[TextRun]], bounds: ClosedRange<Double>) -> [ClosedRange<Double>] {
        let origin = bounds.lowerBound
        let bins = Int(bounds.upperBound - origin) + 1
        let coverage = self.coverage(lines, origin: origin, bins: bins)
        let tolerance = max(1, lines.count / 20)
        var gutters: [ClosedRange<Double>] = []
        var start: Int?
        for bin in 0...bins {
            let open = bin < bins && coverage[bin] <= tolerance
            if open, start == nil { start = bin }
            if !open, let s = start {
                start = nil
                guard s > 0, bin < bins, bin - s >= 5 else { continue }
                let gutter = (origin + Double(s))...(origin + Double(bin))
                if hasTextOnBothSides(lines, gutter) { gutters.append(gutter) }
            }
        }
        return gutters
    }

    /// For each 1 pt bin from `origin`, how many lines have text over it. Each line's runs are merged
    /// into disjoint spans first, so a line counts once per bin, and the spans are summed through a
    /// difference array: the cost follows the number of runs, not runs × page width.
    static func coverage(_ lines: [[TextRun]], origin: Double, bins: Int) -> [Int] {
        var changes = [Int](repeating: 0, count: bins + 1)
        var spans: [(from: Int, to: Int)] = []
        for line in lines {
            spans.removeAll(keepingCapacity: true)
            for run in line {
                let from = max(0, min(bins - 1, Int(min(run.x, run.endX) - origin)))
                let to = max(0, min(bins - 1, Int(max(run.x, run.endX) - origin)))
                spans.append((from, to))
            }
            spans.sort { $0.from < $1.from }
            var current: (from: Int, to: Int)?
            for span in spans {
                if let open = current, span.from <= open.to {
                    current = (open.from, max(open.to, span.to))
                    continue
                }
                if let open = current { changes[open.from] += 1; changes[open.to + 1] -= 1 }
                current = span
            }
            if let open = current { changes[open.from] += 1; changes[open.to + 1] -= 1 }
        }
        var coverage = [Int](repeating: 0, count: bins)
        var depth = 0
        for bin in 0..<bins {
            depth += changes[bin]
            coverage[bin] = depth
        }
        return coverage
    }

    static func hasTextOnBothSides(_ lines: [[TextRun]], _ gutter: ClosedRange<Double>) -> Bool {
        let left = lines.filter { $0.contains { $0.endX <= gutter.lowerBound + 1 } }.count
        let right = lines.filter { $0.contains { $0.x >= gutter.upperBound - 1 } }.count
        return left * 4 >= lines.count && right * 4 >= lines.count
    }
}
