import Testing
@testable import PioneerDocuments

@Suite("DOCX content")
struct DOCXContentTests {
    typealias B = DOCXBuilder

    static func blocks(_ body: String, styles: String? = nil) throws -> [Block] {
        try B.read(B.package(body: body, styles: styles)).blocks
    }

    static let headingStyles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="BidSection"><w:name w:val="Bid Section"/><w:basedOn w:val="Heading1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Outline2"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
        <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
        <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>
        <w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        """

    @Test("headings through styles, basedOn, outline levels and Title; a basedOn cycle ends")
    func headings() throws {
        let body = [B.paragraph("Vision", properties: "<w:pStyle w:val=\"Heading1\"/>"),
                    B.paragraph("Governance", properties: "<w:pStyle w:val=\"BidSection\"/>"),
                    B.paragraph("Finance", properties: "<w:pStyle w:val=\"Outline2\"/>"),
                    B.paragraph("Our Pioneer Bid", properties: "<w:pStyle w:val=\"Title\"/>"),
                    B.paragraph("Direct", properties: "<w:outlineLvl w:val=\"2\"/>"),
                    B.paragraph("Looping", properties: "<w:pStyle w:val=\"LoopA\"/>"),
                    B.paragraph("Body text")].joined()
        let kinds = try Self.blocks(body, styles: Self.headingStyles).map(\.kind)
        #expect(kinds == [.heading(level: 1), .heading(level: 1), .heading(level: 2), .heading(level: 1), .heading(level: 3), .paragraph, .paragraph])
    }

    @Test("numbered and bulleted lists give list items with levels")
    func lists() throws {
        let body = [B.paragraph("first", properties: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"),
                    B.paragraph("nested", properties: "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>"),
                    B.paragraph("unnumbered", properties: "<w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
                    B.paragraph("styled bullet", properties: "<w:pStyle w:val=\"Bullets\"/>")].joined()
        let kinds = try Self.blocks(body, styles: Self.headingStyles).map(\.kind)
        #expect(kinds == [.listItem(level: 1), .listItem(level: 2), .paragraph, .listItem(level: 1)])
    }

    @Test("tables give cells with rows and columns; spans and nested tables are followed")
    func tables() throws {
        func cell(_ text: String, span: Int = 1) -> String {
            "<w:tc>\(span > 1 ? "<w:tcPr><w:gridSpan w:val=\"\(span)\"/></w:tcPr>" : "")\(B.paragraph(text))</w:tc>"
        }
        let nested = "<w:tc><w:tbl><w:tr>\(cell("inner"))</w:tr></w:tbl>\(B.paragraph("after inner"))</w:tc>"
        let body = "<w:tbl><w:tr>\(cell("Owner", span: 2))\(cell("Date"))</w:tr><w:tr>\(cell("Jane"))\(cell("Board"))\(nested)</w:tr></w:tbl>"
            + "<w:tbl><w:tr><w:tc>\(B.paragraph("line one"))\(B.paragraph("line two"))</w:tc></w:tr></w:tbl>"
        let blocks = try Self.blocks(body)
        #expect(blocks.map(\.kind) == [.tableCell(row: 1, column: 1), .tableCell(row: 1, column: 3), .tableCell(row: 2, column: 1),
                                       .tableCell(row: 2, column: 2), .tableCell(row: 1, column: 1), .tableCell(row: 2, column: 3),
                                       .tableCell(row: 1, column: 1)])
        #expect(blocks.map(\.text) == ["Owner", "Date", "Jane", "Board", "inner", "after inner", "line one\nline two"])
    }

    @Test("text boxes are read once: mc:Choice is taken, mc:Fallback skipped")
    func textBoxes() throws {
        let box = "<w:txbxContent>\(B.paragraph("Boxed quote"))</w:txbxContent>"
        let run = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>\(box)</wps:txbx></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:textbox>\(box)</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        let text = try Self.blocks("<w:p>\(run)<w:r><w:t>Anchor</w:t></w:r></w:p>").map(\.text)
        #expect(text == ["Boxed quote", "Anchor"])
    }

    @Test("deleted text and field codes are skipped; inserted text, hyperlinks, fields and content controls kept")
    func revisionsAndFields() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">The board </w:t></w:r><w:del w:id="1"><w:r><w:delText>never </w:delText></w:r></w:del>\
            <w:ins w:id="2"><w:r><w:t xml:space="preserve">meets </w:t></w:r></w:ins>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t xml:space="preserve">monthly </w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t xml:space="preserve">online </w:t></w:r></w:hyperlink>\
            <w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve">today </w:t></w:r></w:fldSimple>\
            <w:sdt><w:sdtPr><w:alias w:val="Owner"/></w:sdtPr><w:sdtContent><w:r><w:t>Jane</w:t></w:r></w:sdtContent></w:sdt></w:p>
            """
        #expect(try Self.blocks(body).map(\.text) == ["The board meets monthly online today Jane"])
    }

    @Test("tabs, breaks, non-breaking hyphens and symbols become characters")
    func specialCharacters() throws {
        let body = "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t>"
            + "<w:sym w:font=\"Symbol\" w:char=\"F041\"/></w:r></w:p>"
        #expect(try Self.blocks(body).map(\.text) == ["a\tb\nc\nd-eA"])
    }

    @Test("footnotes follow their reference (after the table row); endnotes follow the body; separators are skipped")
    func notes() throws {
        func reference(_ kind: String, _ id: Int) -> String { "<w:r><w:\(kind)Reference w:id=\"\(id)\"/></w:r>" }
        let body = "<w:p><w:r><w:t>Pooled budget</w:t></w:r>\(reference("endnote", 1))</w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>£3m</w:t></w:r>\(reference("footnote", 2))</w:p></w:tc><w:tc>\(B.paragraph("2014"))</w:tc></w:tr></w:tbl>"
            + B.paragraph("Next")
        let footnotes = "<w:footnotes \(B.namespaces)><w:footnote w:type=\"separator\" w:id=\"-1\">\(B.paragraph("SEPARATOR"))</w:footnote>"
            + "<w:footnote w:id=\"2\">\(B.paragraph("Source: CCG plan"))</w:footnote></w:footnotes>"
        let endnotes = "<w:endnotes \(B.namespaces)><w:endnote w:id=\"1\">\(B.paragraph("See annex"))</w:endnote></w:endnotes>"
        let document = try B.read(B.package(body: body, parts: [("word/footnotes.xml", footnotes), ("word/endnotes.xml", endnotes)]))
        #expect(document.blocks.map(\.text) == ["Pooled budget", "£3m", "2014", "Source: CCG plan", "Next", "See annex"])
        #expect(document.blocks[3].kind == .paragraph)
        #expect(document.wordCount == 10)
    }

    @Test("the main document is found through _rels/.rels when it is not word/document.xml")
    func mainDocumentFromRelationships() throws {
        var zip = ZipBuilder()
        zip.add("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/doc/main.xml\"/></Relationships>")
        zip.add("doc/main.xml", B.documentXML(B.paragraph("Found it", properties: "<w:pStyle w:val=\"Heading1\"/>")))
        zip.add("doc/styles.xml", B.stylesXML(Self.headingStyles))
        #expect(try B.read(zip.build()).blocks == [Block(kind: .heading(level: 1), text: "Found it", page: 1, line: 1)])
    }

    @Test("words are counted over the body text")
    func wordCount() throws {
        let document = try B.read(B.package(body: B.paragraph("one two  three") + B.paragraph("four") + B.paragraph("")))
        #expect(document.wordCount == 4)
        #expect(document.format == .docx)
        #expect(document.path == "test.docx")
    }
}
