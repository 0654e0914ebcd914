import PioneerRules

/// Rolls verdicts up into scores and a band: a consideration scores the rules' points for its
/// verdict, a criterion the weighted mean of its considerations, the bid the criterion-weighted
/// mean (with the principles' mean when they carry weight), rounded to one decimal place.
enum Scoring {
    /// Points when the rules leave a verdict out.
    static let defaultPoints: [Verdict: Double] = [.met: 100, .partial: 50, .missing: 0]

    static func points(for verdict: Verdict, in points: [Verdict: Double]) -> Double {
        points[verdict] ?? defaultPoints[verdict] ?? 0
    }

    /// The weighted mean of `scores`, rounded; 0 when the weights add up to nothing.
    static func weightedMean(_ scores: [(score: Double, weight: Double)]) -> Double {
        let total = scores.reduce(0) { $0 + max(0, $1.weight) }
        guard total > 0 else { return 0 }
        return round(scores.reduce(0) { $0 + $1.score * max(0, $1.weight) } / total)
    }

    static func criterionScore(_ criterion: CompiledCriterion, results: [ConsiderationResult]) -> Double {
        weightedMean(zip(criterion.considerations, results).map { ($1.score, $0.weight) })
    }

    /// The bid's score from its criteria and (when weighted) its principles.
    static func overall(criteria: [(score: Double, weight: Double)], principles: [ConsiderationResult], principlesWeight: Double) -> Double {
        var parts = criteria
        if principlesWeight > 0, !principles.isEmpty {
            parts.append((principles.reduce(0) { $0 + $1.score } / Double(principles.count), principlesWeight))
        }
        return weightedMean(parts)
    }

    /// The best band whose thresholds `score` and every criterion score meet.
    static func band(score: Double, criterionScores: [Double], rule: ScoringRule) -> Band {
        for threshold in rule.bands where score >= threshold.minimumScore {
            if let least = threshold.minimumCriterionScore, criterionScores.contains(where: { $0 < least }) { continue }
            return threshold.band
        }
        return .notMet
    }

    static func round(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value * 10).rounded() / 10
    }
}
