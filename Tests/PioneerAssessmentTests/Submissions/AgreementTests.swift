import Testing
import PioneerRules

@Suite struct AgreementTests {
    @Test func kappaIsOneForPerfectAgreementAndLowForChance() {
        let perfect: [(Verdict, Verdict)] = [(.met, .met), (.partial, .partial), (.missing, .missing), (.met, .met)]
        #expect(Agreement.quadraticKappa(perfect) == 1)
        let reversed: [(Verdict, Verdict)] = [(.met, .missing), (.missing, .met), (.partial, .partial), (.met, .missing), (.missing, .met)]
        #expect(Agreement.quadraticKappa(reversed) < 0)
        let nearMiss: [(Verdict, Verdict)] = [(.met, .partial), (.partial, .partial), (.missing, .missing), (.met, .met)]
        let farMiss: [(Verdict, Verdict)] = [(.met, .missing), (.partial, .partial), (.missing, .missing), (.met, .met)]
        #expect(Agreement.quadraticKappa(nearMiss) > Agreement.quadraticKappa(farMiss))
    }

    @Test func spearmanHandlesTiesAndOrder() {
        #expect(abs(Agreement.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-9)
        #expect(abs(Agreement.spearman([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-9)
        #expect(Agreement.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
    }

    @Test func parsesExpectedFiles() {
        let expected = ExpectedVerdicts(text: """
        # header
        band sift-in
        score 40..60
        pages 3
        within_limit no
        gate hwb_support failed   # pending
        vision.narrative met      # quoted
        bogus line here
        """)
        #expect(expected.band == .siftIn)
        #expect(expected.score == 40...60)
        #expect(expected.pages == 3...3)
        #expect(expected.withinLimit == false)
        #expect(expected.gates == ["hwb_support": false])
        #expect(expected.verdicts == ["vision.narrative": .met])
        #expect(expected.problems.count == 1)
    }
}
