#!/usr/bin/env bash
# Writes small generated seeds for one fuzz target into a folder (called by scripts/fuzz.sh).
#   Fuzz/make-seeds.sh TARGET DIR [FILES...]
# For `docx`, FILES are .docx files whose XML parts become seeds (parts joined by NUL bytes, the
# layout Fuzz/DOCXFuzz.swift expects). Uses python3 for compressed seeds when it is available.
set -uo pipefail
target=$1 dir=$2; shift 2
have_python() { command -v python3 >/dev/null 2>&1; }

case $target in
inflate)
    # Mode byte (bit 0: zlib, bit 1: partial on error), then the stream.
    printf '\x00\x01\x05\x00\xfa\xffhello' > "$dir/raw-stored"
    printf '\x00\x03\x00' > "$dir/raw-empty-fixed"
    if have_python; then python3 - "$dir" <<'PY'
import sys, zlib, os
d = sys.argv[1]
samples = [b"", b"a", b"hello hello hello hello", bytes(range(256)) * 4, b"\0" * 100000, os.urandom(300),
           b"BT /F1 12 Tf (Health and Wellbeing Board) Tj ET\n" * 40]
for i, s in enumerate(samples):
    for level in (0, 1, 9):
        z = zlib.compress(s, level)
        open(f"{d}/zlib-{i}-{level}", "wb").write(b"\x01" + z)
        open(f"{d}/raw-{i}-{level}", "wb").write(b"\x00" + z[2:-4])
        open(f"{d}/trunc-{i}-{level}", "wb").write(b"\x03" + z[: max(2, len(z) // 2)])
PY
    fi ;;
text)
    printf '\x00Plain line\r\nsecond\fthird page\n' > "$dir/formfeed"
    printf '\x00\xff\xfeH\x00i\x00\n\x00' > "$dir/utf16le-bom"
    printf '\x00\xfe\xff\x00H\x00i\x00\n' > "$dir/utf16be-bom"
    printf '\x00caf\xe9 \x93quoted\x94\n' > "$dir/cp1252"
    printf '\x01# Title\n\n## Section\n\n- item\n  - nested\n1. one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote **bold** _em_ `code` [link](x)\n' > "$dir/markdown"
    printf '\x01```\ncode\n```\n\n***\n\nSetext\n======\n' > "$dir/markdown-fences" ;;
zip)
    if have_python; then python3 - "$dir" <<'PY'
import sys, zipfile, io
d = sys.argv[1]
doc = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Health and Wellbeing Board</w:t></w:r></w:p></w:body></w:document>'
for method, name in ((zipfile.ZIP_STORED, "stored"), (zipfile.ZIP_DEFLATED, "deflated")):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)
        z.writestr("docProps/app.xml", "<Properties><Pages>1</Pages></Properties>")
    open(f"{d}/min-{name}.docx", "wb").write(b.getvalue())
PY
    fi ;;
docx)
    for file in "$@"; do
        [[ -f $file ]] || continue
        out="$dir/$(basename "$file").xml"
        { unzip -p "$file" word/document.xml 2>/dev/null; printf '\0'; unzip -p "$file" word/styles.xml 2>/dev/null
          printf '\0'; unzip -p "$file" word/numbering.xml 2>/dev/null; printf '\0'; unzip -p "$file" docProps/app.xml 2>/dev/null
        } > "$out"
    done
    w='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    printf '<w:document %s><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Vision</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">We will </w:t></w:r><w:r><w:br w:type="page"/><w:t>by March 2014</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>\0\0\0<Properties><Pages>3</Pages></Properties>' "$w" > "$dir/handmade.xml"
    printf '<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document %s><w:body><w:p><w:r><w:t>&b;&amp;&#x41;&#65;</w:t></w:r></w:p></w:body></w:document>' "$w" > "$dir/entities.xml" ;;
pdf)
    printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 720 Td (Hello pioneer) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$dir/minimal-no-xref.pdf" ;;
rules)
    printf 'ruleset "x" { version "1" }\ncriterion c "C" { weight 1 consideration c.a "A" { evidence near(any("a", b), "c d*", 5) and not (2 of (x, y, "z")) example met "a c d" } }\n' > "$dir/expr.rules"
    printf 'terms t "T" { "a", "b" after_first { "the Board" } }\nspellings { "organisation" = "organization" }\nnegation { before { "no" } after { "not yet" } except { "not only" } breaks { "but" } window 4 }\nscoring { points { met 100 partial 50 missing 0 } band meets at 70 criteria_at_least 50 band not-met }\ngate g "G" { requires c.a when missing cap not-met message "m" }\n' > "$dir/decls.rules"
    printf 'guidance """\n    multi\n      line \\u{2019}\n    """\n' > "$dir/multiline.rules" ;;
esac
exit 0
