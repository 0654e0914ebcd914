import Testing
@testable import PioneerRules

@Suite struct FormatterTests {
    private func format(_ source: String) throws -> String {
        try RulesFormatter.format(source: source, file: "f.rules").get()
    }

    @Test func idempotentAndModelPreservingOnTheFullSample() throws {
        let once = try format(Samples.full)
        let twice = try format(once)
        #expect(once == twice)
        let original = try #require(Compile.source(Samples.full).rules)
        let formatted = try #require(Compile.source(once).rules)
        #expect(original.fingerprint == formatted.fingerprint)
        #expect(Fingerprint.dump(original) == Fingerprint.dump(formatted))
    }

    @Test func messyInputBecomesCanonical() throws {
        let messy = """
        # lead


        document{page_limit   10.0 over_limit warn}
        terms   t "T"{"a","b"   # trailing
        # between
        "c\\u{41}"   after_first{"d"}}
        criterion c "C" { weight 2 consideration c.a "A" { evidence   ( t or  "x" )and not date
        example met \"\"\"
            one
              two
            \"\"\" } }
        """
        #expect(try format(messy) == """
        # lead

        document {
          page_limit 10
          over_limit warn
        }

        terms t "T" {
          "a"
          "b"  # trailing
          # between
          "cA"
          after_first {
            "d"
          }
        }

        criterion c "C" {
          weight 2
          consideration c.a "A" {
            evidence (t or "x") and not date
            example met \"\"\"
              one
                two
              \"\"\"
          }
        }

        """)
    }

    @Test func stringsAreReescaped() throws {
        let source = "ruleset \"tab\\there \\\"q\\\" back\\\\slash \\u{7}\" {}\n"
        #expect(try format(source) == source)
        let multiline = "ruleset \"R\" {\n  source \"\"\"\n    has \\\"\"\" inside \\\\ here\n    \"\"\"\n}\n"
        let formatted = try format(multiline)
        #expect(formatted == multiline)
    }

    @Test func emptyBlocksAndIncludes() throws {
        #expect(try format("include \"a.rules\"\ninclude \"b.rules\"\nscoring {   }\n")
                == "include \"a.rules\"\ninclude \"b.rules\"\n\nscoring {}\n")
    }

    @Test func refusesSourceThatDoesNotParse() {
        guard case .failure(let diagnostics) = RulesFormatter.format(source: "terms {", file: "f.rules") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostics.first?.message == "expected a name after 'terms' but found '{'")
    }
}
