import Foundation

/// The text of a rules file from its bytes: what `String(data:encoding: .utf8)` gives (one leading
/// byte-order mark dropped, `nil` for bytes that are not UTF-8), for fewer instructions.
///
/// The standard library validates a buffer that is not all ASCII scalar by scalar, about five
/// instructions a byte; rules files are ASCII but for a few lines (a '£', a dash). Here the ASCII runs
/// are found eight bytes at a time and made `String`s on the standard library's all-ASCII fast path,
/// and only the lines holding other bytes are validated. Valid UTF-8 never spans a line feed, so the
/// text is valid exactly when each such line is.
enum RulesText {
    static func decode(_ data: Data) -> String? {
        data.withUnsafeBytes { decode(UnsafeBufferPointer(start: $0.baseAddress?.assumingMemoryBound(to: UInt8.self), count: $0.count)) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var start = bytes.starts(with: byteOrderMark) ? 3 : 0
        var text = ""
        text.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            index = firstNonASCII(in: bytes, from: index)
            guard index < bytes.count else { break }
            var lineStart = index
            while lineStart > start, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = index
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<lineStart]), as: UTF8.self)
            guard let line = String(validating: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self) else {
                return nil
            }
            text += line
            (start, index) = (lineEnd, lineEnd)
        }
        text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        return text
    }

    /// The index of the first byte at or after `index` that is not ASCII, or the end of `bytes`.
    private static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }
}
