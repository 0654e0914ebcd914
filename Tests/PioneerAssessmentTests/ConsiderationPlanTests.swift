import Testing
@testable import PioneerAssessment

@Suite struct PhraseSetTests {
    /// Membership agrees with a sorted array's for sets near zero, far from it, sparse and empty,
    /// and for values below, inside and beyond the span, negative ones included.
    @Test func membershipAgreesWithSortedIndices() {
        var generator = SystemRandomNumberGenerator()
        let shapes: [[Int32]] = [[], [-3, -1], [0], [63], [64], [0, 63, 64, 127, 128], [5_000, 5_001, 9_999]]
        var inputs = shapes
        for _ in 0..<50 {
            let base = Int32.random(in: 0..<20_000, using: &generator)
            inputs.append((0..<Int.random(in: 0..<40, using: &generator)).map { _ in base + Int32.random(in: -5..<700, using: &generator) })
        }
        for phrases in inputs {
            let set = PhraseSet(phrases)
            let sorted = SortedIndices.unique(phrases.filter { $0 >= 0 })
            #expect(set.members == sorted)
            let probes = phrases + [-1, 0, 1, 62, 63, 64, 65, Int32.max, Int32.min] + phrases.map { $0 + 1 } + phrases.map { $0 - 1 }
            for probe in probes {
                #expect(set.contains(probe) == SortedIndices.contains(sorted, probe), "\(probe) in \(phrases)")
            }
        }
    }

    /// The union of sorted lists is the set of the lists joined, for empty, overlapping and far-apart lists.
    @Test func unionOfSortedListsEqualsTheSetOfTheirJoin() {
        var generator = SystemRandomNumberGenerator()
        var cases: [[[Int32]]] = [[], [[]], [[], []], [[0], []], [[], [64, 65]], [[5], [5], [5]], [[0, 63], [64, 127], [128]]]
        for _ in 0..<50 {
            cases.append((0..<Int.random(in: 0..<4, using: &generator)).map { _ in
                let base = Int32.random(in: 0..<10_000, using: &generator)
                return SortedIndices.unique((0..<Int.random(in: 0..<30, using: &generator)).map { _ in
                    base + Int32.random(in: 0..<500, using: &generator)
                })
            })
        }
        for lists in cases {
            #expect(PhraseSet(unionOfSorted: lists) == PhraseSet(lists.flatMap { $0 }), "\(lists)")
        }
    }
}

@Suite struct SortedIndicesFastPathTests {
    /// Increasing input is returned as it is; anything else is sorted, deduplicated and cut to the non-negative.
    @Test func uniqueAgreesWithSortingForEveryShape() {
        let inputs: [[Int32]] = [[], [0], [0, 1, 2], [3, 70, 5_000], [2, 1], [1, 1], [-1, 0, 4], [-5], [7, 7, 3, -2, 100], [0, 64, 63]]
        for values in inputs {
            #expect(SortedIndices.unique(nonNegative: values) == Array(Set(values.filter { $0 >= 0 })).sorted(), "\(values)")
        }
        #expect(SortedIndices.isIncreasingFromZeroUp([0, 4, 9]))
        #expect(!SortedIndices.isIncreasingFromZeroUp([0, 4, 4]))
        #expect(!SortedIndices.isIncreasingFromZeroUp([-1, 4]))
    }
}
