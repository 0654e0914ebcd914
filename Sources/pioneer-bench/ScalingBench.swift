import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// Assessment time as the rule set and the text grow: rules ×1, ×4, ×16 (copies with fresh ids and
/// their own phrases) and text ×1, ×4, ×16 (every page's blocks repeated on the same page, and,
/// separately, the pages appended after one another, most of them then beyond the page limit),
/// on one thread over already-read documents.
struct ScalingBench {
    var rules: CompiledRules
    var documents: [Document]
    var runs: Int
    static let factors = [1, 4, 16]

    func rulesScaling() -> [BenchReport.Row] {
        let replicated = Self.factors.map { RulesReplicator.replicate(rules, factor: $0) }
        let timings = Self.interleaved(replicated.map { (documents, Assessor(rules: $0)) }, runs: runs)
        return zip(Self.factors, zip(replicated, timings)).map { factor, measured in
            let (rules, (samples, ratio)) = measured
            return .init("rulesX\(factor)", "rules ×\(factor)", samples, [
                .init("ratio", ratio, "× rules ×1"),
                .init("phrases", Double(rules.phrases.count), "phrases"),
            ])
        }
    }

    /// `appended`: pages repeated after one another (keys `pagesX…`); else blocks repeated in place (`textX…`).
    func textScaling(appended: Bool) -> [BenchReport.Row] {
        let assessor = Assessor(rules: rules)
        let inputs = Self.factors.map { factor in
            documents.map { appended ? Self.appended($0, factor) : Self.repeatedInPlace($0, factor) }
        }
        let timings = Self.interleaved(inputs.map { ($0, assessor) }, runs: runs)
        return zip(Self.factors, zip(inputs, timings)).map { factor, measured in
            let (repeated, (samples, ratio)) = measured
            let words = Double(repeated.reduce(0) { $0 + $1.wordCount }) / Double(max(1, repeated.count))
            let key = appended ? "pagesX\(factor)" : "textX\(factor)"
            let label = appended ? "text ×\(factor), pages appended" : "text ×\(factor), blocks repeated"
            return .init(key, label, samples, [
                .init("ratio", ratio, "× text ×1"),
                .init("wordsPerDocument", words, "words/doc"),
            ])
        }
    }

    /// `document` with every page's blocks repeated `factor` times on the same page.
    static func repeatedInPlace(_ document: Document, _ factor: Int) -> Document {
        guard factor > 1 else { return document }
        var copy = document
        copy.pages = document.pages.map { page in
            var repeated = page
            repeated.blocks = (0..<factor).flatMap { _ in page.blocks }
            return repeated
        }
        copy.wordCount *= factor
        return copy
    }

    /// `document` with its pages repeated `factor` times, renumbered after one another.
    static func appended(_ document: Document, _ factor: Int) -> Document {
        guard factor > 1 else { return document }
        var copy = document
        let pageCount = document.pages.count
        copy.pages = (0..<factor).flatMap { round in
            document.pages.map { page in
                var moved = page
                moved.number += round * pageCount
                moved.blocks = page.blocks.map { block in
                    var block = block
                    block.page += round * pageCount
                    return block
                }
                return moved
            }
        }
        copy.pageCount.value *= Double(factor)
        copy.wordCount *= factor
        return copy
    }
}

private extension ScalingBench {
    /// Times every input `runs` times, round by round (×1, ×4, ×16, then again), so that all of them
    /// see the same state of a shared machine; each input's ratio is the median over rounds of its CPU
    /// time over the first input's in the same round. A warm-up pass of two documents each first.
    static func interleaved(_ inputs: [([Document], Assessor)], runs: Int) -> [(Timings, Double)] {
        for (documents, assessor) in inputs { _ = InMemoryBatch.assessAll(Array(documents.prefix(2)), with: assessor) }
        var rounds: [[(wall: Double, cpu: Double)]] = []
        for _ in 0..<max(1, runs) {
            rounds.append(inputs.map { documents, assessor in InMemoryBatch.assessAll(documents, with: assessor) })
        }
        return inputs.indices.map { index in
            let timings = Timings(wall: Samples(rounds.map { $0[index].wall }), cpu: Samples(rounds.map { $0[index].cpu }))
            let ratios = Samples(rounds.map { $0[index].cpu / max($0[0].cpu, 1e-9) })
            return (timings, ratios.median)
        }
    }
}
