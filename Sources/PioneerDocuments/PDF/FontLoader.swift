/// Builds `PDFFont`s from font dictionaries.
struct FontLoader {
    let store: ObjectStore

    func load(_ dict: PDFDict) throws(PDFError) -> PDFFont {
        let subtype = try store.resolve(dict["Subtype"]).nameValue
        let toUnicode = try toUnicodeCMap(dict)
        if subtype == "Type0" { return try composite(dict, toUnicode: toUnicode) }
        var texts = try simpleEncoding(dict, subtype: subtype)
        if let toUnicode {
            for code in 0..<256 { if let text = toUnicode.text(for: UInt32(code)) { texts[code] = text } }
        }
        texts = texts.map(FontLoader.expandLigatures)
        var font = PDFFont()
        font.simpleText = CodeTexts(texts)
        font.simpleWidths = try simpleWidths(dict, texts: texts)
        if subtype == "Type3", let matrix = try store.resolve(dict["FontMatrix"]).arrayValue, matrix.count >= 4 {
            let a = matrix[0].doubleValue ?? 0.001, d = matrix[3].doubleValue ?? 0.001
            font.widthScale = a
            font.sizeScale = max(0.01, min(100, abs(d) * 1000))
        }
        return font
    }

    /// Ligature code points (U+FB00–FB06) as their letters, so words match.
    static func expandLigatures(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first.value >= 0xFB00, first.value <= 0xFB06 else { return text }
        let table = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"]
        return text.unicodeScalars.map { s in s.value >= 0xFB00 && s.value <= 0xFB06 ? table[Int(s.value - 0xFB00)] : String(Character(s)) }.joined()
    }
}

private extension FontLoader {
    func toUnicodeCMap(_ dict: PDFDict) throws(PDFError) -> CMap? {
        guard case .stream(let stream) = try store.resolve(dict["ToUnicode"]), let data = try store.decode(stream) else { return nil }
        let cmap = CMap.parse(data)
        return cmap.isEmpty ? nil : cmap
    }

    /// The text of each code, from the base encoding and /Differences.
    func simpleEncoding(_ dict: PDFDict, subtype: String?) throws(PDFError) -> [String] {
        var texts = Array(repeating: "", count: 256)
        let encoding = try store.resolve(dict["Encoding"])
        var baseName = encoding.nameValue
        if baseName == nil { baseName = try store.resolve(encoding.dictValue?["BaseEncoding"]).nameValue }
        let fontName = try store.resolve(dict["BaseFont"]).nameValue ?? ""
        let symbolic = fontName.contains("Symbol") || fontName.contains("Dingbats")
        let builtIn = baseName == nil ? SymbolEncodings.builtIn(fontName: fontName) : nil
        let base = builtIn ?? Encodings.table(named: baseName) ?? (subtype == "TrueType" || symbolic ? Encodings.winAnsi : Encodings.standard)
        for code in 0..<256 where base[code] != 0 {
            if let s = Unicode.Scalar(base[code]) { texts[code] = String(Character(s)) }
        }
        guard let differences = try store.resolve(encoding.dictValue?["Differences"]).arrayValue else { return texts }
        var code = 0
        for item in differences {
            switch try store.resolve(item) {
            case .int(let c): code = c
            case .name(let name):
                if code >= 0, code < 256, let text = GlyphList.unicode(for: name) { texts[code] = text }
                code += 1
            default: break
            }
        }
        return texts
    }

    /// The width of each code: /Widths, else /MissingWidth, else a standard width for the code's text.
    func simpleWidths(_ dict: PDFDict, texts: [String]) throws(PDFError) -> [Double] {
        var widths = Array(repeating: 500.0, count: 256)
        let descriptor = try store.resolveDict(dict["FontDescriptor"])
        let missing = try store.resolve(descriptor?["MissingWidth"]).doubleValue
        let fontName = try store.resolve(dict["BaseFont"]).nameValue ?? ""
        let family = StandardWidths.family(of: fontName)
        for code in 0..<256 { widths[code] = missing ?? StandardWidths.width(family: family, text: texts[code]) }
        guard let listed = try store.resolve(dict["Widths"]).arrayValue else { return widths }
        let first = try store.resolve(dict["FirstChar"]).intValue ?? 0
        guard first >= 0, first < 256 else { return widths }
        for (i, item) in listed.prefix(256).enumerated() {
            let code = first + i
            guard code >= 0, code < 256, let w = try store.resolve(item).doubleValue else { continue }
            widths[code] = w
        }
        return widths
    }

    func composite(_ dict: PDFDict, toUnicode: CMap?) throws(PDFError) -> PDFFont {
        var font = PDFFont()
        font.isComposite = true
        let encoding = try store.resolve(dict["Encoding"])
        if case .stream(let stream) = encoding, let data = try store.decode(stream) {
            let embedded = CMap.parse(data)
            if !embedded.codespaces.isEmpty { font.cmap = embedded }
        } else if let name = encoding.nameValue, !name.hasPrefix("Identity"), let toUnicode {
            font.cmap = toUnicode
        }
        if let toUnicode {
            font.toUnicode = toUnicode
            if font.cmap == nil, toUnicode.codespaces.contains(where: { $0.length != 2 }) { font.cmap = toUnicode }
        }
        let descendant = try store.resolveDict(try store.resolve(dict["DescendantFonts"]).arrayValue?.first)
        if toUnicode == nil, encoding.nameValue?.hasPrefix("Identity") == true, try isStandardOrderTrueType(descendant) {
            for gid in UInt32(3)...97 { if let s = Unicode.Scalar(gid + 29) { font.compositeText[gid] = String(Character(s)) } }
        }
        font.defaultWidth = try store.resolve(descendant?["DW"]).doubleValue ?? 1000
        if let w = try store.resolve(descendant?["W"]).arrayValue { font.compositeWidths = try cidWidths(w) }
        return font
    }

    /// A non-embedded TrueType CID font with identity glyph mapping: its glyph ids follow the
    /// standard Macintosh order, where glyph 3 is the space and glyph n is ASCII n + 29.
    func isStandardOrderTrueType(_ descendant: PDFDict?) throws(PDFError) -> Bool {
        guard let descendant, try store.resolve(descendant["Subtype"]).nameValue == "CIDFontType2" else { return false }
        let map = try store.resolve(descendant["CIDToGIDMap"])
        guard map.nameValue == "Identity" || descendant["CIDToGIDMap"] == nil else { return false }
        let descriptor = try store.resolveDict(descendant["FontDescriptor"])
        return descriptor?["FontFile2"] == nil && descriptor?["FontFile"] == nil && descriptor?["FontFile3"] == nil
    }
}

extension FontLoader {
    /// Widths written from one /W array at most: four times every CID a font can have. Ranges may
    /// overlap, so the table's size alone would not bound the work (a 3 KB array of
    /// `0 65535 500` triples asked for billions of writes).
    static let maximumWidthWrites = 4 * 65_536

    /// W := (cid '[' w* ']' | cidFirst cidLast w)*
    func cidWidths(_ array: [PDFObject]) throws(PDFError) -> [UInt32: Double] {
        var widths: [UInt32: Double] = [:]
        var i = 0
        var budget = Self.maximumWidthWrites
        while i + 1 < array.count, budget > 0 {
            guard let first = try store.resolve(array[i]).intValue, first >= 0, first < 0x7FFF_0000 else { return widths }
            let next = try store.resolve(array[i + 1])
            if case .array(let list) = next {
                for (k, w) in list.prefix(min(65_536, budget)).enumerated() { if let v = w.doubleValue { widths[UInt32(first + k)] = v } }
                budget -= min(list.count, 65_536, budget)
                i += 2
            } else if let last = next.intValue, i + 2 < array.count, let w = try store.resolve(array[i + 2]).doubleValue {
                if last >= first, last - first < 65_536 {
                    let end = min(last, first + budget - 1)
                    for c in first...end { widths[UInt32(c)] = w }
                    budget -= end - first + 1
                }
                i += 3
            } else {
                return widths
            }
        }
        return widths
    }
}
