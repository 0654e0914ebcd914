/// `Character`-exact questions about extracted text, answered from the UTF-8 bytes when the text
/// is plain ASCII. Layout asks them for every run and line, where counting grapheme clusters or
/// reading Unicode properties would cost more than the rest of the page.
///
/// In ASCII every byte is one `Character` except CR LF, which is one; no ASCII byte extends a
/// neighbouring cluster, so a space byte next to an ASCII byte (or at the edge) is a lone `" "`.
enum TextMeasure {
    /// `text.count`.
    static func characters(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable(isPlainASCII) == true ? text.utf8.count : text.count
    }

    /// ASCII without CR: one `Character` per byte. No early exit, so the loop vectorises.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        var carriageReturn: UInt8 = 0
        for byte in bytes {
            high |= byte
            carriageReturn |= byte == 13 ? 1 : 0
        }
        return high < 0x80 && carriageReturn == 0
    }

    /// `text.last == " "`.
    static func endsWithSpace(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.last == 32 else { return false }
        let previous = utf8.index(before: utf8.endIndex)
        if previous == utf8.startIndex || utf8[utf8.index(before: previous)] < 0x80 { return true }
        return text.last == " "
    }

    /// `text.first == " "`.
    static func startsWithSpace(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.first == 32 else { return false }
        let next = utf8.index(after: utf8.startIndex)
        if next == utf8.endIndex || utf8[next] < 0x80 { return true }
        return text.first == " "
    }

    /// The text's last `Character` is `" "`, for text still being built as UTF-8 bytes.
    static func endsWithSpace(_ utf8: [UInt8]) -> Bool {
        guard utf8.last == 32 else { return false }
        if utf8.count == 1 || utf8[utf8.count - 2] < 0x80 { return true }
        return String(decoding: utf8, as: UTF8.self).last == " "
    }

    /// Whether `scalar` has the Unicode White_Space property (ASCII answered directly).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isWhitespace }
        return scalar == " " || (scalar.value >= 9 && scalar.value <= 13)
    }

    /// Whether `scalar` has the Unicode Alphabetic property (ASCII answered directly).
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
