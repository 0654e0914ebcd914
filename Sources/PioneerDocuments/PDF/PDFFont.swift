/// What the text extractor needs of a font: how to split a string into codes, each code's
/// Unicode text and its advance width (§9.2–§9.10).
struct PDFFont: Sendable {
    /// Type0 fonts use multi-byte codes.
    var isComposite = false
    var cmap: CMap?
    /// Simple fonts: code → text, from ToUnicode, /Differences or the base encoding.
    var simpleText: [String] = Array(repeating: "", count: 256)
    var toUnicode: CMap?
    /// Composite fonts without ToUnicode: a guessed code → text table.
    var compositeText: [UInt32: String] = [:]
    /// Simple fonts: widths in glyph units (1/1000 em unless Type3).
    var simpleWidths: [Double] = Array(repeating: 500, count: 256)
    var compositeWidths: [UInt32: Double] = [:]
    var defaultWidth: Double = 1000
    /// Glyph units → text space (0.001, or Type3 /FontMatrix).
    var widthScale = 0.001
    /// Type3 font size adjustment from /FontMatrix.
    var sizeScale = 1.0

    /// One decoded glyph.
    struct Glyph {
        var text: String
        /// Advance in glyph units.
        var width: Double
        /// A one-byte code 32, which takes word spacing (§9.3.3).
        var isWordSpace: Bool
    }

    /// Calls `body` for each glyph of the string `bytes`.
    func forEachGlyph(_ bytes: [UInt8], _ body: (Glyph) -> Void) {
        guard isComposite else {
            for byte in bytes {
                body(Glyph(text: simpleText[Int(byte)], width: simpleWidths[Int(byte)], isWordSpace: byte == 32))
            }
            return
        }
        var i = 0
        while i < bytes.count {
            let (code, length) = cmap?.code(in: bytes, at: i, defaultLength: 2) ?? PDFFont.twoByte(bytes, i)
            i += length
            let width = compositeWidths[code] ?? defaultWidth
            let text = toUnicode?.text(for: code).map(FontLoader.expandLigatures) ?? compositeText[code] ?? ""
            body(Glyph(text: text, width: width, isWordSpace: length == 1 && code == 32))
        }
    }

    static func twoByte(_ bytes: [UInt8], _ i: Int) -> (UInt32, Int) {
        guard i + 1 < bytes.count else { return (UInt32(bytes[i]), 1) }
        return (UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]), 2)
    }

    /// A stand-in for text shown before any `Tf`: Latin-1 text, 500-unit widths.
    static let fallback: PDFFont = {
        var font = PDFFont()
        for code in 0..<256 { if let s = Unicode.Scalar(Encodings.winAnsi[code]), Encodings.winAnsi[code] != 0 { font.simpleText[code] = String(Character(s)) } }
        return font
    }()
}
