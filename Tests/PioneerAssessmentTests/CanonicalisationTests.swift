import Foundation
import PioneerDocuments
import PioneerRules
import Testing
@testable import PioneerAssessment

/// Repeated rule content is folded once per `Assessor` (`CanonicalRules`): copies must give exactly
/// the results of their originals, and distinct considerations that share parts must stay independent.
@Suite struct CanonicalisationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedRules() throws -> CompiledRules {
        try #require(RulesLoader.load(path: root.appendingPathComponent("rules").path).rules, "the shipped rules must load")
    }

    static func sample(_ name: String) throws -> Document {
        try DocumentReader.read(path: root.appendingPathComponent("submissions").appendingPathComponent(name).path)
    }

    /// Every consideration's result by id, criteria's and principles.
    static func results(_ assessment: Assessment) -> [String: ConsiderationResult] {
        var byID: [String: ConsiderationResult] = [:]
        for result in assessment.criteria.flatMap(\.considerations) + assessment.principles { byID[result.id] = result }
        return byID
    }

    @Test func copiesWithFreshIDsGiveTheOriginalsResults() throws {
        let rules = try Self.shippedRules()
        let factor = 4
        let replicated = Replicator.replicate(rules, factor: factor)
        let original = Assessor(rules: rules)
        let copied = Assessor(rules: replicated)
        // The copies add no distinct phrase, term set or evaluation.
        #expect(copied.index.phraseCount == original.index.phraseCount)
        #expect(copied.index.termSetCount == original.index.termSetCount)
        #expect(copied.evaluations.count == original.evaluations.count)
        #expect(copied.plans.count == factor * original.plans.count)
        for name in ["kingsbury-pending-hwb.md", "ashcombe-template-gaps.md", "eastbrook-over-limit.txt"] {
            let document = try Self.sample(name)
            let expected = Self.results(original.assess(document))
            let got = Self.results(copied.assess(document))
            #expect(got.count == factor * expected.count)
            for (id, result) in expected {
                for copy in 1..<factor {
                    let twin = try #require(got[id + "~r\(copy)"], "\(name): no copy \(copy) of \(id)")
                    #expect(twin.verdict == result.verdict, "\(name): \(id) copy \(copy)")
                    #expect(twin.score == result.score, "\(name): \(id) copy \(copy)")
                    #expect(twin.reason == result.reason, "\(name): \(id) copy \(copy)")
                    #expect(twin.evidence == result.evidence, "\(name): \(id) copy \(copy)")
                }
                #expect(got[id] == result, "\(name): \(id) itself")
            }
        }
    }

    @Test func copiesAreExplainedLikeTheirOriginals() throws {
        let rules = try Self.shippedRules()
        let original = Assessor(rules: rules)
        let copied = Assessor(rules: Replicator.replicate(rules, factor: 2))
        let document = try Self.sample("kingsbury-pending-hwb.md")
        for id in ["commitment.hwb", "vision.narrative", "principles.values"] {
            let expected = try #require(original.explain(document, considerationID: id))
            let twin = try #require(copied.explain(document, considerationID: id + "~r1"))
            #expect(twin.candidates == expected.candidates)
            #expect(twin.result.reason == expected.result.reason)
        }
    }

    @Test func considerationsSharingATermSetStayIndependent() throws {
        var builder = RulesBuilder()
        builder.standardNegation()
        let board = builder.terms("hw", ["Healthwatch"])
        let sameBoard = builder.terms("hw-copy", ["Healthwatch"])
        let scope = builder.terms("scope", ["Governance"])
        builder.criterion("c", [
            RulesBuilder.consideration("c.dates", evidence: board, strong: .signal(.date)),
            RulesBuilder.consideration("c.money", evidence: sameBoard, strong: .signal(.money)),
            RulesBuilder.consideration("c.twice", evidence: board, strong: .signal(.date), minimum: 2),
            RulesBuilder.consideration("c.scoped", evidence: board, strong: .signal(.date), scope: scope),
            RulesBuilder.consideration("c.paragraph", evidence: sameBoard, strong: .signal(.date), unit: .paragraph, minimum: 2),
        ])
        let assessor = Assessor(rules: builder.build())
        #expect(assessor.index.termSetCount == 2, "the two Healthwatch sets are one")
        let document = TestDocument.pages([["# Introduction", "Healthwatch joins the board in April 2014. Healthwatch chairs it."]])
        let results = Self.results(assessor.assess(document))
        #expect(results["c.dates"]?.verdict == .met)
        #expect(results["c.money"]?.verdict == .partial)
        #expect(results["c.twice"]?.verdict == .partial)
        #expect(results["c.twice"]?.reason == "partial: 1 strong mention where 2 are needed")
        #expect(results["c.scoped"]?.verdict == .missing)
        #expect(results["c.scoped"]?.reason == "missing: mentioned only outside the section the rules require (page 1)")
        #expect(results["c.paragraph"]?.verdict == .partial)
        #expect(results["c.dates"]?.evidence == results["c.twice"]?.evidence)
    }

    @Test func phrasesWithTheSameWordsButAnotherSourceKeepTheirText() throws {
        var builder = RulesBuilder()
        builder.phrases = [CompiledPhrase(words: ["health", "watch"], source: "Health Watch"),
                           CompiledPhrase(words: ["health", "watch"], source: "health-watch"),
                           CompiledPhrase(words: ["health", "watch"], source: "Health Watch")]
        builder.termSets = [CompiledTermSet(id: "a", title: "a", phrases: [0], location: RulesBuilder.here),
                            CompiledTermSet(id: "b", title: "b", phrases: [1], location: RulesBuilder.here),
                            CompiledTermSet(id: "c", title: "c", phrases: [2], location: RulesBuilder.here)]
        builder.criterion("c", [RulesBuilder.consideration("c.a", evidence: .termSet(0)),
                                RulesBuilder.consideration("c.b", evidence: .termSet(1)),
                                RulesBuilder.consideration("c.c", evidence: .termSet(2)),
                                RulesBuilder.consideration("c.both", evidence: .any([.termSet(0), .phrase(1)]))])
        let assessor = Assessor(rules: builder.build())
        #expect(assessor.index.phraseCount == 2)
        let results = Self.results(assessor.assess(TestDocument.text("Health Watch meets in May 2014.")))
        #expect(results["c.a"]?.evidence.first?.terms == ["Health Watch"])
        #expect(results["c.b"]?.evidence.first?.terms == ["health-watch"])
        #expect(results["c.c"]?.evidence.first?.terms == ["Health Watch"])
        #expect(results["c.both"]?.evidence.first?.terms == ["Health Watch", "health-watch"])
    }

    @Test func outOfRangeReferencesNeverHold() {
        var builder = RulesBuilder()
        let board = builder.terms("hw", ["Healthwatch"])
        builder.criterion("c", [RulesBuilder.consideration("c.bad-set", evidence: .any([.termSet(99), .phrase(-3)])),
                                RulesBuilder.consideration("c.bad-phrase", evidence: .all([board, .phrase(1 << 40)])),
                                RulesBuilder.consideration("c.good", evidence: board)])
        let results = Self.results(Assessor(rules: builder.build()).assess(TestDocument.text("Healthwatch meets in May 2014.")))
        #expect(results["c.bad-set"]?.verdict == .missing)
        #expect(results["c.bad-phrase"]?.verdict == .missing)
        #expect(results["c.good"]?.verdict == .met)
    }

    @Test func conditionsAreStoredOnceAndOperandsComeFirst() throws {
        let rules = try Self.shippedRules()
        let program = Assessor(rules: Replicator.replicate(rules, factor: 3)).program
        #expect(program.ops.count == Assessor(rules: rules).program.ops.count)
        for (index, op) in program.ops.enumerated() {
            switch op.kind {
            case .all, .any, .atLeast:
                for position in program.listOperands(op) { #expect(Int(program.operands[position]) < index) }
            case .not: #expect(Int(op.a) < index)
            case .near: #expect(Int(op.a) < index && Int(op.b) < index)
            case .never, .phrase, .termSet, .signal: break
            }
        }
    }
}

/// Copies every criterion, consideration, principle, term set and phrase of a rule set with fresh
/// ids, the copies referring to new phrase entries with the same words (as the benchmark does, and
/// moving `mentions` too).
private enum Replicator {
    static func replicate(_ rules: CompiledRules, factor: Int) -> CompiledRules {
        var result = rules
        for copy in 1..<max(1, factor) {
            let map = Map(phrases: copy * rules.phrases.count, termSets: copy * rules.termSets.count, suffix: "~r\(copy)")
            result.phrases += rules.phrases
            result.termSets += rules.termSets.map { set in
                var moved = set
                moved.id += map.suffix
                moved.phrases = set.phrases.map { $0 + map.phrases }
                moved.afterFirst = set.afterFirst.map { $0 + map.phrases }
                return moved
            }
            result.criteria += rules.criteria.map { criterion in
                var moved = criterion
                moved.id += map.suffix
                moved.considerations = criterion.considerations.map(map.consideration)
                return moved
            }
            result.principles.considerations += rules.principles.considerations.map(map.consideration)
        }
        return result
    }

    struct Map {
        var phrases: Int
        var termSets: Int
        var suffix: String

        func consideration(_ consideration: CompiledConsideration) -> CompiledConsideration {
            var moved = consideration
            moved.id += suffix
            moved.evidence = condition(consideration.evidence)
            moved.strong = condition(consideration.strong)
            moved.headingScope = consideration.headingScope.map(condition)
            moved.mentions = consideration.mentions.map(condition)
            return moved
        }

        func condition(_ condition: Condition) -> Condition {
            switch condition {
            case .termSet(let index): return .termSet(index + termSets)
            case .phrase(let index): return .phrase(index + phrases)
            case .signal: return condition
            case .all(let items): return .all(items.map(self.condition))
            case .any(let items): return .any(items.map(self.condition))
            case .not(let inner): return .not(self.condition(inner))
            case .atLeast(let count, let items): return .atLeast(count, items.map(self.condition))
            case .near(let a, let b, let words): return .near(self.condition(a), self.condition(b), words: words)
            }
        }
    }
}
