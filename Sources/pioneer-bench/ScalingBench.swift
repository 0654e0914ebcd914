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
        var base = 0.0
        return Self.factors.map { factor in
            let replicated = RulesReplicator.replicate(rules, factor: factor)
            let assessor = Assessor(rules: replicated)
            let samples = measure(documents, assessor)
            if factor == 1 { base = samples.cpu.median }
            return .init("rulesX\(factor)", "rules ×\(factor)", samples, [
                .init("ratio", samples.cpu.median / base, "× rules ×1"),
                .init("phrases", Double(replicated.phrases.count), "phrases"),
            ])
        }
    }

    /// `appended`: pages repeated after one another (keys `pagesX…`); else blocks repeated in place (`textX…`).
    func textScaling(appended: Bool) -> [BenchReport.Row] {
        let assessor = Assessor(rules: rules)
        var base = 0.0
        return Self.factors.map { factor in
            let repeated = documents.map { appended ? Self.appended($0, factor) : Self.repeatedInPlace($0, factor) }
            let samples = measure(repeated, assessor)
            if factor == 1 { base = samples.cpu.median }
            let words = Double(repeated.reduce(0) { $0 + $1.wordCount }) / Double(max(1, repeated.count))
            let key = appended ? "pagesX\(factor)" : "textX\(factor)"
            let label = appended ? "text ×\(factor), pages appended" : "text ×\(factor), blocks repeated"
            return .init(key, label, samples, [
                .init("ratio", samples.cpu.median / base, "× text ×1"),
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
    func measure(_ documents: [Document], _ assessor: Assessor) -> Timings {
        _ = InMemoryBatch.assessAll(Array(documents.prefix(2)), with: assessor)
        let runs = (0..<max(1, runs)).map { _ in InMemoryBatch.assessAll(documents, with: assessor) }
        return Timings(wall: Samples(runs.map(\.wall)), cpu: Samples(runs.map(\.cpu)))
    }
}
