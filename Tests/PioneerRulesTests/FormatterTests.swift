import Foundation
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

@Suite struct FormatterRobustnessTests {
    /// Deleting any one line of the sample gives many slightly broken files; every one that parses
    /// must format idempotently, and every one that compiles must keep its fingerprint.
    @Test func idempotentOnEveryOneLineDeletion() throws {
        let lines = Samples.full.split(separator: "\n", omittingEmptySubsequences: false)
        var formattedCount = 0
        for index in lines.indices {
            var variant = lines
            variant.remove(at: index)
            let source = variant.joined(separator: "\n")
            guard case .success(let once) = RulesFormatter.format(source: source, file: "v.rules") else { continue }
            formattedCount += 1
            #expect(try RulesFormatter.format(source: once, file: "v.rules").get() == once, "line \(index + 1)")
            let before = Compile.source(source).rules?.fingerprint
            #expect(Compile.source(once).rules?.fingerprint == before, "line \(index + 1)")
        }
        #expect(formattedCount > lines.count / 2)
    }

    @Test func readmeWalkThroughCompiles() throws {
        let source = Compile.header + """
        negation { after { "have not yet" } }
        terms carers "Carers" {
          "carer*"
          "family carers"
          "young carers"
        }

        terms involvement "Involvement verbs" {
          "co-produced"
          "co-designed"
          "consulted"
          "engaged"
          "involved"
        }
        criterion vision "Vision" {
          consideration vision.carers "Carers shaped the vision" {
            guidance "Say which carers' groups were involved, how, and when; name the group."
            evidence near(carers, involvement, 10)
            strong when proper_name or date or figure
            example met "We co-produced this vision with the Northshire Carers' Forum in May 2013."
            example partial "Carers were involved in developing our plans."
            example missing "Carers have not yet been consulted."
          }
        }
        """
        let result = Compile.source(source)
        #expect(result.diagnostics.isEmpty)
        let consideration = try #require(result.rules?.criteria.first?.considerations.first)
        #expect(consideration.evidence == .near(.termSet(0), .termSet(1), words: 10))
        #expect(consideration.examples.map(\.expected) == [.met, .partial, .missing])
    }
}

@Suite struct FormatterFidelityTests {
    @Test func everyCommentSurvives() throws {
        let formatted = try RulesFormatter.format(source: Samples.full, file: "f.rules").get()
        func comments(_ text: String) -> [String] {
            text.split(separator: "\n").compactMap { line in
                line.firstIndex(of: "#").map { String(line[$0...]).trimmingCharacters(in: .whitespaces) }
            }
        }
        #expect(comments(formatted) == comments(Samples.full))
    }

    @Test func windowsLineEndingsCompileToTheSameModel() throws {
        let crlf = Samples.full.replacingOccurrences(of: "\n", with: "\r\n")
        let lf = try #require(Compile.source(Samples.full).rules)
        let result = Compile.source(crlf)
        #expect(result.diagnostics.isEmpty)
        #expect(result.rules?.fingerprint == lf.fingerprint)
        #expect(try RulesFormatter.format(source: crlf, file: "f.rules").get()
                == RulesFormatter.format(source: Samples.full, file: "f.rules").get())
    }
}
