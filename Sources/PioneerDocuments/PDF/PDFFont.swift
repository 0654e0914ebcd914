/// What the text extractor needs of a font: how to split a string into codes, each code's
/// Unicode text and its advance width (§9.2–§9.10).
struct PDFFont: Sendable {
    /// Type0 fonts use multi-byte codes.
    var isComposite = false
    var cmap: CMap?
    /// Simple fonts: code → text, from ToUnicode, /Differences or the base encoding.
    var simpleText = CodeTexts()
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

    /// Appends the UTF-8 text of each glyph of the string `bytes` to `utf8`, and calls `advance`
    /// with the glyph's width in glyph units and whether it takes word spacing (a one-byte code 32, §9.3.3).
    @inline(__always)
    ///
    /// Stops, returning false, as soon as `utf8` would grow past `limit` bytes: a code may map to a
    /// long text (ToUnicode), so a short string could otherwise build a huge run before it is counted.
    @discardableResult
    func decode(_ bytes: [UInt8], into utf8: inout [UInt8], limit: Int = .max,
                advance: (_ width: Double, _ isWordSpace: Bool) -> Void) -> Bool {
        guard isComposite else {
            guard simpleText.append(bytes, to: &utf8, limit: limit) else { return false }
            for byte in bytes { advance(simpleWidths[Int(byte)], byte == 32) }
            return true
        }
        var i = 0
        while i < bytes.count {
            let (code, length) = cmap?.code(in: bytes, at: i, defaultLength: 2) ?? PDFFont.twoByte(bytes, i)
            i += length
            let width = compositeWidths[code] ?? defaultWidth
            let text = toUnicode?.text(for: code).map(FontLoader.expandLigatures) ?? compositeText[code] ?? ""
            guard text.utf8.count <= limit - utf8.count else { return false }
            utf8.append(contentsOf: text.utf8)
            advance(width, length == 1 && code == 32)
        }
        return true
    }

    static func twoByte(_ bytes: [UInt8], _ i: Int) -> (UInt32, Int) {
        guard i + 1 < bytes.count else { return (UInt32(bytes[i]), 1) }
        return (UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]), 2)
    }

    /// A stand-in for text shown before any `Tf`: Latin-1 text, 500-unit widths.
    static let fallback: PDFFont = {
        var font = PDFFont()
        font.simpleText = CodeTexts(scalars: Encodings.winAnsi)
        return font
    }()
}

/// The text of each one-byte code of a simple font, kept as one UTF-8 buffer so that showing a
/// glyph copies its bytes rather than building and appending a `String`.
struct CodeTexts: Sendable {
    /// Every code's text, one after the other.
    private var utf8: [UInt8] = []
    /// Code `c`'s bytes are `utf8[bounds[c]..<bounds[c + 1]]`.
    private var bounds: [Int] = Array(repeating: 0, count: 257)
    /// Codes whose text is the code itself, one ASCII byte: most Latin text in the common encodings.
    private var verbatim: [Bool] = Array(repeating: false, count: 256)

    /// Every code maps to no text.
    init() {}

    /// `texts[c]` for each code `c` below 256; missing codes map to no text.
    init(_ texts: [String]) {
        for code in 0..<256 {
            if code < texts.count { utf8.append(contentsOf: texts[code].utf8) }
            bounds[code + 1] = utf8.count
            verbatim[code] = utf8.count - bounds[code] == 1 && utf8[bounds[code]] == UInt8(code)
        }
    }

    /// `scalars[c]` as the text of each code `c` below 256, without building a `String` for each;
    /// 0, an invalid scalar or a missing code maps to no text.
    init(scalars: [UInt32]) {
        for code in 0..<256 {
            if code < scalars.count, scalars[code] != 0, let scalar = Unicode.Scalar(scalars[code]) {
                utf8.append(contentsOf: scalar.utf8)
            }
            bounds[code + 1] = utf8.count
            verbatim[code] = utf8.count - bounds[code] == 1 && utf8[bounds[code]] == UInt8(code)
        }
    }

    /// Appends the text of each of `codes` to `out`: the codes themselves when they are all
    /// verbatim, else measured first and then copied into place.
    /// Appends nothing and returns false when that would take `out` past `limit` bytes.
    func append(_ codes: [UInt8], to out: inout [UInt8], limit: Int = .max) -> Bool {
        if allVerbatim(codes) {
            guard codes.count <= limit - out.count else { return false }
            if out.isEmpty { out = codes } else { out += codes }
            return true
        }
        var count = 0
        for code in codes { count += bounds[Int(code) + 1] - bounds[Int(code)] }
        guard count <= limit - out.count else { return false }
        guard count > 0 else { return true }
        let text = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for code in codes {
                for i in bounds[Int(code)]..<bounds[Int(code) + 1] {
                    buffer[initialized] = utf8[i]
                    initialized += 1
                }
            }
        }
        if out.isEmpty { out = text } else { out += text }
        return true
    }

    /// Whether every one of `codes` is verbatim; a branch-free loop over the table's storage, as
    /// it runs for every glyph shown.
    private func allVerbatim(_ codes: [UInt8]) -> Bool {
        guard verbatim.count == 256 else { return codes.allSatisfy { verbatim[Int($0)] } }
        return verbatim.withUnsafeBufferPointer { table in
            codes.withUnsafeBufferPointer { codes in
                var missing = false
                for code in codes { missing = missing || !table[Int(code)] }
                return !missing
            }
        }
    }
}
