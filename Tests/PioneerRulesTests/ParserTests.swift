import Testing
@testable import PioneerRules

@Suite struct ParserTests {
    private func parse(_ source: String) -> (SourceFileSyntax, [Diagnostic]) {
        var bag = DiagnosticBag()
        let syntax = Parser.parse(source: source, file: "p.rules", bag: &bag)
        return (syntax, bag.items)
    }

    private func evidence(_ expression: String) -> Expression? {
        let (syntax, diagnostics) = parse("criterion c \"C\" { consideration c.x \"X\" { evidence \(expression) } }")
        guard diagnostics.isEmpty, case .criterion(let group)? = syntax.items.first?.value,
              case .consideration(let consideration)? = group.members.first?.value,
              case .evidence(let expression)? = consideration.clauses.first?.value else { return nil }
        return expression
    }

    @Test func parsesEveryDeclarationOfTheFullSample() {
        let (syntax, diagnostics) = parse(Samples.full)
        #expect(diagnostics.isEmpty)
        #expect(syntax.items.count == 16)
        #expect(syntax.endComments.map(\.text) == ["# End of file."])
        guard case .terms(let hwb) = syntax.items[5].value else {
            Issue.record("expected terms")
            return
        }
        #expect(hwb.id.name == "hwb" && hwb.title?.value == "Health and Wellbeing Board")
        #expect(hwb.phrases.map(\.value.value) == ["health and wellbeing board", "HWB", "H&WB"])
        #expect(hwb.afterFirst?.map(\.value.value) == ["the Board"])
    }

    @Test func precedenceNotBindsTighterThanAndThanOr() {
        let expression = evidence("not a and b or c")
        guard case .or(let operands)? = expression, case .and(let conjunction) = operands[0],
              case .not(.name(let a), _) = conjunction[0] else {
            Issue.record("unexpected shape \(String(describing: expression))")
            return
        }
        #expect(a.name == "a")
        #expect(operands.count == 2)
    }

    @Test func callsCountsAndNear() {
        guard case .countOf(let count, let operands)? = evidence("2 of (a, \"b\", any(c, d))") else {
            Issue.record("expected N of")
            return
        }
        #expect(count.value == 2 && operands.count == 3)
        guard case .near(_, _, let distance, _)? = evidence("near(a, any(\"x\", y), 12)") else {
            Issue.record("expected near")
            return
        }
        #expect(distance.value == 12)
        guard case .all(let items, _)? = evidence("all((a), b)"), case .parenthesized = items[0] else {
            Issue.record("expected all")
            return
        }
    }

    @Test func keywordsAreNotReservedAsNames() {
        guard case .and(let operands)? = evidence("weight and evidence") else {
            Issue.record("expected and")
            return
        }
        #expect(operands.count == 2)
        guard case .name(let any)? = evidence("any") else {
            Issue.record("'any' without '(' is a name")
            return
        }
        #expect(any.name == "any")
    }

    @Test func commentsAttachToStatements() {
        let source = "# lead\ndocument {\n  # inner\n  page_limit 10  # ten\n  # closing\n}\n"
        let (syntax, _) = parse(source)
        guard case .block(let block)? = syntax.items.first?.value else {
            Issue.record("expected block")
            return
        }
        #expect(syntax.items[0].trivia.leading.map(\.text) == ["# lead"])
        #expect(block.fields[0].trivia.leading.map(\.text) == ["# inner"])
        #expect(block.fields[0].trivia.trailing?.text == "# ten")
        #expect(block.endComments.map(\.text) == ["# closing"])
    }
}
