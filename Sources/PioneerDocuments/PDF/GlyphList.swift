import Foundation

/// Glyph name → Unicode for the names real fonts use (a compact subset of the Adobe Glyph List,
/// plus the `uniXXXX`, `uXXXX`, ligature `a_b` and accented-letter naming conventions).
enum GlyphList {
    static func unicode(for name: String) -> String? {
        if let scalar = named[name], let s = Unicode.Scalar(scalar) { return String(Character(s)) }
        let base = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        if base != name, !base.isEmpty { return unicode(for: base) }
        if base.utf8.count == 1, let c = base.unicodeScalars.first, c.properties.isAlphabetic { return base }
        if base.contains("_") {
            let parts = base.split(separator: "_").compactMap { unicode(for: String($0)) }
            return parts.isEmpty ? nil : parts.joined()
        }
        if let hex = hexValue(base) { return hex }
        return accented(base)
    }
}

private extension GlyphList {
    static let named: [String: UInt32] = [
        "space": 0x20, "exclam": 0x21, "quotedbl": 0x22, "numbersign": 0x23, "dollar": 0x24, "percent": 0x25,
        "ampersand": 0x26, "quotesingle": 0x27, "quoteright": 0x2019, "parenleft": 0x28, "parenright": 0x29,
        "asterisk": 0x2A, "plus": 0x2B, "comma": 0x2C, "hyphen": 0x2D, "period": 0x2E, "slash": 0x2F,
        "zero": 0x30, "one": 0x31, "two": 0x32, "three": 0x33, "four": 0x34, "five": 0x35, "six": 0x36,
        "seven": 0x37, "eight": 0x38, "nine": 0x39, "colon": 0x3A, "semicolon": 0x3B, "less": 0x3C, "equal": 0x3D,
        "greater": 0x3E, "question": 0x3F, "at": 0x40, "bracketleft": 0x5B, "backslash": 0x5C, "bracketright": 0x5D,
        "asciicircum": 0x5E, "underscore": 0x5F, "quoteleft": 0x2018, "grave": 0x60, "braceleft": 0x7B, "bar": 0x7C,
        "braceright": 0x7D, "asciitilde": 0x7E, "bullet": 0x2022, "endash": 0x2013, "emdash": 0x2014,
        "quotedblleft": 0x201C, "quotedblright": 0x201D, "quotesinglbase": 0x201A, "quotedblbase": 0x201E,
        "ellipsis": 0x2026, "fi": 0xFB01, "fl": 0xFB02, "ff": 0xFB00, "ffi": 0xFB03, "ffl": 0xFB04,
        "dagger": 0x2020, "daggerdbl": 0x2021, "periodcentered": 0xB7, "middot": 0xB7, "section": 0xA7, "paragraph": 0xB6,
        "copyright": 0xA9, "registered": 0xAE, "trademark": 0x2122, "degree": 0xB0, "plusminus": 0xB1,
        "multiply": 0xD7, "divide": 0xF7, "minus": 0x2212, "Euro": 0x20AC, "euro": 0x20AC, "sterling": 0xA3, "yen": 0xA5,
        "cent": 0xA2, "currency": 0xA4, "germandbls": 0xDF, "ae": 0xE6, "AE": 0xC6, "oe": 0x153, "OE": 0x152,
        "oslash": 0xF8, "Oslash": 0xD8, "dotlessi": 0x131, "lslash": 0x142, "Lslash": 0x141, "eth": 0xF0, "Eth": 0xD0,
        "thorn": 0xFE, "Thorn": 0xDE, "guillemotleft": 0xAB, "guillemotright": 0xBB, "guilsinglleft": 0x2039,
        "guilsinglright": 0x203A, "exclamdown": 0xA1, "questiondown": 0xBF, "nbspace": 0x20, "nonbreakingspace": 0x20,
        "sfthyphen": 0x2D, "softhyphen": 0x2D, "ordfeminine": 0xAA, "ordmasculine": 0xBA, "mu": 0xB5, "mu1": 0xB5,
        "onehalf": 0xBD, "onequarter": 0xBC, "threequarters": 0xBE, "onesuperior": 0xB9, "twosuperior": 0xB2,
        "threesuperior": 0xB3, "florin": 0x192, "fraction": 0x2044, "perthousand": 0x2030, "logicalnot": 0xAC,
        "brokenbar": 0xA6, "dieresis": 0xA8, "acute": 0xB4, "macron": 0xAF, "cedilla": 0xB8, "circumflex": 0x2C6,
        "tilde": 0x2DC, "caron": 0x2C7, "breve": 0x2D8, "ring": 0x2DA, "dotaccent": 0x2D9, "hungarumlaut": 0x2DD,
        "ogonek": 0x2DB, "arrowright": 0x2192, "arrowleft": 0x2190, "arrowup": 0x2191, "arrowdown": 0x2193,
        "checkmark": 0x2713, "lozenge": 0x25CA, "notequal": 0x2260, "lessequal": 0x2264, "greaterequal": 0x2265,
        "infinity": 0x221E, "summation": 0x2211, "product": 0x220F, "radical": 0x221A, "approxequal": 0x2248,
        "partialdiff": 0x2202, "integral": 0x222B, "Delta": 0x2206, "Omega": 0x3A9, "pi": 0x3C0, "alpha": 0x3B1,
        "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "epsilon": 0x3B5, "lambda": 0x3BB, "sigma": 0x3C3,
        "figuredash": 0x2012, "horizontalbar": 0x2015, "underscoredbl": 0x2017, "quotereversed": 0x201B,
        "minute": 0x2032, "second": 0x2033, "numero": 0x2116, "estimated": 0x212E, "openbullet": 0x25E6,
        "filledbox": 0x25A0, "H18533": 0x25CF, "H18543": 0x25AA, "H18551": 0x25AB, "H22073": 0x25A1,
        "blackcircle": 0x25CF, "whitebullet": 0x25E6, "square": 0x25A1, "triagrt": 0x25BA, "uni00A0": 0x20,
        "afii10017": 0x410, "afii61664": 0x200C, "afii57636": 0x20AA, "afii08941": 0x20A4, "afii00208": 0x2015,
        "afii61352": 0x2116, "dotlessj": 0x237, "Ldot": 0x13F, "ldot": 0x140, "napostrophe": 0x149,
        "exclamsmall": 0x21, "ampersandsmall": 0x26, "zerooldstyle": 0x30, "oneoldstyle": 0x31, "twooldstyle": 0x32,
        "threeoldstyle": 0x33, "fouroldstyle": 0x34, "fiveoldstyle": 0x35, "sixoldstyle": 0x36,
        "sevenoldstyle": 0x37, "eightoldstyle": 0x38, "nineoldstyle": 0x39,
    ]

    static let accents: [(String, UInt32)] = [
        ("acute", 0x301), ("grave", 0x300), ("circumflex", 0x302), ("dieresis", 0x308), ("tilde", 0x303),
        ("ring", 0x30A), ("cedilla", 0x327), ("caron", 0x30C), ("macron", 0x304), ("breve", 0x306),
        ("ogonek", 0x328), ("dotaccent", 0x307), ("hungarumlaut", 0x30B), ("commaaccent", 0x326),
    ]

    /// `uniXXXX[XXXX…]` and `uXXXX[XX]`.
    static func hexValue(_ name: String) -> String? {
        let utf8 = Array(name.utf8)
        var digits: ArraySlice<UInt8>
        if utf8.count >= 7, name.hasPrefix("uni"), (utf8.count - 3) % 4 == 0 { digits = utf8[3...] }
        else if utf8.count >= 5, utf8.count <= 7, utf8[0] == UInt8(ascii: "u") { digits = utf8[1...] }
        else { return nil }
        var scalars = String.UnicodeScalarView()
        let step = name.hasPrefix("uni") ? 4 : digits.count
        while !digits.isEmpty {
            var value: UInt32 = 0
            for byte in digits.prefix(step) {
                guard let v = PDFLexer.hexValue(byte) else { return nil }
                value = value << 4 | UInt32(v)
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
            digits = digits.dropFirst(step)
        }
        return String(scalars)
    }

    /// `eacute` → é: a letter followed by an accent name.
    static func accented(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return nil }
        let rest = String(name.unicodeScalars.dropFirst())
        for (accent, mark) in accents where rest == accent {
            guard let m = Unicode.Scalar(mark) else { return nil }
            var s = String.UnicodeScalarView([first])
            s.append(m)
            return String(s).precomposedStringWithCanonicalMapping
        }
        return nil
    }
}
