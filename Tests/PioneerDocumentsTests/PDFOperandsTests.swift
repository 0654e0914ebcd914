import Testing
@testable import PioneerDocuments

@Suite("PDF content-stream operands")
struct PDFOperandsTests {
    @Test("numbers and objects are read back from the end, each as its kind")
    func fromEnd() {
        var operands = Operands()
        operands.push(.name("F1"))
        operands.push(.int(12))
        #expect(operands.count == 2)
        #expect(operands.number(fromEnd: 0) == 12)
        #expect(operands.object(fromEnd: 0) == nil)
        #expect(operands.object(fromEnd: 1)?.nameValue == "F1")
        #expect(operands.number(fromEnd: 1) == nil)
        #expect(operands.has(fromEnd: 1))
        #expect(!operands.has(fromEnd: 2))
        #expect(operands.number(fromEnd: 2) == nil)
        #expect(operands.object(fromEnd: -1) == nil)
    }

    @Test("a non-finite real is no number, as PDFObject.doubleValue has it")
    func nonFinite() {
        var operands = Operands()
        operands.push(.real(.infinity))
        operands.push(number: -.infinity)
        #expect(operands.number(fromEnd: 0) == nil)
        #expect(operands.number(fromEnd: 1) == nil)
        #expect(operands.object(fromEnd: 1)?.doubleValue == nil)
    }

    @Test("cleared slots are reused: a stale object never shows through a number")
    func clearReusesSlots() {
        var operands = Operands()
        operands.push(.string(Array("old".utf8)))
        operands.push(.name("Stale"))
        operands.clear()
        #expect(operands.count == 0)
        #expect(operands.object(fromEnd: 0) == nil)
        operands.push(number: 3)
        #expect(operands.number(fromEnd: 0) == 3)
        #expect(operands.object(fromEnd: 0) == nil)
        operands.push(.string(Array("new".utf8)))
        #expect(operands.object(fromEnd: 0)?.stringValue == Array("new".utf8))
    }

    @Test("a matrix needs six numbers at the end")
    func matrix() {
        var operands = Operands()
        for value in [9, 1, 0, 0, 1, 72, 700] { operands.push(.int(value)) }
        #expect(operands.matrix == Matrix(1, 0, 0, 1, 72, 700))
        operands.clear()
        for value in [1, 0, 0, 1, 72] { operands.push(.int(value)) }
        #expect(operands.matrix == nil)
        operands.push(.name("x"))
        #expect(operands.matrix == nil)
        #expect(Matrix([.int(1), .real(0.5), .int(0), .int(2), .int(3), .int(4)]) == Matrix(1, 0.5, 0, 2, 3, 4))
        #expect(Matrix([.int(1), .int(0), .null, .int(1), .int(0), .int(0)]) == nil)
    }

    @Test("Tf, Td and TJ read their operands through the slots, page after page of reuse")
    func endToEnd() throws {
        let content = "BT /F1 10 Tf 72 700 Td [(Wide) -300 (gap)] TJ 1 0 0 1 72 600 Tm (Second) Tj ET"
        #expect(try PDFBuilder.text(PDFBuilder.document(pages: [content])) == "Wide gap\nSecond")
    }
}
