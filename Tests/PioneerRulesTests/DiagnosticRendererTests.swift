import Foundation
import Testing
@testable import PioneerRules

@Suite struct DiagnosticRendererTests {
    private let source = "terms x {\n\tevidence helthwatch and plan\n}\n"

    private var diagnostic: Diagnostic {
        Diagnostic(severity: .error, message: "unknown term set 'helthwatch'",
                   location: SourceLocation(file: "r.rules", line: 2, column: 11),
                   end: SourceLocation(file: "r.rules", line: 2, column: 21),
                   notes: [Diagnostic.Note(message: "did you mean 'healthwatch'?")])
    }

    @Test func rendersLikeACompilerAndKeepsTabs() {
        #expect(DiagnosticRenderer.render([diagnostic], sources: ["r.rules": source], colour: false) == """
        r.rules:2:11: error: unknown term set 'helthwatch'
        \tevidence helthwatch and plan
        \t         ^~~~~~~~~~
        r.rules:2:11: note: did you mean 'healthwatch'?

        """)
    }

    @Test func colourIsOptional() {
        let coloured = DiagnosticRenderer.render([diagnostic], sources: ["r.rules": source], colour: true)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;32m^" + String(repeating: "~", count: 9) + "\u{1B}[0m\n"))
        #expect(!DiagnosticRenderer.render([diagnostic], sources: [:], colour: false).contains("\u{1B}"))
    }

    @Test func notesElsewhereShowTheirLine() {
        var duplicate = Diagnostic(severity: .warning, message: "w", location: SourceLocation(file: "r.rules", line: 3, column: 1))
        duplicate.notes = [Diagnostic.Note(message: "first declared here",
                                           location: SourceLocation(file: "r.rules", line: 1, column: 7))]
        #expect(DiagnosticRenderer.render([duplicate], sources: ["r.rules": source], colour: false) == """
        r.rules:3:1: warning: w
        }
        ^
        r.rules:1:7: note: first declared here
        terms x {
              ^

        """)
    }

    @Test func withoutSourceOrLocation() {
        let lost = Diagnostic(severity: .error, message: "m", location: SourceLocation(file: "gone.rules", line: 4, column: 2))
        let nowhere = Diagnostic(severity: .error, message: "too many errors; stopping", location: nil)
        #expect(DiagnosticRenderer.render([lost, nowhere], sources: [:], colour: false)
                == "gone.rules:4:2: error: m\nerror: too many errors; stopping\n")
    }

    @Test func editDistanceSuggestions() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("hbw", "hwb") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.suggestion(for: "helthwatch", among: ["plan", "healthwatch"]) == "healthwatch")
        #expect(EditDistance.suggestion(for: "zzz", among: ["plan", "healthwatch"]) == nil)
    }
}
