#!/usr/bin/env python3
"""Generate the binary sample bids in submissions/ with the Python standard library only.

    python3 scripts/make-sample-docs.py            # writes both files
    python3 scripts/make-sample-docs.py --check    # regenerates in memory, fails if the files differ

Outputs (deterministic: fixed timestamps, no random ids, so re-running gives identical bytes):
  submissions/lowfield-table.docx  - built from submissions/lowfield-table.md: the Markdown
      headings become Heading1/Heading2 paragraphs, the pipe table a w:tbl, the rest Normal
      paragraphs. docProps/app.xml declares <Pages>4</Pages>.
  submissions/southport-pdf-bid.pdf - a hand-written PDF 1.4: Helvetica and Helvetica-Bold
      (WinAnsiEncoding), one FlateDecode content stream per page, text placed with
      BT/Tf/Td/Tj/ET, lines wrapped with the Helvetica metrics, a correct xref table.
      Its source text lives only in this script (SOUTHPORT below), so the batch ranking has
      no duplicate Markdown row for it.
"""
import re
import sys
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = ROOT / "submissions"
FIXED_TIME = (2013, 6, 27, 12, 0, 0)

# --------------------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_PAGES = 4


def parse_markdown(text):
    """Return a list of ('h1'|'h2'|'p', text) and ('table', rows) items."""
    items, table = [], None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            if table is None:
                table = []
                items.append(("table", table))
            table.append(cells)
            continue
        table = None
        if not line:
            continue
        if line.startswith("## "):
            items.append(("h2", line[3:]))
        elif line.startswith("# "):
            items.append(("h1", line[2:]))
        else:
            items.append(("p", line))
    return items


def run_xml(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph_xml(text, style=None, bold=False):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{run_xml(text, bold)}</w:p>"


def table_xml(rows):
    widths = [2600, 6426]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"9026\" w:type=\"dxa\"/>"
        "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\""
        " w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>",
        f"<w:tblGrid>{grid}</w:tblGrid>",
    ]
    for index, row in enumerate(rows):
        header = index == 0
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        cells = []
        for width, cell in zip(widths, row):
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f"{paragraph_xml(cell, bold=header)}</w:tc>"
            )
        out.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml(items):
    body = []
    for kind, value in items:
        if kind == "h1":
            body.append(paragraph_xml(value, "Heading1"))
        elif kind == "h2":
            body.append(paragraph_xml(value, "Heading2"))
        elif kind == "table":
            body.append(table_xml(value))
            body.append("<w:p/>")
        else:
            body.append(paragraph_xml(value))
    sect = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
        "</w:sectPr>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{''.join(body)}{sect}</w:body></w:document>"
    )


STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>
"""

CONTENT_TYPES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"""

ROOT_RELS_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"""

DOCUMENT_RELS_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"""

CORE_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Lowfield Together: Expression of Interest</dc:title>
<dc:creator>Lowfield City Council</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2013-06-27T12:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2013-06-27T12:00:00Z</dcterms:modified>
</cp:coreProperties>
"""


def app_xml(words, characters):
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<Template>Normal.dotm</Template>
<TotalTime>214</TotalTime>
<Pages>{DOCX_PAGES}</Pages>
<Words>{words}</Words>
<Characters>{characters}</Characters>
<Application>Microsoft Office Word</Application>
<DocSecurity>0</DocSecurity>
<Lines>{max(1, characters // 80)}</Lines>
<Paragraphs>62</Paragraphs>
<Company>Lowfield City Council</Company>
<AppVersion>14.0000</AppVersion>
</Properties>
"""


def zip_bytes(parts):
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def build_docx():
    markdown = (SUBMISSIONS / "lowfield-table.md").read_text(encoding="utf-8")
    items = parse_markdown(markdown)
    texts = []
    for kind, value in items:
        texts.extend(" ".join(value_row) for value_row in value) if kind == "table" else texts.append(value)
    words = sum(len(t.split()) for t in texts)
    characters = sum(len(t.replace(" ", "")) for t in texts)
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", ROOT_RELS_XML),
        ("word/document.xml", document_xml(items)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS_XML),
        ("word/styles.xml", STYLES_XML),
        ("docProps/core.xml", CORE_XML),
        ("docProps/app.xml", app_xml(words, characters)),
    ]
    return zip_bytes(parts)


# --------------------------------------------------------------------------- PDF

# Helvetica advance widths (1/1000 em) for WinAnsi codes 32..126, from the standard AFM.
HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
HELVETICA_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]
EXTRA_WIDTHS = {0xA3: 556, 0x96: 556, 0x95: 350, 0x92: 222, 0x91: 222, 0x93: 333, 0x94: 333}

PAGE_W, PAGE_H = 595, 842
LEFT, RIGHT, TOP, BOTTOM = 62, 62, 64, 72
BODY_SIZE, BODY_LEADING = 10.5, 14
HEAD_SIZE, HEAD_LEADING = 12.5, 17
TITLE_SIZE = 16


def text_width(data, size, bold):
    table = HELVETICA_BOLD if bold else HELVETICA
    total = 0
    for byte in data:
        total += table[byte - 32] if 32 <= byte <= 126 else EXTRA_WIDTHS.get(byte, 556)
    return total * size / 1000


def wrap(text, size, bold, width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate.encode("cp1252"), size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def pdf_string(text):
    data = text.encode("cp1252")
    data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + data + b")"


def layout(source):
    """Lay the source out into pages: each page is a list of (font, size, x, y, [lines], leading)."""
    pages, page, y = [], [], PAGE_H - TOP
    width = PAGE_W - LEFT - RIGHT

    def new_page():
        nonlocal page, y
        pages.append(page)
        page, y = [], PAGE_H - TOP

    blocks = []
    for block in source.strip().split("\n\n"):
        lines = block.strip().split("\n")
        if lines[0].startswith("- "):
            blocks.extend(line.strip() for line in lines)  # one list item per line
        else:
            blocks.append(" ".join(line.strip() for line in lines))
    for block in blocks:
        if block.startswith("# "):
            font, size, leading, text, indent, before = "F2", TITLE_SIZE, 21, block[2:], 0, 0
        elif block.startswith("## "):
            font, size, leading, text, indent, before = "F2", HEAD_SIZE, HEAD_LEADING, block[3:], 0, 8
        elif block.startswith("- "):
            font, size, leading, text, indent, before = "F1", BODY_SIZE, BODY_LEADING, block[2:], 14, 0
        else:
            font, size, leading, text, indent, before = "F1", BODY_SIZE, BODY_LEADING, block, 0, 0
        lines = wrap(text, size, font == "F2", width - indent)
        bullet = block.startswith("- ")
        if font == "F2" and y - before - leading * (len(lines) + 3) < BOTTOM:
            new_page()  # keep a heading with the first lines of its section
        y -= before
        while lines:
            room = max(1, int((y - BOTTOM) // leading))
            chunk, lines = lines[:room], lines[room:]
            if bullet:
                page.append(("F1", size, LEFT + 2, y, ["\u2022"], leading))
                bullet = False
            page.append((font, size, LEFT + indent, y, chunk, leading))
            y -= leading * len(chunk)
            if lines:
                new_page()
        y -= 6
    pages.append(page)
    return [p for p in pages if p]


def content_stream(page, number, total):
    ops = []
    for font, size, x, y, lines, leading in page:
        ops.append(f"BT /{font} {size:g} Tf {x:g} {y:g} Td".encode())
        for index, line in enumerate(lines):
            if index:
                ops.append(f"0 {-leading:g} Td".encode())
            ops.append(pdf_string(line) + b" Tj")
        ops.append(b"ET")
    footer = f"Southport Bay Integrated Care Pioneer EOI \u2013 page {number} of {total}"
    ops.append(f"BT /F1 8 Tf {LEFT} 40 Td".encode() + b" " + pdf_string(footer) + b" Tj ET")
    return b"\n".join(ops) + b"\n"


def build_pdf():
    pages = layout(SOUTHPORT)
    total = len(pages)
    objects = {}  # number -> bytes
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objects[5] = (
        b"<< /Title (Southport Bay: Expression of Interest) /Author (Southport Bay Borough Council)"
        b" /Producer (make-sample-docs.py) /CreationDate (D:20130627120000Z) >>"
    )
    kids = []
    for index, page in enumerate(pages):
        page_obj, content_obj = 6 + 2 * index, 7 + 2 * index
        kids.append(f"{page_obj} 0 R")
        stream = zlib.compress(content_stream(page, index + 1, total), 9)
        objects[page_obj] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}]"
            f" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_obj} 0 R >>"
        ).encode()
        objects[content_obj] = (
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream"
        )
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {total} >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n".encode()
    out += b"0000000000 65535 f \n"
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out), total


# --------------------------------------------------------------------------- main


def main():
    check = "--check" in sys.argv[1:]
    docx = build_docx()
    pdf, pdf_pages = build_pdf()
    outputs = [(SUBMISSIONS / "lowfield-table.docx", docx), (SUBMISSIONS / "southport-pdf-bid.pdf", pdf)]
    status = 0
    for path, data in outputs:
        if check:
            same = path.exists() and path.read_bytes() == data
            print(f"{path.relative_to(ROOT)}: {'up to date' if same else 'DIFFERS'}")
            status |= 0 if same else 1
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    print(f"southport-pdf-bid.pdf has {pdf_pages} pages; {len(SOUTHPORT.split())} source words")
    return status


SOUTHPORT = """
# Southport Bay: Expression of Interest to become an Integrated Care and Support Pioneer

A joint submission from Southport Bay Borough Council and NHS Southport Bay Clinical Commissioning Group, June 2013. Contact: Elaine Fairbrother, Director of Adult Social Care, Southport Bay Borough Council.

## Introduction

Southport Bay is a coastal borough of 176,000 people. Nearly a quarter of our residents are over 65, one of the highest proportions in England, and many older people move to the borough in retirement, often away from their families. Our seaside wards also contain pockets of serious deprivation, with high rates of mental ill health, alcohol misuse and long-term worklessness in former guest houses converted to houses in multiple occupation.

The council and the CCG have worked together closely since the CCG was authorised, and we believe that becoming a pioneer would help us move faster towards the joined-up care our residents need. This expression of interest sets out our proposals against the six criteria.

## 1. Our vision

Our vision is that older people and adults with long-term conditions in Southport Bay receive care that is co-ordinated around them, that helps them stay independent in their own homes, and that treats them and their families as partners.

We will use the National Voices Narrative as the framework for our work on integrated care and we are keen to align with the Making it Real markers.

By March 2017, compared with 2012/13, we aim to:

- reduce emergency admissions for people aged 75 and over by 10%, from 5,940 to 5,350 a year;
- reduce delayed transfers of care from 12.6 to 8.0 per 100,000 adults;
- increase the proportion of older people still at home 91 days after discharge from hospital into reablement from 77% to 85%;
- reduce permanent admissions of older people to residential and nursing care from 395 to 340 a year.

These measures are drawn from the Adult Social Care Outcomes Framework (measures 2A, 2B and 2C) and the NHS Outcomes Framework (indicator 3b and domain 2), and they are included in our Joint Health and Wellbeing Strategy. The council's Head of Performance and Intelligence, Tom Ridley, will report them to the programme board every quarter from October 2013, and they will be our main measures of success.

We anticipate that integration will generate significant efficiencies, particularly through reduced hospital admissions and fewer care home placements. We intend to quantify these and agree a reinvestment plan, working with the commissioning support unit, during the autumn.

## 2. Whole system integration

Our plan covers adult social care, community health services, primary care, mental health and public health. Southport Bay Hospitals NHS Foundation Trust provides acute and community services; mental health services are provided by Coastal Partnership NHS Foundation Trust. Both trusts, the 27 GP practices, the council's housing and public health teams, and Southport Bay Council for Voluntary Service are partners in the programme. The police and the probation service will join us for the work on people with multiple needs in the seaside wards.

Prevention is a priority. From April 2014 the council's public health team will invest £410,000 a year in a prevention programme for older people, including falls prevention, a winter warmth service and a social prescribing scheme delivered by the voluntary sector. The reablement service will be expanded with 15 additional staff by March 2014 so that it can accept all referrals from hospital.

We want people to have more choice and control, and we will look at how personal budgets and personal health budgets can support this as the programme develops.

We will focus first on the people who use services most intensively. The CCG's risk stratification tool identifies around 2,600 people at highest risk of emergency admission, most of them over 75 and living with several long-term conditions. A second group is around 350 adults in the seaside wards with a combination of mental ill health, substance misuse and insecure housing, who are frequent attenders at the emergency department. Five integrated locality teams, each bringing together community nurses, social workers, therapists and a mental health practitioner, will work with both groups from April 2014.

Many older people in Southport Bay are supported by spouses and neighbours rather than by family living nearby. We value the role of carers and communities and will consider how the locality teams can support them.

## 3. Commitment

The programme is jointly sponsored by the Leader of Southport Bay Borough Council, Councillor Andrew Tully, and the Chair of NHS Southport Bay CCG, Dr Nadia Ferreira. The council's Cabinet approved this submission on 13 June 2013 and the CCG Governing Body on 20 June 2013. The chief executives of both NHS trusts support the application.

GPs, community nurses and social workers have contributed to the design of the locality teams through the CCG's clinical forums, and we will continue to involve staff as the programme develops.

We have discussed our proposals with the Southport Bay Older People's Forum and with the borough's carers' group, and we will seek their views again as the programme develops.

The programme will be overseen by the Integrated Care Programme Board, chaired jointly by Elaine Fairbrother and the CCG's Chief Officer, Michael Haig, which has met monthly since March 2013 and reports to the Health and Wellbeing Board. We will extend our existing section 75 agreement, which covers a £22 million pooled budget for learning disability and mental health services, to the locality teams from April 2014. An information sharing agreement between the council, the CCG, both NHS trusts and all 27 GP practices was signed in January 2013 and allows locality teams to share records using the NHS number.

Healthwatch Southport Bay has been informed of our proposals and will be invited to join the programme board. We will develop a plan for engaging the public and staff in the coming months.

The Southport Bay Health and Wellbeing Board considered this expression of interest at its meeting on 25 June 2013 and resolved to support the application.

## 4. Capability

We have experience of delivering integrated services. Since 2010 our joint intermediate care service, combining council reablement staff and NHS therapists, has increased the proportion of older people still at home 91 days after discharge from 69% to 77%. Our pooled budget for learning disability and mental health services has operated successfully since 2008, and in 2012 the council and the CCG jointly recommissioned all home care contracts in the borough within nine months.

We recognise that there will be barriers, including payment systems that do not reward keeping people out of hospital, separate IT systems and differences in organisational culture, and we will address these as the programme develops.

A risk register for the programme will be established by the programme board.

## 5. Sharing learning

We commit to sharing what we learn. Dr Nadia Ferreira and Elaine Fairbrother will represent Southport Bay in the national network of pioneers, and we will host an annual learning event for other coastal areas, the first in spring 2014. GPs and team managers will take part in peer-to-peer learning with other pioneer sites, and we will publish our locality team specification.

## 6. Evidence

Our approach is informed by national evidence on integrated care for older people and by the results of our own intermediate care service.

We commit to working with national partners to co-produce, test and refine new measures of people's experience of integrated care and support, and we would welcome the opportunity to test them in our locality teams.

We would be interested in taking part in evaluation of the programme and will consider options for a local evaluation.

## Conclusion

Southport Bay has an ageing population, a history of partnership and the commitment of its leaders to integrated care. We would welcome the support and challenge of the pioneer programme as we develop our plans further.
"""


if __name__ == "__main__":
    sys.exit(main())
