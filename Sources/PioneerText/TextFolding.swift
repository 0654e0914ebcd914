/// Unicode folding shared by rule phrases and document text, so that both are compared
/// in the same form: curly quotes become straight, dashes become '-', ligatures are
/// expanded, every kind of space becomes ' ', and invisible characters are dropped.
public enum TextFolding {
    /// Folds `text` without changing case. Line breaks are kept.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard let replacement = replacement(of: scalar.value) else {
                out.append(scalar)
                continue
            }
            for byte in replacement { out.append(Unicode.Scalar(byte)) }
        }
        return String(out)
    }

    /// `fold` on UTF-8 bytes, without going through `String`: the same output, as UTF-8. Meant for
    /// valid UTF-8 (a `String`'s bytes); a byte that starts no well-formed sequence is kept as it is.
    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        // Replacements are never longer than what they replace: "…" (3 bytes) becomes "...", "ﬃ" (3) "ffi".
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                switch lead {
                case 0x09: out.append(0x20)
                case 0x0D: out.append(0x0A)
                default: out.append(lead)
                }
                index += 1
                continue
            }
            guard let (value, width) = scalar(in: bytes, at: index) else {
                out.append(lead)
                index += 1
                continue
            }
            if let replacement = replacement(of: value) {
                out.append(contentsOf: replacement)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + width]))
            }
            index += width
        }
        return out
    }
}

private extension TextFolding {
    /// What scalar `value` folds to, as ASCII bytes (empty: dropped), or nil when it stays as it is.
    static func replacement(of value: UInt32) -> [UInt8]? {
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return apostrophe
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return quotationMark
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return hyphen
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0009: return space
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return []
        case 0xFB00: return ff
        case 0xFB01: return fi
        case 0xFB02: return fl
        case 0xFB03: return ffi
        case 0xFB04: return ffl
        case 0xFB05, 0xFB06: return st
        case 0x2026: return ellipsis
        case 0x2022, 0x25CF, 0x25AA, 0x25E6, 0x2023, 0x2043, 0x25A0, 0xF0B7: return bullet
        case 0x000D, 0x2028, 0x2029, 0x0085: return lineBreak
        default: return nil
        }
    }

    static let apostrophe: [UInt8] = [0x27]
    static let quotationMark: [UInt8] = [0x22]
    static let hyphen: [UInt8] = [0x2D]
    static let space: [UInt8] = [0x20]
    static let lineBreak: [UInt8] = [0x0A]
    static let bullet: [UInt8] = [0x2A]
    static let ellipsis: [UInt8] = Array("...".utf8)
    static let ff: [UInt8] = Array("ff".utf8)
    static let fi: [UInt8] = Array("fi".utf8)
    static let fl: [UInt8] = Array("fl".utf8)
    static let ffi: [UInt8] = Array("ffi".utf8)
    static let ffl: [UInt8] = Array("ffl".utf8)
    static let st: [UInt8] = Array("st".utf8)

    /// The scalar value and byte width of the well-formed multi-byte UTF-8 sequence at `index`, or nil.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int)? {
        let lead = bytes[index]
        let width: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: width = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: width = 4; minimum = 0x1_0000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + width <= bytes.count else { return nil }
        for offset in 1..<width {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10_FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, width)
    }
}
