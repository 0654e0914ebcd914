import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct NegationTests {
    /// The term matches in `text`, "!" before negated ones (cue phrases left out).
    func terms(_ text: String, _ terms: [String] = ["Healthwatch", "evaluation partner", "carers"]) -> [String] {
        var builder = RulesBuilder()
        builder.standardNegation()
        let cues = Set(0..<builder.phrases.count)
        for term in terms { _ = builder.phrase(term) }
        let rules = builder.build()
        return Assessor(rules: rules).analyse(text: text).matchedSources(rules, excluding: cues)
    }

    @Test func afterCueNegatesTheMatchBeforeIt() {
        #expect(terms("Healthwatch has not yet been engaged.") == ["!Healthwatch"])
    }

    @Test func beforeCueNegatesWithinTheWindow() {
        #expect(terms("We do not currently have an evaluation partner.") == ["!evaluation partner"])
        #expect(terms("No evaluation partner has been identified.") == ["!evaluation partner"])
    }

    @Test func beforeCueDoesNotReachBeyondTheWindow() {
        #expect(terms("There is no doubt whatsoever that in our large county carers matter.") == ["carers"])
        #expect(terms("We have no formal signed agreement with any of our local carers.") == ["carers"])
    }

    @Test func exceptionMasksTheCue() {
        #expect(terms("We will not only engage Healthwatch but also carers.") == ["Healthwatch", "carers"])
        #expect(terms("Carers will be consulted no later than March.") == ["carers"])
    }

    @Test func clauseBreaksStopTheCue() {
        #expect(terms("There is no plan yet but Healthwatch leads engagement.") == ["Healthwatch"])
        #expect(terms("There is no plan yet; Healthwatch leads engagement.") == ["Healthwatch"])
        #expect(terms("There is no plan, Healthwatch leads engagement.") == ["!Healthwatch"])
    }

    @Test func afterCueStopsAtAClauseBreak() {
        #expect(terms("Healthwatch leads, but carers have not been engaged.") == ["Healthwatch", "!carers"])
    }

    @Test func sentenceEndStopsTheCue() {
        #expect(terms("We have not. Healthwatch leads engagement.") == ["Healthwatch"])
    }

    @Test func matchesAreNotNegatedWithoutCues() {
        #expect(terms("Healthwatch and carers co-chair the board.") == ["Healthwatch", "carers"])
    }
}
