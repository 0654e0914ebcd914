import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// Assessment time as the rule set and the text grow: rules ×1, ×4, ×16 (copies with fresh ids and
/// their own phrases) and text ×1, ×4, ×16 (every document's pages repeated), on one thread over
/// already-read documents.
struct ScalingBench {
    var rules: CompiledRules
    var documents: [Document]
    var runs: Int
    static let factors = [1, 4, 16]

    func rulesScaling() -> [BenchReport.Row] {
        var base = 0.0
        return Self.factors.map { factor in
            let replicated = RulesReplicator.replicate(rules, factor: factor)
            let assessor = Assessor(rules: replicated)
            let samples = measure(documents, assessor)
            if factor == 1 { base = samples.median }
            return .init("rulesX\(factor)", "rules ×\(factor)", samples, [
                .init("ratio", samples.median / base, "× rules ×1"),
                .init("phrases", Double(replicated.phrases.count), "phrases"),
            ])
        }
    }

    func textScaling() -> [BenchReport.Row] {
        let assessor = Assessor(rules: rules)
        var base = 0.0
        return Self.factors.map { factor in
            let repeated = documents.map { Self.repeated($0, factor) }
            let samples = measure(repeated, assessor)
            if factor == 1 { base = samples.median }
            let words = Double(repeated.reduce(0) { $0 + $1.wordCount }) / Double(max(1, repeated.count))
            return .init("textX\(factor)", "text ×\(factor)", samples, [
                .init("ratio", samples.median / base, "× text ×1"),
                .init("wordsPerDocument", words, "words/doc"),
            ])
        }
    }

    /// `document` with its pages repeated `factor` times, renumbered after one another.
    static func repeated(_ document: Document, _ factor: Int) -> Document {
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
    func measure(_ documents: [Document], _ assessor: Assessor) -> Samples {
        _ = InMemoryBatch.assessAll(Array(documents.prefix(2)), with: assessor)
        return Samples((0..<max(1, runs)).map { _ in InMemoryBatch.assessAll(documents, with: assessor) })
    }
}
