/// Unicode folding shared by rule phrases and document text, so that both are compared
/// in the same form: curly quotes become straight, dashes become '-', ligatures are
/// expanded, every kind of space becomes ' ', and invisible characters are dropped.
public enum TextFolding {
    /// Folds `text` without changing case. Line breaks are kept.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0009: out.append(" ")
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
            case 0xFB00: out.append(contentsOf: "ff".unicodeScalars)
            case 0xFB01: out.append(contentsOf: "fi".unicodeScalars)
            case 0xFB02: out.append(contentsOf: "fl".unicodeScalars)
            case 0xFB03: out.append(contentsOf: "ffi".unicodeScalars)
            case 0xFB04: out.append(contentsOf: "ffl".unicodeScalars)
            case 0xFB05, 0xFB06: out.append(contentsOf: "st".unicodeScalars)
            case 0x2026: out.append(contentsOf: "...".unicodeScalars)
            case 0x2022, 0x25CF, 0x25AA, 0x25E6, 0x2023, 0x2043, 0x25A0, 0xF0B7: out.append("*")
            case 0x000D: out.append("\n")
            case 0x2028, 0x2029, 0x0085: out.append("\n")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
