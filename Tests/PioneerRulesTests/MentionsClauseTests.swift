import Testing
@testable import PioneerRules

/// `mentions EXPR`: what names the topic without being evidence.
@Suite struct MentionsClauseTests {
    @Test func compilesToTheConsiderationsMentionsCondition() throws {
        let rules = try #require(Compile.source(Samples.full).rules)
        let people = try #require(rules.allConsiderations.first { $0.id == "vision.people" })
        let healthwatch = try #require(rules.termSets.firstIndex { $0.id == "healthwatch" })
        #expect(people.mentions == .termSet(healthwatch))
        #expect(rules.allConsiderations.filter { $0.mentions != nil }.count == 1)
    }

    @Test func changesTheFingerprint() throws {
        let with = try #require(Compile.source(Samples.full).rules)
        let without = try #require(Compile.source(Samples.full.replacingOccurrences(of: "    mentions healthwatch\n", with: "")).rules)
        #expect(with.fingerprint != without.fingerprint)
    }

    @Test func twiceIsAnError() {
        let source = Samples.full.replacingOccurrences(of: "    mentions healthwatch\n", with: "    mentions healthwatch\n    mentions hwb\n")
        let messages = Compile.source(source).diagnostics.map(\.message)
        #expect(messages.contains("duplicate 'mentions' in consideration 'vision.people'"))
    }
}
