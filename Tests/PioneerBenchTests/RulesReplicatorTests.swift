import Foundation
import PioneerDocuments
import PioneerFixtures
import PioneerRules
import Testing
@testable import PioneerAssessment
@testable import pioneer_bench

/// The scaling figures replicate the shipped rules with fresh ids (`RulesReplicator`): the copies
/// must give exactly the results of their originals, and the assessor must fold them into the
/// originals' phrases, term sets and evaluations, or "rules ×16" would measure something else.
@Suite struct RulesReplicatorTests {
    @Test func replicatedRulesHoldFactorTimesEverything() throws {
        let rules = try Repository.shippedRules()
        #expect(RulesReplicator.replicate(rules, factor: 1).fingerprint == rules.fingerprint)
        let copied = RulesReplicator.replicate(rules, factor: 16)
        #expect(copied.phrases.count == 16 * rules.phrases.count)
        #expect(copied.termSets.count == 16 * rules.termSets.count)
        #expect(copied.allConsiderations.count == 16 * rules.allConsiderations.count)
        #expect(Set(copied.allConsiderations.map(\.id)).count == copied.allConsiderations.count, "every id is fresh")
        #expect(copied.fingerprint != rules.fingerprint)
        #expect(copied.gates.count == rules.gates.count)
    }

    @Test func copiesWithFreshIDsGiveTheOriginalsResults() throws {
        let rules = try Repository.shippedRules()
        let factor = 4
        let replicated = RulesReplicator.replicate(rules, factor: factor)
        let original = Assessor(rules: rules)
        let copied = Assessor(rules: replicated)
        // The copies add no distinct phrase, term set or evaluation.
        #expect(copied.index.phraseCount == original.index.phraseCount)
        #expect(copied.index.termSetCount == original.index.termSetCount)
        #expect(copied.evaluations.count == original.evaluations.count)
        #expect(copied.plans.count == factor * original.plans.count)
        for name in ["kingsbury-pending-hwb.md", "ashcombe-template-gaps.md", "eastbrook-over-limit.txt"] {
            let document = try Repository.sample(name)
            let expected = Repository.results(original.assess(document))
            let got = Repository.results(copied.assess(document))
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
        let rules = try Repository.shippedRules()
        let original = Assessor(rules: rules)
        let copied = Assessor(rules: RulesReplicator.replicate(rules, factor: 2))
        let document = try Repository.sample("kingsbury-pending-hwb.md")
        for id in ["commitment.hwb", "vision.narrative", "principles.values"] {
            let expected = try #require(original.explain(document, considerationID: id))
            let twin = try #require(copied.explain(document, considerationID: id + "~r1"))
            #expect(twin.candidates == expected.candidates)
            #expect(twin.result.reason == expected.result.reason)
        }
    }

    @Test func conditionsAreStoredOnceAndOperandsComeFirst() throws {
        let rules = try Repository.shippedRules()
        let program = Assessor(rules: RulesReplicator.replicate(rules, factor: 3)).program
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
