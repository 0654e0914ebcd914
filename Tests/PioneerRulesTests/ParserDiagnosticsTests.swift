import Testing
@testable import PioneerRules

/// Bad inputs and their exact rendered diagnostics; `1️⃣` marks where each one points.
@Suite struct ParserDiagnosticsTests {
    private func check(_ marked: String, _ expected: (([String: String]) -> String)) {
        let (source, at) = Markers.extract(marked)
        var bag = DiagnosticBag()
        _ = Parser.parse(source: source, file: "bad.rules", bag: &bag)
        let rendered = DiagnosticRenderer.render(bag.items, sources: ["bad.rules": source], colour: false)
        #expect(rendered == expected(at))
    }

    @Test func missingClosingBraceBeforeNextDeclaration() {
        check("""
        criterion vision "Vision" {
          consideration vision.a "A" {
            evidence x
        1️⃣criterion next "Next" {}
        """) { at in """
        bad.rules:\(at["1️⃣"]!): error: expected '}' to close consideration 'vision.a'
        criterion next "Next" {}
        ^~~~~~~~~
        bad.rules:\(at["1️⃣"]!): error: expected '}' to close criterion 'vision'
        criterion next "Next" {}
        ^~~~~~~~~

        """ }
    }

    @Test func unknownClauseWithSuggestion() {
        check("""
        criterion c "C" {
          consideration c.a "A" {
            1️⃣evidnce x
            guidance "g"
          }
        }
        """) { at in """
        bad.rules:\(at["1️⃣"]!): error: unexpected 'evidnce' in consideration 'c.a'
            evidnce x
            ^~~~~~~
        bad.rules:\(at["1️⃣"]!): note: did you mean 'evidence'?

        """ }
    }

    @Test func expectedAfterKeyword() {
        check("""
        document { page_limit 1️⃣ten }
        """) { at in """
        bad.rules:\(at["1️⃣"]!): error: expected a number after 'page_limit' but found 'ten'
        document { page_limit ten }
                              ^~~
        
        """ }
    }

    @Test func strayDeclaration() {
        check("""
        1️⃣critrion c "C" {}
        """) { at in """
        bad.rules:\(at["1️⃣"]!): error: expected a declaration but found 'critrion'
        critrion c "C" {}
        ^~~~~~~~
        bad.rules:\(at["1️⃣"]!): note: did you mean 'criterion'?

        """ }
    }

    @Test func severalIndependentMistakesInOneRun() {
        let (source, at) = Markers.extract("""
        ruleset "R" { version 1️⃣2 }
        document { page_limit 10 }
        terms t { "a" 2️⃣@ "b" }
        criterion c "C" {
          consideration c.a "A" {
            evidence t and 3️⃣)
            guidance "ok"
          }
          4️⃣wieght 2
        }
        gate g "G" { when missing 5️⃣caps not-met }
        scoring { band meets at 6️⃣"70" }
        """)
        var bag = DiagnosticBag()
        _ = Parser.parse(source: source, file: "bad.rules", bag: &bag)
        let found = bag.items.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        #expect(found == [
            "\(at["2️⃣"]!) unexpected character '@'",
            "\(at["1️⃣"]!) expected a string after 'version' but found '2'",
            "\(at["3️⃣"]!) expected an expression but found ')'",
            "\(at["4️⃣"]!) unexpected 'wieght' in criterion 'c'",
            "\(at["5️⃣"]!) expected 'cap' after 'missing' but found 'caps'",
            "\(at["6️⃣"]!) expected a number after 'at' but found a string",
        ])
    }

    @Test func unterminatedStringIsOneErrorAndParsingGoesOn() {
        check("""
        ruleset 1️⃣"never closed {
        document { page_limit 2️⃣x }
        """) { at in """
        bad.rules:\(at["1️⃣"]!): error: unterminated string
        ruleset "never closed {
                ^~~~~~~~~~~~~~~
        bad.rules:\(at["2️⃣"]!): error: expected a number after 'page_limit' but found 'x'
        document { page_limit x }
                              ^

        """ }
    }
}
