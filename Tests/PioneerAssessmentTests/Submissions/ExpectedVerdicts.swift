import Foundation
import PioneerRules

/// A sample bid's `.expected` file: the verdicts a careful human reader gave, written before the
/// rules were tuned.
///
/// ```
/// band meets
/// score 75..95
/// pages 8..9
/// within_limit yes
/// gate hwb_support passed
/// vision.narrative met        # comment
/// ```
struct ExpectedVerdicts {
    var band: Band?
    var score: ClosedRange<Double>?
    var pages: ClosedRange<Double>?
    var withinLimit: Bool?
    var gates: [String: Bool] = [:]
    var verdicts: [String: Verdict] = [:]
    var problems: [String] = []

    init(text: String) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let key = words.first else { continue }
            let value = words.count > 1 ? words[1] : ""
            switch key {
            case "band": band = Band(rawValue: value)
            case "score": score = Self.range(value)
            case "pages": pages = Self.range(value)
            case "within_limit": withinLimit = value == "yes"
            case "gate" where words.count > 2: gates[value] = words[2] == "passed"
            default:
                if let verdict = Verdict(rawValue: value) { verdicts[key] = verdict } else {
                    problems.append("line \(number + 1): cannot read '\(line)'")
                }
            }
        }
    }

    static func range(_ text: String) -> ClosedRange<Double>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low <= high else {
            return Double(text).map { $0...$0 }
        }
        return low...high
    }
}

/// Agreement statistics between human and tool verdicts.
enum Agreement {
    /// Quadratic-weighted Cohen's kappa over ordinal verdicts (missing 0, partial 1, met 2).
    static func quadraticKappa(_ pairs: [(Verdict, Verdict)]) -> Double {
        let k = 3
        guard !pairs.isEmpty else { return 0 }
        func ordinal(_ v: Verdict) -> Int { v == .missing ? 0 : v == .partial ? 1 : 2 }
        var observed = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        var rowTotals = Array(repeating: 0.0, count: k), columnTotals = Array(repeating: 0.0, count: k)
        for (a, b) in pairs {
            observed[ordinal(a)][ordinal(b)] += 1
            rowTotals[ordinal(a)] += 1
            columnTotals[ordinal(b)] += 1
        }
        let n = Double(pairs.count)
        var numerator = 0.0, denominator = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let weight = Double((i - j) * (i - j)) / Double((k - 1) * (k - 1))
                numerator += weight * observed[i][j]
                denominator += weight * rowTotals[i] * columnTotals[j] / n
            }
        }
        return denominator == 0 ? 1 : 1 - numerator / denominator
    }

    /// Spearman's rank correlation (average ranks for ties).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count > 1 else { return 0 }
        let rx = ranks(x), ry = ranks(y)
        let mx = rx.reduce(0, +) / Double(rx.count), my = ry.reduce(0, +) / Double(ry.count)
        var covariance = 0.0, vx = 0.0, vy = 0.0
        for i in rx.indices {
            covariance += (rx[i] - mx) * (ry[i] - my)
            vx += (rx[i] - mx) * (rx[i] - mx)
            vy += (ry[i] - my) * (ry[i] - my)
        }
        return vx == 0 || vy == 0 ? 0 : covariance / (vx * vy).squareRoot()
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for m in i...j { ranks[order[m]] = average }
            i = j + 1
        }
        return ranks
    }
}
