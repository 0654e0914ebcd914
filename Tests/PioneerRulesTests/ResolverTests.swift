import Testing
@testable import PioneerRules

/// Each semantic error and warning of the spec, on small rule sets.
@Suite struct ResolverTests {
    /// A consideration that needs no warnings.
    private func consideration(_ id: String, _ evidence: String) -> String {
        "consideration \(id) \"T\" { guidance \"g\" evidence \(evidence) example met \"x\" }"
    }

    private func criterion(_ evidence: String, terms: String = "terms t { \"alpha\" }") -> String {
        Compile.header + terms + "\ncriterion c \"C\" { " + consideration("c.a", evidence) + " }\n"
    }

    @Test func fullSampleCompilesWithoutDiagnostics() throws {
        let result = Compile.source(Samples.full)
        #expect(result.diagnostics.isEmpty)
        let rules = try #require(result.rules)
        #expect(rules.header.name == "Integrated care pioneers 2013")
        #expect(rules.pageLimit == PageLimitRule(limit: 10, overLimitCap: .notMet))
        #expect(rules.criteria.map(\.id) == ["vision", "leadership"])
        #expect(rules.criteria[0].weight == 2)
        #expect(rules.allConsiderations.map(\.id) == ["vision.narrative", "vision.people", "leadership.board",
                                                      "principles.outcomes"])
        let people = rules.criteria[0].considerations[1]
        #expect(people.unit == .paragraph && people.minimum == 1 && people.headingScope != nil)
        #expect(people.guidance == "Show how people and carers shaped the vision:\nname the groups and what changed as a result.")
        #expect(rules.criteria[0].considerations[0].minimum == 2)
        #expect(rules.criteria[0].considerations[0].weight == 1.5)
        #expect(rules.gates.first?.caps == [.missing: .notMet, .partial: .siftIn])
        #expect(rules.scoring.bands == [BandThreshold(band: .meets, minimumScore: 70, minimumCriterionScore: 50),
                                        BandThreshold(band: .siftIn, minimumScore: 40),
                                        BandThreshold(band: .notMet, minimumScore: 0)])
        #expect(rules.negation.window == 4 && rules.negation.before.count == 3)
        #expect(rules.fingerprint.count == 64)
    }

    @Test func phrasesAreInternedOnceAndPrefixesMarked() throws {
        let rules = try #require(Compile.source(criterion("t or \"alpha\" or \"beta*\"")).rules)
        #expect(rules.phrases.map(\.words) == [["alpha"], ["beta"]])
        #expect(rules.phrases[1].lastWordIsPrefix)
        #expect(rules.criteria[0].considerations[0].evidence == .any([.termSet(0), .phrase(0), .phrase(1)]))
    }

    @Test func defaultsWithoutADefaultsBlock() throws {
        let rules = try #require(Compile.source(criterion("t")).rules)
        let compiled = rules.criteria[0].considerations[0]
        #expect(compiled.unit == .sentence && compiled.minimum == 1)
        #expect(compiled.strong == .atLeast(2, [.signal(.date), .signal(.figure), .signal(.money), .signal(.percent),
                                                .signal(.properName)]))
        #expect(rules.scoring.points == [.met: 100, .partial: 50, .missing: 0])
    }

    @Test func unknownTermSetSuggestsTheClosestName() {
        let (source, at) = Markers.extract(Compile.header + """
        terms healthwatch { "Healthwatch" }
        criterion c "C" {
          consideration c.a "A" {
            guidance "g"
            evidence 1️⃣helthwatch and date
            example met "x"
          }
        }
        """)
        let result = Compile.source(source)
        #expect(result.rules == nil)
        let rendered = DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: false)
        #expect(rendered == """
        test.rules:\(at["1️⃣"]!): error: unknown term set 'helthwatch'
            evidence helthwatch and date
                     ^~~~~~~~~~
        test.rules:\(at["1️⃣"]!): note: did you mean 'healthwatch'?

        """)
    }

    @Test(arguments: [
        ("terms t { \"a\" } terms t { \"b\" }", "error: duplicate term set 't'"),
        ("signal date { \"a\" }", "error: 'date' is a built-in signal and cannot be declared"),
        ("criterion c \"C\" { weight 0 }", "error: weight must be greater than 0"),
        ("principles \"P\" { weight -1 }", "error: unexpected character '-'"),
        ("criterion c \"C\" { consideration d.a \"A\" { guidance \"g\" evidence \"x\" example met \"x\" } }",
         "error: id 'd.a' must start with 'c.'"),
        ("principles \"P\" { principle p.a \"A\" { evidence \"x\" example met \"x\" } }",
         "error: id 'p.a' must start with 'principles.'"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" example met \"x\" } }",
         "error: consideration 'c.a' has no 'evidence'"),
        ("gate g \"G\" { requires c.nope }", "error: unknown consideration 'c.nope'"),
        ("gate g \"G\" { when missing cap not-met }", "error: gate 'g' has no 'requires'"),
        ("gate g \"G\" { requires c.a when missed cap not-met }",
         "error: unknown verdict 'missed'; expected 'met', 'partial' or 'missing'"),
        ("scoring { band meets at 40 band sift-in at 70 band not-met }",
         "error: threshold of band 'sift-in' must be lower than the band before it"),
        ("scoring { band meets at 170 band not-met }", "error: threshold '170' is out of range (0 to 100)"),
        ("scoring { band not-met band meets at 70 }", "error: band 'not-met' must be the last band"),
        ("scoring { band meets at 70 }", "error: scoring needs a last catch-all band 'not-met'"),
        ("scoring { band meets band not-met }", "error: band 'meets' needs a threshold ('at N')"),
        ("scoring { points { met 120 } band not-met }", "error: points '120' is out of range (0 to 100)"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence near(\"a\", \"b\", 0) example met \"x\" } }",
         "error: 'near' distance '0' is out of range (1 to 100)"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence near(\"a\" and \"c\", \"b\", 5) example met \"x\" } }",
         "error: operands of 'near' must be term sets, phrases, signals or 'any' of those"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence 3 of (\"a\", \"b\") example met \"x\" } }",
         "error: '3 of' needs a count from 1 to 2, the number of operands"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence \"x\" minimum 1.5 example met \"x\" } }",
         "error: minimum must be a whole number, not '1.5'"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence \"x\" unit page example met \"x\" } }",
         "error: unknown unit 'page'; expected 'sentence' or 'paragraph'"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence \"x\" evidence \"y\" example met \"x\" } }",
         "error: duplicate 'evidence' in consideration 'c.a'"),
        ("criterion c \"C\" { consideration c.a \"A\" { guidance \"g\" evidence \"!!\" example met \"x\" } }",
         "error: phrase '!!' has no words"),
        ("criterion c \"C\" {} criterion c \"D\" {}", "error: duplicate criterion 'c'"),
        ("gate g \"G\" { requires c.x } gate g \"G\" { requires c.x }", "error: duplicate gate 'g'"),
        ("document { page_limit 12 }", "error: duplicate 'document' block"),
        ("ruleset \"Again\" {}", "error: duplicate 'ruleset' block"),
        ("spellings { \"a\" = \"b\" \"b\" = \"c\" }", "error: spelling 'b' is declared in two spellings lines"),
        ("negation { window 0 }", "error: window '0' is out of range (1 to 50)"),
    ])
    func semanticErrors(extra: String, expected: String) {
        let base = Compile.header + "terms t { \"zzz\" }\ncriterion c \"C\" { " + consideration("c.x", "t") + " }\n"
        let messages = Compile.messages(base + extra)
        #expect(messages.contains(expected), "got \(messages)")
        #expect(Compile.source(base + extra).rules == nil)
    }

    @Test func requiredHeaderAndDocument() {
        #expect(Compile.rendered("terms t { \"a\" }").hasPrefix("test.rules: error: missing 'ruleset' header\n"))
        let messages = Compile.messages("terms t { \"a\" }")
        #expect(messages.contains("error: missing 'ruleset' header"))
        #expect(messages.contains("error: missing 'document' block with 'page_limit'"))
        #expect(Compile.messages("ruleset \"R\" {} document { over_limit warn }")
            .contains("error: 'document' block has no 'page_limit'"))
    }

    @Test func warnings() {
        let source = Compile.header + """
        terms a { "alpha" "Alpha" "beta" }
        terms b { "beta" }
        signal unused { "zeta" }
        criterion c "C" {
          consideration c.a "A" { evidence a or b }
        }
        principles "P" { weight 1 principle principles.p "P" { evidence "x" } }
        """
        let result = Compile.source(source)
        #expect(result.rules != nil, "warnings do not stop a rule set")
        #expect(result.diagnostics.map { "\($0.severity.rawValue): \($0.message)" } == [
            "warning: phrase 'Alpha' is repeated in 'a'",
            "warning: phrase 'beta' in 'b' is also in 'a'",
            "warning: consideration 'c.a' has no examples",
            "warning: consideration 'c.a' has no 'guidance'",
            "warning: principle 'principles.p' has no examples",
            "warning: signal 'unused' is never used",
        ])
        #expect(result.rules?.principles.weight == 1)
    }

    @Test func spellingsMakeRepeatsVisible() {
        let source = Compile.header + """
        spellings { "organisation" = "organization" }
        terms a { "organisation" "organization" }
        criterion c "C" { consideration c.a "A" { guidance "g" evidence a example met "x" } }
        """
        #expect(Compile.messages(source) == ["warning: phrase 'organization' is repeated in 'a'"])
    }
}

@Suite struct ResolverPositionTests {
    @Test func severalSemanticMistakesAreReportedTogetherWithPositions() {
        let (source, at) = Markers.extract("""
        ruleset "R" {}
        document { page_limit 10 over_limit cap 1️⃣sift_in }
        terms hwb { "Health and Wellbeing Board" }
        criterion vision "V" {
          weight 2️⃣0
          consideration 3️⃣vison.a "A" {
            guidance "g"
            evidence 4️⃣hbw and 5️⃣3 of (date, figure)
            example 6️⃣mett "x"
          }
        }
        gate g "G" { requires 7️⃣vision.a }
        scoring { band meets at 70 band sift-in at 8️⃣80 band not-met }
        """)
        let result = Compile.source(source)
        let found = result.diagnostics.filter(\.isError).map { diagnostic in
            "\(diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-") \(diagnostic.message)"
                + (diagnostic.notes.first.map { " [\($0.message)]" } ?? "")
        }
        #expect(found == [
            "\(at["1️⃣"]!) unknown band 'sift_in'; expected 'meets', 'sift-in' or 'not-met' [did you mean 'sift-in'?]",
            "\(at["2️⃣"]!) weight must be greater than 0",
            "\(at["3️⃣"]!) id 'vison.a' must start with 'vision.'",
            "\(at["4️⃣"]!) unknown term set 'hbw' [did you mean 'hwb'?]",
            "\(at["5️⃣"]!) '3 of' needs a count from 1 to 2, the number of operands",
            "\(at["6️⃣"]!) unknown verdict 'mett'; expected 'met', 'partial' or 'missing' [did you mean 'met'?]",
            "\(at["7️⃣"]!) unknown consideration 'vision.a' [did you mean 'vison.a'?]",
            "\(at["8️⃣"]!) threshold of band 'sift-in' must be lower than the band before it",
        ])
    }
}

/// The quick test for a signal's name agrees with the enum's own, for every signal and for names near them.
@Suite struct BuiltinSignalNameTests {
    @Test func namedAgreesWithRawValue() {
        var names = BuiltinSignal.allCases.map(\.rawValue)
        names += ["", "d", "dates", "Date", "data", "figures", "monet", "percents", "proper-name", "proper_namE", "pooled_fund",
                  "hwb", "healthwatch", "dementia", "fundings", "partner"]
        for name in names { #expect(Resolver.builtinSignal(named: name) == BuiltinSignal(rawValue: name), "\(name)") }
    }
}
