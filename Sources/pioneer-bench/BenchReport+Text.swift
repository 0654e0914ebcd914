/// The human-readable tables `pioneer-bench` prints.
extension BenchReport {
    func text() -> String {
        var out = "Pioneer Assessor benchmark — \(date)\n"
        out += "machine: \(machine.cores) cores, \(machine.architecture), \(machine.operatingSystem)\n"
        for (key, value) in settings { out += "\(key): \(value)\n" }
        for section in sections {
            out += "\n\(section.title)\n"
            out += table(section.rows)
            for note in section.notes { out += "  note: \(note)\n" }
        }
        out += "\nTargets\n"
        for target in targets {
            let verdict = target.met.map { $0 ? "MET   " : "MISSED" } ?? "n/a   "
            out += "  \(verdict) \(target.goal): \(target.actual)\n"
        }
        for note in notes { out += "note: \(note)\n" }
        return out
    }

    /// Time as µs, ms or s with three significant-ish digits.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1e-3 { return fixed(seconds * 1e6, 1) + " µs" }
        if seconds < 1 { return fixed(seconds * 1e3, 2) + " ms" }
        return fixed(seconds, 3) + " s"
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let whole = Int64(rounded.rounded(.towardZero))
        guard decimals > 0 else { return String(Int64(rounded)) }
        var fraction = String(Int64((abs(rounded - Double(whole)) * scale).rounded()))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        return (rounded < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}

private extension BenchReport {
    func table(_ rows: [Row]) -> String {
        let header = ["", "runs", "min", "median", "max", "p95", "cpu median", ""]
        var cells = [header]
        for row in rows {
            let timing = row.samples.map { s in
                ["\(s.count)", Self.duration(s.min), Self.duration(s.median), Self.duration(s.max), s.count >= 20 ? Self.duration(s.p95) : ""]
            } ?? ["", "", "", "", ""]
            let cpu = row.cpu.map { Self.duration($0.median) } ?? ""
            let extras = row.extras.map { "\(Self.fixed($0.value, $0.value.magnitude >= 100 || $0.value == $0.value.rounded() ? 0 : 2)) \($0.unit)" }
            cells.append([row.label] + timing + [cpu, extras.joined(separator: ", ")])
        }
        let widths = header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { line in
            var text = "  "
            for (column, cell) in line.enumerated() {
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                text += column == 0 || column == line.count - 1 ? cell + pad : pad + cell
                text += column == line.count - 1 ? "" : "  "
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }.joined()
    }
}
