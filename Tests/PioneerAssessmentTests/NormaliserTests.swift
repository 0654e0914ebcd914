import PioneerText
import Testing
@testable import PioneerAssessment

@Suite struct NormaliserTests {
    @Test func joinsWordsHyphenatedAcrossLines() {
        #expect(Normaliser.normalise("Health and Well-\nbeing Board").string == "Health and Wellbeing Board")
        #expect(Normaliser.normalise("care will be co-\nordinated").string == "care will be co-ordinated")
        #expect(Normaliser.normalise("a self-\nmanaged plan").string == "a self-managed plan")
        #expect(Normaliser.normalise("Crossover inter-\nagency").string == "Crossover inter-agency")
        #expect(Normaliser.normalise("a thirdly-\nplaced").string == "a thirdlyplaced")
    }

    /// A chain of hyphenated lines is one growing word: each line joins it once.
    @Test func joinsAChainOfHyphenatedLines() {
        let chain = String(repeating: "ab-\n", count: 5_000) + "c"
        #expect(Normaliser.normalise(chain).string == String(repeating: "ab", count: 5_000) + "c")
        #expect(Normaliser.normalise(String(repeating: "co-\n", count: 3) + "x").string == "co-co-co-x")
    }

    @Test func keepsAHyphenThatIsNotBetweenLetters() {
        #expect(Normaliser.normalise("2013 -\n2014").string == "2013 - 2014")
    }

    @Test func unwrapsLinesIntoSpaces() {
        let text = Normaliser.normalise("We will pool\n   budgets by\nApril 2014.")
        #expect(text.string == "We will pool budgets by April 2014.")
        #expect(text.lineStarts.count == 2)
        #expect(text.linesBefore(0) == 0)
        let april = text.string.utf8.count - "April 2014.".utf8.count
        #expect(text.linesBefore(april) == 2)
    }

    @Test func foldsTypography() {
        #expect(Normaliser.normalise("\u{201C}person\u{2011}centred\u{201D}\u{00A0}o\u{FB03}ce").string == "\"person-centred\" office")
        #expect(Normaliser.normalise("people\u{2019}s  care").string == "people's care")
    }

    @Test func ampersandIsKeptAndReadAsAndByTheTokenizer() {
        let assessor = Assessor(rules: RulesBuilder().build())
        let analysis = assessor.analyse(text: "Health & Wellbeing Board")
        #expect(analysis.tokens.map { analysis.words.text($0.word) } == ["health", "and", "wellbeing", "board"])
    }
}

@Suite struct FastTokenizerTests {
    /// The fast tokenizer must give exactly what `WordTokenizer` gives.
    @Test(arguments: [
        "£2.4m by 31 March 2014, 1,200 people (15%) & H&WB 3.5.",
        "Health and Wellbeing Board: well-being, people's co-ordinated care; x2y 10,5 1.2.3 $5 a.b",
        "Café naïve ÉCOLE £3m",
        "",
        "...,,, 12,",
    ])
    func agreesWithWordTokenizer(_ text: String) {
        var table = WordTable()
        let matcher = PhraseMatcher(phrases: [])
        let fast = FastTokenizer.tokens(Array(text.utf8), table: &table, matcher: matcher)
        let reference = WordTokenizer.tokens(in: text)
        #expect(fast.map { table.text($0.word) } == reference.map(\.text))
        #expect(fast.map(\.start) == reference.map(\.start))
        #expect(fast.map(\.end) == reference.map(\.end))
    }

    @Test func internsEachWordOnce() {
        var table = WordTable()
        let matcher = PhraseMatcher(phrases: [])
        let words = (0..<3000).map { "w\($0 % 1500)" }
        let ids = words.map { table.intern(Array($0.utf8), matcher: matcher) }
        #expect(table.count == 1500)
        #expect(ids[0] == ids[1500])
        #expect(table.text(ids[1499]) == "w1499")
    }
}

@Suite struct NormaliserLineEndingTests {
    @Test func readsCarriageReturnLineFeedAsOneLineBreak() {
        let text = Normaliser.normalise("Costs £3m\r\nin total\r\n\tnow")
        #expect(text.string == "Costs £3m in total now")
        #expect(text.lineStarts.count == 2)
        #expect(Normaliser.normalise("naïve\r\nline").string == "naïve line")
    }

    @Test func foldedTextKeepsItsLineBreaksAndJoins() {
        // Not simple (a dash and curly quotes): folded first, then unwrapped like ASCII text.
        let text = Normaliser.normalise("Well\u{2010}\r\nbeing \u{2013} \u{201C}co-\rordinated\u{201D}\rcare\u{00A0} \u{2026}")
        #expect(text.string == "Wellbeing - \"co-ordinated\" care ...")
        #expect(text.lineStarts.count == 3)
    }
}
