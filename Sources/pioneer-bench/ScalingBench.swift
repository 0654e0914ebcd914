import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// Assessment time as the rule set and the text grow: rules ×1, ×4, ×16 (copies with fresh ids and
/// their own phrases) and text ×1, ×4, ×16 (every page's blocks repeated on the same page, and,
/// separately, the pages appended after one another, most of them then beyond the page limit),
/// on one thread over already-read documents; full reports, and again with only what a ranking needs.
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

    /// How the text of a bid is made `factor` times longer.
    enum Growth {
        /// Every page's blocks repeated in place (keys `textX…`).
        case repeated
        /// The pages of the next `factor - 1` bids of the corpus added, page by page, to the bid's own
        /// (keys `distinctX…`): as much more text, none of it seen before in the bid.
        case distinct
        /// The bid's pages repeated after one another (keys `pagesX…`).
        case appended
        /// Not the bids: per bid, as many words of one sentence (no full stop) made of rule phrases,
        /// names, figures, dates, negation cues and clause breaks in random order (keys `hostileX…`).
        /// Every unit grows with the text and is dense with what the assessment compares, the shape of
        /// a hostile file: cost must stay linear in a sentence's length too.
        case hostile
    }

    /// Text growth with full reports (`.report`, as `check` writes them; the keys above), or with only
    /// what a ranking needs (`.ranking`, as `batch` writes; the same keys after `ranking`, e.g. `rankingTextX16`).
    func textScaling(_ growth: Growth, detail: AssessmentDetail = .report) -> [BenchReport.Row] {
        let assessor = Assessor(rules: rules)
        // The hostile sentences are made for a tenth of the bids: they share no text with the bids, so
        // made for all of them they raised the run's peak memory by half (108 to 166 MB).
        let count = growth == .hostile ? max(1, documents.count / 10) : documents.count
        let inputs = Self.factors.map { factor in
            documents.indices.prefix(count).map { index in
                switch growth {
                case .repeated: Self.repeatedInPlace(documents[index], factor)
                case .distinct: Self.merged(documents, from: index, factor)
                case .appended: Self.appended(documents[index], factor)
                case .hostile: Self.hostile(words: documents[index].wordCount * factor, phrases: rules.phrases, seed: UInt64(index))
                }
            }
        }
        let timings = Self.interleaved(inputs.map { ($0, assessor) }, runs: runs, detail: detail)
        return zip(Self.factors, zip(inputs, timings)).map { factor, measured in
            let (repeated, (samples, ratio)) = measured
            let words = Double(repeated.reduce(0) { $0 + $1.wordCount }) / Double(max(1, repeated.count))
            let (key, label) = switch growth {
            case .repeated: ("textX\(factor)", "text ×\(factor), blocks repeated")
            case .distinct: ("distinctX\(factor)", "text ×\(factor), other bids' pages added")
            case .appended: ("pagesX\(factor)", "text ×\(factor), pages appended")
            case .hostile: ("hostileX\(factor)", "text ×\(factor), one sentence of phrases and cues")
            }
            let (fullKey, fullLabel) = detail == .report ? (key, label)
                : ("ranking" + key.prefix(1).uppercased() + key.dropFirst(), label + ", ranking only")
            return .init(fullKey, fullLabel, samples, [
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

    /// `documents[index]` with, on each of its pages, the blocks of the same page of the next
    /// `factor - 1` documents (a page beyond its last goes on its last page).
    static func merged(_ documents: [Document], from index: Int, _ factor: Int) -> Document {
        var copy = documents[index]
        guard factor > 1, !copy.pages.isEmpty else { return copy }
        for offset in 1..<factor {
            let other = documents[(index + offset) % documents.count]
            for page in other.pages {
                let target = min(max(page.number, 1), copy.pages.count) - 1
                let number = copy.pages[target].number
                copy.pages[target].blocks += page.blocks.map { block in
                    var block = block
                    block.page = number
                    return block
                }
            }
            copy.wordCount += other.wordCount
        }
        return copy
    }

    /// The words a hostile sentence is made of besides rule phrases: names, figures, dates, money,
    /// negation cues, exceptions and clause breaks.
    static let hostileExtras = ["Dr Amara Okafor", "Westmarsh County Council", "NHS Northshire CCG", "£5m", "61%", "1,200",
                                "March 2014", "2014/15", "not", "no", "has not yet", "without", "not only", "but", "however",
                                ";", ",", "will", "we will", "by", "the", "and"]

    /// A one-page document of `words` words or a few more, in one sentence: half rule phrases (the
    /// words of a random one of `phrases`, a prefix phrase's last word completed with "ing"), half
    /// `hostileExtras`, in an order fixed by `seed`.
    static func hostile(words: Int, phrases: [CompiledPhrase], seed: UInt64) -> Document {
        var random = SplitMix64(seed: 0x4057_11E0 ^ seed)
        var text = ""
        var written = 0
        while written < words {
            let part: String
            if random.below(2) == 0, let phrase = random.pick(phrases) {
                part = phrase.words.joined(separator: " ") + (phrase.lastWordIsPrefix ? "ing" : "")
            } else {
                part = hostileExtras[random.below(hostileExtras.count)]
            }
            if !text.isEmpty { text += " " }
            text += part
            written += part.split(separator: " ").count
        }
        let page = Page(number: 1, blocks: [Block(kind: .paragraph, text: text, page: 1, line: 1)])
        return Document(path: "hostile-\(seed).md", format: .markdown, pages: [page],
                        pageCount: PageCount(value: 1, exact: false, source: .textEstimate), wordCount: written)
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
    static func interleaved(_ inputs: [([Document], Assessor)], runs: Int, detail: AssessmentDetail = .report) -> [(Timings, Double)] {
        for (documents, assessor) in inputs { _ = InMemoryBatch.assessAll(Array(documents.prefix(2)), with: assessor, detail: detail) }
        var rounds: [[(wall: Double, cpu: Double)]] = []
        for _ in 0..<max(1, runs) {
            rounds.append(inputs.map { documents, assessor in InMemoryBatch.assessAll(documents, with: assessor, detail: detail) })
        }
        return inputs.indices.map { index in
            let timings = Timings(wall: Samples(rounds.map { $0[index].wall }), cpu: Samples(rounds.map { $0[index].cpu }))
            let ratios = Samples(rounds.map { $0[index].cpu / max($0[0].cpu, 1e-9) })
            return (timings, ratios.median)
        }
    }
}
