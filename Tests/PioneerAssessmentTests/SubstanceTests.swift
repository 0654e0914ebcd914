import PioneerRules
import Testing
@testable import PioneerAssessment

@Suite struct SubstanceTests {
    let assessor = Assessor(rules: RulesBuilder().build())

    /// The signals of a one-sentence text as "signal:text" pairs.
    func signals(_ text: String) -> [String] {
        let analysis = assessor.analyse(text: text)
        let bytes = analysis.blocks[0].bytes
        return analysis.signals.map { span in
            let start = Int(analysis.tokens[Int(span.start)].start), end = Int(analysis.tokens[Int(span.end) - 1].end)
            return "\(span.signal.rawValue):\(String(decoding: bytes[start..<end], as: UTF8.self))"
        }
    }

    @Test func dates() {
        #expect(signals("We start on 31 March 2014 and in 2013/14.") == ["date:31 March 2014", "date:2013/14"])
        #expect(signals("Review in Q1 2014, on 01/04/2015 and by April.") == ["date:Q1 2014", "date:01/04/2015", "date:April"])
        #expect(signals("Savings this financial year.") == ["date:financial year"])
        #expect(signals("May we march on.") == [])
    }

    @Test func moneyAndPercentages() {
        #expect(signals("A fund of £2.4m and £350,000 cuts 15% and 3 per cent.") == ["money:£2.4m", "money:£350,000", "percent:15%", "percent:3 per cent"])
        #expect(signals("It costs 2 million pounds.") == ["money:2 million pounds"])
    }

    @Test func figuresButNotReferencesOrSectionNumbers() {
        #expect(signals("We have 12 practices and 3,400 people in twelve wards.") == ["figure:12", "figure:3,400", "figure:twelve"])
        #expect(signals("See criterion 3 and section 4.") == [])
        #expect(signals("3.2.1 covers it.") == [])
    }

    @Test func properNamesUseTheTextsCasing() {
        #expect(signals("Northshire County Council will lead with Dr Amara Okafor.") == ["proper_name:Northshire County Council", "proper_name:Dr Amara Okafor"])
        #expect(signals("The Health and Wellbeing Board agreed it.") == ["proper_name:Health and Wellbeing Board"])
        #expect(signals("Healthwatch and the CCG agree.") == ["proper_name:Healthwatch", "proper_name:CCG"])
        #expect(signals("Integration is key.") == [])
        #expect(signals("We asked Northshire CCG, Northshire Council and others.") == ["proper_name:Northshire CCG", "proper_name:Northshire Council"])
    }

    /// A run of capitalised stopwords is skipped once, and what follows it is still read: a name, a
    /// month starting a date inside the run, or nothing.
    @Test func longRunsOfCapitalisedStopwords() {
        let run = Array(repeating: "The", count: 2_000).joined(separator: " ")
        #expect(signals(run + " Northshire County Council leads.") == ["proper_name:Northshire County Council"])
        #expect(signals(run + " ends here.") == [])
        #expect(signals("The Our The May 2014 The The Northshire Council") == ["date:May 2014", "proper_name:Northshire Council"])
    }

    /// `properNameOrSkip` finds what `properName` finds, and never skips a word that starts one.
    @Test func skippingFindsWhatEveryWordWouldFind() {
        let analysis = assessor.analyse(text: "The The We Our Northshire The CCG Our The A May We Healthwatch The The")
        analysis.tokens.withUnsafeBufferPointer { tokens in
            analysis.words.withEntries { entries, prefixIDs in
                analysis.blocks[0].bytes.withUnsafeBufferPointer { bytes in
                    let substance = Substance(view: TokenView(tokens: tokens, entries: entries, prefixIDs: prefixIDs, bytes: bytes))
                    let range = 0..<tokens.count
                    for index in range {
                        let found = substance.properNameOrSkip(at: index, in: range)
                        #expect(found.name == substance.properName(at: index, in: range))
                        #expect(found.next > index)
                        if found.name == nil {
                            for skipped in (index + 1)..<max(index + 1, found.next) {
                                #expect(substance.properName(at: skipped, in: range) == nil, "\(index) skips \(skipped)")
                            }
                        }
                    }
                }
            }
        }
    }
}

@Suite struct LexiconTests {
    @Test func classifiesWords() {
        #expect(Lexicon.flags(of: "council").contains(.organisation))
        #expect(Lexicon.flags(of: "college").contains(.organisation))
        #expect(Lexicon.flags(of: "thousand").contains(.numberWord))
        #expect(Lexicon.flags(of: "piloted").contains(.verb))
        #expect(Lexicon.flags(of: "dec").contains(.month))
        #expect(Lexicon.flags(of: "delivered").contains(.participle))
        #expect(Lexicon.flags(of: "integrated").contains(.adjectival))
        #expect(!Lexicon.flags(of: "hundred").contains(.participle))
    }
}

@Suite struct NamedMarksTests {
    @Test func wordsHaveTheirMarksByName() {
        #expect(Substance.namedMarks(of: "and") == [.and, .dateLead])
        #expect(Substance.namedMarks(of: "section") == .reference)
        #expect(Substance.namedMarks(of: "3") == .quarterDigit)
        #expect(Substance.namedMarks(of: "%") == .percent)
        #expect(Substance.namedMarks(of: "billion") == .millions)
        #expect(Substance.namedMarks(of: "zebra") == [])
        #expect(Substance.markedWords.allSatisfy { !Substance.namedMarks(of: $0).isEmpty })
    }
}
