/// Collects the paragraphs of `word/document.xml`: runs, breaks, tables, text boxes, content controls,
/// hyperlinks and inserted text; skips deleted text, field codes, property-change history and `mc:Fallback`.
struct WordBodyHandler: XMLEventHandler {
    var paragraphs: [WordParagraph] = []
    var pageSetup = PageSetup()
    var failure: WordXMLError?
    let maxCharacters: Int

    private var open: [WordParagraph] = []
    private var tables: [TableState] = []
    private var nextKey = 0
    private var skipDepth = 0
    private var textBoxDepth = 0
    private var inText = false
    private var inParagraphProperties = false
    private var inRunProperties = false
    private var inSection = false
    private var sectionBreaks = false
    private var runFontSize: Int?
    /// Characters of text read so far, against `maxCharacters`.
    private(set) var characterCount = 0
    /// Inside `w:footnote` / `w:endnote` of a notes part: the note being read.
    private var currentNote: String?
    private var inInlinePicture = false

    /// Subtrees whose text is not part of the document.
    static let skipped: Set<String> = ["del", "moveFrom", "instrText", "delText", "delInstrText", "pPrChange", "rPrChange",
                                       "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange"]

    init(maxCharacters: Int) { self.maxCharacters = maxCharacters }

    mutating func start(_ name: XMLName, attributes: [String: String]) {
        if skipDepth > 0 || (name.namespace == .markupCompatibility && name.local == "Fallback")
            || (name.namespace == .word && Self.skipped.contains(name.local)) {
            skipDepth += 1
            return
        }
        guard name.namespace == .word else { return startDrawing(name, attributes: attributes) }
        if inSection { return startSectionChild(name, attributes: attributes) }
        switch name.local {
        case "p": open.append(WordParagraph(cell: currentCell(), inTextBox: textBoxDepth > 0, note: currentNote))
        case "footnote", "endnote": startNote(name.local, attributes: attributes)
        case "pPr": inParagraphProperties = true
        case "rPr": inRunProperties = true
        case "r": runFontSize = nil
        case "sectPr": startSection(attributes)
        case "txbxContent": textBoxDepth += 1
        case "tbl", "tr", "tc", "gridSpan", "tcW": startTable(name.local, attributes: attributes)
        default: startInline(name.local, attributes: attributes)
        }
    }

    mutating func end(_ name: XMLName) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if name.namespace == .other, name.local == "inline" { inInlinePicture = false }
        guard name.namespace == .word else { return }
        switch name.local {
        case "p": endParagraph()
        case "pPr": inParagraphProperties = false
        case "rPr": inRunProperties = false
        case "t": inText = false
        case "sectPr": inSection = false
        case "txbxContent": textBoxDepth = max(0, textBoxDepth - 1)
        case "tbl": _ = tables.popLast()
        case "footnote", "endnote": currentNote = nil
        default: break
        }
    }

    mutating func characters(_ text: String) {
        guard inText, skipDepth == 0 else { return }
        append(text)
    }
}

private extension WordBodyHandler {
    struct TableState {
        var row = 0
        var column = 0
        var nextColumn = 1
        var rowKey = 0
        var cellKey = 0
        var width: Int?
    }

    mutating func startInline(_ local: String, attributes: [String: String]) {
        if inParagraphProperties {
            if !inRunProperties || local == "sz" { open.indices.last.map { open[$0].properties.apply(XMLName.word(local), attributes: attributes) } }
            return
        }
        if inRunProperties {
            if local == "sz" { runFontSize = attributes["val"].flatMap { Int($0) }.map { min(max($0, 2), 3276) } }
            return
        }
        switch local {
        case "t": inText = true
        case "tab", "ptab": append("\t")
        case "cr": appendLineBreak()
        case "br": attributes["type"] == "page" ? pageBreak() : appendLineBreak()
        case "noBreakHyphen": append("-")
        case "sym": appendSymbol(attributes["char"])
        case "lastRenderedPageBreak": renderedPageBreak()
        case "footnoteReference", "endnoteReference":
            guard let id = attributes["id"], let last = open.indices.last else { return }
            open[last].noteReferences.append((local == "footnoteReference" ? "footnote:" : "endnote:") + id)
        default: break
        }
    }

    mutating func append(_ text: String) {
        guard let last = open.indices.last else { return }
        characterCount += text.unicodeScalars.count
        guard characterCount <= maxCharacters else {
            failure = .textTooLong(limit: maxCharacters)
            return
        }
        open[last].text += text
        if let size = runFontSize, text.contains(where: { !$0.isWhitespace }) {
            open[last].runFontSize = max(open[last].runFontSize ?? 0, size)
        }
    }

    mutating func appendLineBreak() {
        append("\n")
        open.indices.last.map { open[$0].lineBreaks += 1 }
    }

    mutating func appendSymbol(_ hex: String?) {
        guard let hex, var value = UInt32(hex, radix: 16) else { return }
        if value >= 0xF000 && value <= 0xF0FF { value -= 0xF000 }
        if let scalar = Unicode.Scalar(value), value >= 0x20 { append(String(Character(scalar))) }
    }

    mutating func pageBreak() {
        guard let last = open.indices.last else { return }
        if open[last].hasText { open[last].hardBreaksAfter += 1 } else { open[last].hardBreaksBefore += 1 }
    }

    mutating func renderedPageBreak() {
        guard let last = open.indices.last, !open[last].inTextBox else { return }
        if open[last].hasText { open[last].renderedBreaksAfter += 1 } else { open[last].renderedBreaksBefore += 1 }
    }

    mutating func endParagraph() {
        guard var paragraph = open.popLast() else { return }
        if sectionBreaks { paragraph.hardBreaksAfter += 1 }
        sectionBreaks = false
        inParagraphProperties = false
        paragraphs.append(paragraph)
    }

    /// A `w:sectPr` inside `w:pPr` ends a section; unless it is continuous the next section starts a page.
    mutating func startSection(_ attributes: [String: String]) {
        inSection = true
        pageSetup = PageSetup()
        if inParagraphProperties { sectionBreaks = true }
    }

    mutating func startSectionChild(_ name: XMLName, attributes: [String: String]) {
        if name.local == "type", attributes["val"] == "continuous" || attributes["val"] == "nextColumn" { sectionBreaks = false }
        pageSetup.apply(name, attributes: attributes)
    }

    mutating func startTable(_ local: String, attributes: [String: String]) {
        switch local {
        case "tbl": tables.append(TableState())
        case "tr":
            guard let last = tables.indices.last else { return }
            tables[last].row += 1
            tables[last].nextColumn = 1
            if tables.count == 1 { tables[last].rowKey = newKey() }
        case "tc":
            guard let last = tables.indices.last else { return }
            tables[last].column = tables[last].nextColumn
            tables[last].nextColumn += 1
            tables[last].cellKey = newKey()
            tables[last].width = nil
        case "gridSpan":
            guard let last = tables.indices.last, let span = attributes["val"].flatMap({ Int($0) }), span > 1 else { return }
            tables[last].nextColumn = tables[last].column + min(span, 64)
        default:
            guard let last = tables.indices.last, attributes["type"] == "dxa", let width = attributes["w"].flatMap({ Int($0) }) else { return }
            tables[last].width = min(max(width, 0), 31_680)
        }
    }

    /// Inline pictures take their height on the page (EMU: 635 to the twip); floating ones are not counted.
    mutating func startDrawing(_ name: XMLName, attributes: [String: String]) {
        guard name.namespace == .other else { return }
        if name.local == "inline" { inInlinePicture = true }
        guard name.local == "extent", inInlinePicture, let last = open.indices.last,
              let height = attributes["cy"].flatMap({ Int($0) }) else { return }
        open[last].pictureHeight += min(max(height / 635, 0), 31_680)
    }

    /// Separator notes (the rule above the notes) hold no text of the document.
    mutating func startNote(_ local: String, attributes: [String: String]) {
        let type = attributes["type"] ?? "normal"
        currentNote = type == "normal" ? attributes["id"].map { "\(local):\($0)" } : nil
        if type != "normal" { skipDepth = 1 }
    }

    mutating func newKey() -> Int {
        nextKey += 1
        return nextKey
    }

    func currentCell() -> WordParagraph.TableCell? {
        guard let inner = tables.last, let outer = tables.first, inner.row > 0, inner.column > 0 else { return nil }
        return WordParagraph.TableCell(row: inner.row, column: inner.column, cellKey: inner.cellKey,
                                       outerRowKey: outer.rowKey, outerCellKey: outer.cellKey, width: outer.width)
    }
}
