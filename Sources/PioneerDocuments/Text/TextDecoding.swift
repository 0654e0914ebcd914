/// Turns the bytes of a text file into a String: UTF-8 (with or without BOM), UTF-16 with a BOM,
/// UTF-16 without a BOM when the byte pattern leaves no doubt, and Windows-1252 when the bytes are
/// not valid UTF-8.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", windows1252 = "Windows-1252"
    }

    /// The lines of a text file for a reader, with a warning when it was not UTF-8; fails when the
    /// text is over the reader's limit.
    static func lines(of bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) -> (SourceLines, [DocumentWarning]) {
        if mayBePlainUTF8(bytes) {
            // UTF-8 without a BOM is the text as it is: one pass validates the bytes, judges them and summarises their lines.
            let summary = bytes.withUnsafeBufferPointer { SourceLines.ByteSummary($0, binaryWindow: binaryWindow, validatingUTF8: true) }
            if summary.isValidUTF8 {
                if summary.looksBinary {
                    throw DocumentError(path: path, reason: .malformed("binary data, not text (NUL or control bytes)"))
                }
                guard bytes.count <= limits.maxTextCharacters else {
                    throw DocumentError(path: path, reason: .limitExceeded("more than \(limits.maxTextCharacters) characters of text"))
                }
                return (SourceLines(utf8: bytes, summary: summary, simpleScalars: summary.hasOnlySimpleScalars), [])
            }
            // Not UTF-8, with no byte order mark and not UTF-16: Windows-1252, as `decodeToUTF8` would
            // decide after validating the bytes a second time.
            return try checked(windows1252(bytes[...]), encoding: .windows1252, original: bytes, path: path, limits: limits)
        }
        let (utf8, encoding) = decodeToUTF8(bytes)
        return try checked(utf8, encoding: encoding, original: bytes, path: path, limits: limits)
    }

    /// The lines of decoded text, unless the original bytes look binary or the text is over the limit.
    private static func checked(_ utf8: [UInt8], encoding: Encoding, original bytes: [UInt8], path: String,
                                limits: ReaderLimits) throws(DocumentError) -> (SourceLines, [DocumentWarning]) {
        if encoding == .utf8 || encoding == .windows1252, looksBinary(bytes) {
            throw DocumentError(path: path, reason: .malformed("binary data, not text (NUL or control bytes)"))
        }
        guard utf8.count <= limits.maxTextCharacters else {
            throw DocumentError(path: path, reason: .limitExceeded("more than \(limits.maxTextCharacters) characters of text"))
        }
        let warnings = encoding == .utf8 ? [] : [DocumentWarning(code: "encoding", message: "read as \(encoding.rawValue)")]
        return (SourceLines(utf8: utf8), warnings)
    }

    /// The decoded text and the encoding it was read as.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        let (utf8, encoding) = decodeToUTF8(bytes)
        return (String(decoding: utf8, as: UTF8.self), encoding)
    }

    /// The decoded text as valid UTF-8, and the encoding it was read as. UTF-8 input comes back as it is.
    static func decodeToUTF8(_ bytes: [UInt8]) -> (utf8: [UInt8], encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8OrFallback(bytes[3...])
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (Array(utf16(bytes[2...], littleEndian: true).utf8), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (Array(utf16(bytes[2...], littleEndian: false).utf8), .utf16BE) }
        if let littleEndian = looksLikeBOMlessUTF16(bytes) {
            return (Array(utf16(bytes[...], littleEndian: littleEndian).utf8), littleEndian ? .utf16LE : .utf16BE)
        }
        return isValidUTF8(bytes[...]) ? (bytes, .utf8) : (windows1252(bytes[...]), .windows1252)
    }
}

extension TextDecoding {
    /// How many bytes at the start of a file `looksBinary` judges.
    static let binaryWindow = 65_536

    /// True when the first 64 KiB hold a NUL byte, or more than 1 byte in 20 is a control character
    /// other than tab, line feed, carriage return and form feed: a binary file given a text extension.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let count = min(bytes.count, binaryWindow)
        return bytes.withUnsafeBufferPointer { buffer in
            var controls = 0
            var index = 0
            if let base = buffer.baseAddress.map(UnsafeRawPointer.init) {
                while index + 8 <= count {
                    let word = ByteWords.load(base, index)
                    index += 8
                    let control = ByteWords.less(word, than: 0x20) | ByteWords.equal(word, 0x7F)
                    guard control != 0 else { continue }
                    if ByteWords.equal(word, 0) != 0 { return true }
                    let text = ByteWords.equal(word, 0x09) | ByteWords.equal(word, 0x0A) | ByteWords.equal(word, 0x0C) | ByteWords.equal(word, 0x0D)
                    controls += (control & ~text).nonzeroBitCount
                }
            }
            for byte in UnsafeBufferPointer(rebasing: buffer[index..<count]) where byte < 0x20 || byte == 0x7F {
                if byte == 0 { return true }
                if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
            }
            return controls * 20 > count
        }
    }

    /// True when the bytes are well-formed UTF-8 (Unicode Table 3-7), as `String(validating:)` decides.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0, from: 0) }
    }

    /// True when `bytes[start...]` are well-formed UTF-8 (`start` must not be inside a sequence).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = ByteWords.firstNonASCII(in: bytes, from: start)
        while index < bytes.count {
            guard let length = sequenceLength(bytes, at: index) else { return false }
            index = ByteWords.firstNonASCII(in: bytes, from: index + length)
        }
        return true
    }

    /// False when the bytes start with a byte order mark or look like UTF-16 without one: `decodeToUTF8`
    /// returns any other valid UTF-8 as it is.
    static func mayBePlainUTF8(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF])
            && looksLikeBOMlessUTF16(bytes) == nil
    }

    /// The UTF-8 of Windows-1252 bytes: ASCII as it is, 0x80–0x9F through `cp1252High`, 0xA0–0xFF
    /// as the Latin-1 code points they are (two bytes each).
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            switch byte {
            case 0..<0x80:
                utf8.append(byte)
            case 0x80...0x9F:
                // Every entry of the table is a valid scalar below U+10000 (undefined bytes are U+FFFD).
                let scalar = cp1252High[Int(byte - 0x80)]
                if scalar < 0x800 {
                    utf8.append(UInt8(0xC0 | scalar >> 6))
                    utf8.append(UInt8(0x80 | scalar & 0x3F))
                } else {
                    utf8.append(UInt8(0xE0 | scalar >> 12))
                    utf8.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                    utf8.append(UInt8(0x80 | scalar & 0x3F))
                }
            default:
                utf8.append(0xC0 | byte >> 6)
                utf8.append(0x80 | byte & 0x3F)
            }
        }
        return utf8
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (undefined bytes map to U+FFFD).
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The length of the well-formed sequence starting with a non-ASCII byte at `index`, or nil.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the second byte's range
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}

private extension TextDecoding {
    static func decodeUTF8OrFallback(_ bytes: ArraySlice<UInt8>) -> (utf8: [UInt8], encoding: Encoding) {
        if isValidUTF8(bytes) { return (Array(bytes), .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    /// True/false for little/big-endian when most even (odd) bytes of the first 4 KiB are NUL.
    static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        // Without a NUL byte, neither half has any (most text: found sixteen bytes at a time).
        let hasNUL = sample.withUnsafeBufferPointer { ByteWords.firstIndex(of: 0, in: $0, from: 0) < $0.count }
        guard hasNUL else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 >= half * 7 && evenZeros * 10 < half { return true }
        if evenZeros * 10 >= half * 7 && oddZeros * 10 < half { return false }
        return nil
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
