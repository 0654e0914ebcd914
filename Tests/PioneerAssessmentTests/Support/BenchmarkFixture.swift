import PioneerDocuments
import PioneerRules

/// A deterministic ~6,000-word, 10-page bid and a ~1,000-phrase, 40-consideration rule set: the
/// workload of the performance target (one bid in under 2 ms). The release-mode timing harness that
/// uses the same generator lives outside the tests (tests never assert timings).
enum BenchmarkFixture {
    struct Generator {
        var state: UInt64 = 42
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func pick(_ words: [String]) -> String { words[Int(next() % UInt64(words.count))] }
    }

    static let topics = [
        "health", "care", "integration", "integrated", "budget", "pooled", "carers", "patients", "services", "community",
        "wellbeing", "board", "council", "prevention", "personalisation", "housing", "social", "primary", "hospital",
        "discharge", "reablement", "outcomes", "evaluation", "partner", "workforce", "training", "records", "sharing",
        "information", "technology", "telecare", "voluntary", "sector", "engagement", "users", "people", "older", "mental",
        "learning", "disability", "children", "families", "leadership", "governance", "commissioning", "provider", "market",
        "risk", "finance", "savings", "investment", "plan", "strategy", "vision", "pilot", "scale", "pace", "change",
    ]
    static let fillers = [
        "we", "will", "the", "and", "of", "to", "in", "a", "with", "our", "by", "for", "has", "been", "is", "are", "this",
        "that", "across", "through", "new", "local", "joint", "shared", "more", "all", "from", "on", "which", "have",
    ]
    static let substance = ["by April 2014", "£2.4m", "15%", "Northshire County Council", "Dr Amara Okafor", "12 practices",
                            "has not yet", "no", "but"]

    static func rules() -> CompiledRules {
        var builder = RulesBuilder()
        var generator = Generator()
        while builder.phrases.count < 1_000 {
            let words = (0..<(Int(generator.next() % 3) + 1)).map { _ in generator.pick(topics) }
            _ = builder.phrase(words.joined(separator: " ") + (generator.next() % 20 == 0 ? "*" : ""))
        }
        for set in 0..<50 {
            builder.termSets.append(CompiledTermSet(id: "t\(set)", title: "t\(set)", phrases: Array(set * 20..<(set * 20 + 20)),
                                                    location: RulesBuilder.here))
        }
        builder.standardNegation()
        let strong = Condition.any([.signal(.date), .signal(.properName), .signal(.figure), .signal(.money), .termSet(49)])
        for criterion in 0..<8 {
            builder.criterion("c\(criterion)", (0..<5).map { index in
                let set = criterion * 5 + index
                let evidence: Condition = [.all([.termSet(set), .termSet((set + 7) % 48)]), .termSet(set),
                                           .near(.termSet(set), .signal(.date), words: 10)][index % 3]
                return RulesBuilder.consideration("c\(criterion).k\(index)", evidence: evidence, strong: strong,
                                                  unit: index == 4 ? .paragraph : .sentence, minimum: 2,
                                                  scope: index == 3 ? .termSet(48) : nil)
            })
        }
        return builder.build()
    }

    static func document() -> Document {
        var generator = Generator(state: 7)
        var pages: [Page] = []
        var words = 0
        for number in 1...10 {
            var blocks = [Block(kind: .heading(level: 1), text: "\(number). \(generator.pick(topics).capitalized) plans", page: number, line: 1)]
            while words < number * 600 {
                var sentences: [String] = []
                for _ in 0..<4 {
                    var sentence = (0..<18).map { _ in generator.next() % 3 == 0 ? generator.pick(topics) : generator.pick(fillers) }
                    if generator.next() % 3 == 0 { sentence.insert(generator.pick(substance), at: 9) }
                    words += sentence.count
                    let text = sentence.joined(separator: " ")
                    sentences.append(text.prefix(1).uppercased() + text.dropFirst() + ".")
                }
                let kind: Block.Kind = generator.next() % 6 == 0 ? .listItem(level: 1) : .paragraph
                blocks.append(Block(kind: kind, text: sentences.joined(separator: "\n"), page: number, line: blocks.count * 6))
            }
            pages.append(Page(number: number, blocks: blocks))
        }
        return Document(path: "bench.md", format: .markdown, pages: pages,
                        pageCount: PageCount(value: 9.6, exact: false, source: .textEstimate), wordCount: words)
    }
}
