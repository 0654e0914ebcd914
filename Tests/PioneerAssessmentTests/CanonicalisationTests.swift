import Foundation
import PioneerDocuments
import PioneerFixtures
import PioneerRules
import Testing
@testable import PioneerAssessment

/// Repeated rule content is folded once per `Assessor` (`CanonicalRules`): distinct considerations
/// that share parts must stay independent. (That copies give exactly their originals' results is
/// tested with the benchmark's `RulesReplicator`, in PioneerBenchTests.)
@Suite struct CanonicalisationTests {
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
        let results = Repository.results(assessor.assess(document))
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
        let results = Repository.results(assessor.assess(TestDocument.text("Health Watch meets in May 2014.")))
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
        let results = Repository.results(Assessor(rules: builder.build()).assess(TestDocument.text("Healthwatch meets in May 2014.")))
        #expect(results["c.bad-set"]?.verdict == .missing)
        #expect(results["c.bad-phrase"]?.verdict == .missing)
        #expect(results["c.good"]?.verdict == .met)
    }
}
