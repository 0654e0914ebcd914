import PioneerDocuments
import PioneerRules
import PioneerText
@testable import PioneerAssessment

/// Builds `CompiledRules` by hand for tests (the rules compiler is tested on its own).
struct RulesBuilder {
    var phrases: [CompiledPhrase] = []
    var termSets: [CompiledTermSet] = []
    var criteria: [CompiledCriterion] = []
    var principles: [CompiledConsideration] = []
    var principlesWeight: Double = 0
    var gates: [CompiledGate] = []
    var pageLimit = PageLimitRule(limit: 10, overLimitCap: .notMet)
    var bands = [BandThreshold(band: .meets, minimumScore: 70, minimumCriterionScore: 50),
                 BandThreshold(band: .siftIn, minimumScore: 40), BandThreshold(band: .notMet, minimumScore: 0)]
    var negation = NegationRule(before: [], after: [], exceptions: [], clauseBreaks: [], window: 5)

    static let here = SourceLocation(file: "test.rules", line: 1, column: 1)

    /// The index of `text` as a phrase ("integrat*" is a prefix phrase), added once.
    mutating func phrase(_ text: String) -> Int {
        let prefix = text.hasSuffix("*")
        let words = WordTokenizer.words(of: prefix ? String(text.dropLast()) : text)
        if let found = phrases.firstIndex(where: { $0.words == words && $0.lastWordIsPrefix == prefix }) { return found }
        phrases.append(CompiledPhrase(words: words, lastWordIsPrefix: prefix, source: text))
        return phrases.count - 1
    }

    /// A term set; returns `.termSet(index)`.
    mutating func terms(_ id: String, _ texts: [String], afterFirst: [String] = []) -> Condition {
        let main = texts.map { phrase($0) }
        let after = afterFirst.map { phrase($0) }
        termSets.append(CompiledTermSet(id: id, title: id, phrases: main, afterFirst: after, location: Self.here))
        return .termSet(termSets.count - 1)
    }

    /// The negation rule most tests use.
    mutating func standardNegation() {
        negation = NegationRule(
            before: ["no", "not", "without", "never", "lack of", "do not", "does not", "none of"].map { phrase($0) },
            after: ["has not", "have not", "not yet", "is not", "are not", "was not", "had not"].map { phrase($0) },
            exceptions: ["not only", "no later than", "no doubt"].map { phrase($0) },
            clauseBreaks: ["but", "although", "however", "whereas", "except"].map { phrase($0) },
            window: 5)
    }

    static func consideration(_ id: String, evidence: Condition, strong: Condition = .any([.signal(.date), .signal(.properName), .signal(.figure), .signal(.money)]),
                              unit: EvidenceUnit = .sentence, minimum: Int = 1, weight: Double = 1,
                              scope: Condition? = nil) -> CompiledConsideration {
        CompiledConsideration(id: id, title: "Title of \(id)", weight: weight, guidance: "Add \(id).", evidence: evidence, unit: unit,
                              strong: strong, minimum: minimum, headingScope: scope, examples: [], location: here)
    }

    mutating func criterion(_ id: String, weight: Double = 1, _ considerations: [CompiledConsideration]) {
        criteria.append(CompiledCriterion(id: id, title: "Criterion \(id)", weight: weight, considerations: considerations, location: Self.here))
    }

    func build() -> CompiledRules {
        CompiledRules(header: RulesetHeader(name: "test", version: "1", source: "tests"), pageLimit: pageLimit, phrases: phrases,
                      termSets: termSets, negation: negation, criteria: criteria,
                      principles: PrinciplesGroup(title: "Principles", weight: principlesWeight, considerations: principles),
                      gates: gates, scoring: ScoringRule(points: [.met: 100, .partial: 50, .missing: 0], bands: bands),
                      fingerprint: "abc123")
    }
}

/// Documents for tests.
enum TestDocument {
    /// Markdown-like text on one page.
    static func text(_ text: String) -> Document { ExampleDocument.document(text) }

    /// Pages of paragraphs (one block per string; "# " starts a heading), with a page count.
    static func pages(_ pages: [[String]], count: Double? = nil) -> Document {
        var built: [Page] = []
        for (index, texts) in pages.enumerated() {
            let blocks = texts.enumerated().map { line, text in
                text.hasPrefix("# ") ? Block(kind: .heading(level: 1), text: String(text.dropFirst(2)), page: index + 1, line: line * 2 + 1)
                    : Block(kind: .paragraph, text: text, page: index + 1, line: line * 2 + 1)
            }
            built.append(Page(number: index + 1, blocks: blocks))
        }
        return Document(path: "bid.md", format: .markdown, pages: built,
                        pageCount: PageCount(value: count ?? Double(pages.count), exact: true, source: .formFeeds), wordCount: 100)
    }

    static func blocks(_ blocks: [Block]) -> Document {
        Document(path: "bid.md", format: .markdown, pages: [Page(number: 1, blocks: blocks)],
                 pageCount: PageCount(value: 1, exact: true, source: .formFeeds), wordCount: 100)
    }
}

extension Assessor {
    /// The analysis of a one-page text, for tests of the stages.
    func analyse(text: String) -> DocumentAnalysis { analyse(TestDocument.text(text)) }
}

extension DocumentAnalysis {
    /// The sources of the matches in the document, with "!" before negated ones, in order.
    func matchedSources(_ rules: CompiledRules, excluding: Set<Int> = []) -> [String] {
        matches.filter { !excluding.contains(Int($0.phrase)) }.map { ($0.negated ? "!" : "") + rules.phrases[Int($0.phrase)].source }
    }

    func unitTexts() -> [String] { units.map { text(of: $0) } }
}
