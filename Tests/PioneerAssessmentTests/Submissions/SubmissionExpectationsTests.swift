import Foundation
import Testing
import PioneerAssessment
import PioneerDocuments
import PioneerFixtures
import PioneerRules

/// Every sample in submissions/ is assessed with the shipped rules and compared with the verdicts
/// a careful human reader wrote in its `.expected` file before the rules were tuned.
@Suite struct SubmissionExpectationsTests {
    struct Sample: Sendable {
        var path: String
        var expected: ExpectedVerdicts
        var assessment: Assessment
    }

    static func samples() throws -> [Sample] {
        let assessor = Assessor(rules: try Repository.shippedRules())
        let folder = Repository.submissions
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var samples: [Sample] = []
        for name in names where name.hasSuffix(".expected") {
            let base = String(name.dropLast(".expected".count))
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for document in names where document.hasPrefix(base + ".") && !document.hasSuffix(".expected") {
                let read = try DocumentReader.read(path: folder.appendingPathComponent(document).path)
                samples.append(Sample(path: document, expected: ExpectedVerdicts(text: text), assessment: assessor.assess(read)))
            }
        }
        return samples
    }

    @Test func everySampleHasExpectations() throws {
        let samples = try Self.samples()
        #expect(samples.count >= 8)
        for sample in samples {
            #expect(sample.expected.problems.isEmpty, "\(sample.path): \(sample.expected.problems)")
            #expect(sample.expected.verdicts.count == sample.assessment.criteria.flatMap(\.considerations).count + sample.assessment.principles.count,
                    "\(sample.path) must give a verdict for every consideration and principle")
        }
    }

    @Test func bandsPagesAndGatesAgree() throws {
        for sample in try Self.samples() {
            let a = sample.assessment, e = sample.expected
            if let band = e.band { #expect(a.band == band, "\(sample.path): band \(a.band.rawValue), expected \(band.rawValue)") }
            if let pages = e.pages {
                // Estimated pages were expected as words ÷ 600 ± 1 before the page model was written: allow a page either side.
                let slack = a.document.pagesExact ? 0.0 : 1.0
                #expect((pages.lowerBound - slack)...(pages.upperBound + slack) ~= a.document.pages, "\(sample.path): \(a.document.pages) pages, expected \(pages)")
            }
            if let within = e.withinLimit { #expect(a.pageLimit.within == within, "\(sample.path): within limit") }
            for (id, passed) in e.gates {
                #expect(a.gates.first { $0.id == id }?.passed == passed, "\(sample.path): gate \(id)")
            }
        }
    }

    @Test func considerationVerdictsAgreeWithCarefulReading() throws {
        var pairs: [(Verdict, Verdict)] = []
        var disagreements: [String] = []
        for sample in try Self.samples() {
            let results = sample.assessment.criteria.flatMap(\.considerations) + sample.assessment.principles
            for result in results {
                guard let expected = sample.expected.verdicts[result.id] else { continue }
                pairs.append((expected, result.verdict))
                if expected != result.verdict {
                    disagreements.append("\(sample.path) \(result.id): human \(expected.rawValue), tool \(result.verdict.rawValue) (\(result.reason))")
                }
            }
        }
        let kappa = Agreement.quadraticKappa(pairs)
        if ProcessInfo.processInfo.environment["PIONEER_AGREEMENT_REPORT"] == "1" {
            print("quadratic kappa \(kappa) over \(pairs.count) verdicts; \(disagreements.count) disagreements")
            disagreements.forEach { print("  " + $0) }
        }
        #expect(kappa >= 0.75, "quadratic-weighted kappa \(kappa) below 0.75; disagreements:\n\(disagreements.joined(separator: "\n"))")
    }

    @Test func scoresRankLikeTheHumanJudgement() throws {
        let samples = try Self.samples().filter { $0.expected.score != nil }
        let human = samples.map { s in s.expected.score.map { ($0.lowerBound + $0.upperBound) / 2 } ?? 0 }
        let tool = samples.map(\.assessment.score)
        let rho = Agreement.spearman(human, tool)
        #expect(rho >= 0.85, "Spearman \(rho): \(zip(samples.map(\.path), tool).map { "\($0) \($1)" })")
        for sample in samples {
            if let range = sample.expected.score {
                #expect(range.lowerBound - 10...range.upperBound + 10 ~= sample.assessment.score,
                        "\(sample.path): score \(sample.assessment.score), expected \(range)")
            }
        }
    }

    @Test func negatedMentionsAreNeverMetAndBuzzwordsRankLast() throws {
        let samples = try Self.samples()
        for sample in samples {
            for result in sample.assessment.criteria.flatMap(\.considerations) + sample.assessment.principles where result.verdict == .met {
                #expect(result.evidence.contains { !$0.negated && $0.strong }, "\(sample.path) \(result.id) met without strong, non-negated evidence")
            }
        }
        let buzz = try #require(samples.first { $0.path.contains("buzzword") })
        for other in samples where other.path != buzz.path && (other.expected.score?.lowerBound ?? 0) >= 30 {
            #expect(other.assessment.score > buzz.assessment.score, "\(other.path) must outrank the buzzword bid")
        }
        #expect(buzz.assessment.criteria.flatMap(\.considerations).allSatisfy { $0.verdict != .met })
    }
}
