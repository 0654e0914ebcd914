/// A JSON value whose objects keep their keys in the order they were written, so the same report
/// always serialises to the same bytes.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialised() == rhs.serialised() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialised()) }

    /// Pretty-printed with two-space indentation and a final newline when `pretty`.
    public func serialised(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Numbers print without a fraction when whole ("72"), else with up to three decimals ("9.4");
    /// past what an `Int64` holds, in Swift's shortest form ("1e+20", valid JSON).
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        // From 1e15 on no fraction is left to round (and multiplying by 1000 would only add error).
        let rounded = abs(number) < 1e15 ? (number * 1000).rounded() / 1000 : number
        if rounded == rounded.rounded(), let whole = Int64(exactly: rounded) { return String(whole) }
        return String(rounded)
    }
}

/// The writer works on UTF-8 bytes: a report is mostly quoted text, and escaping it one Unicode
/// scalar at a time into a `String` cost more than assessing the bid.
private extension JSONValue {
    func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): Self.writeNumber(value, to: &out)
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let items):
            writeContainer(open: 0x5B, close: 0x5D, count: items.count, to: &out, indent: indent) { index, out, inner in
                items[index].write(to: &out, indent: inner)
            }
        case .object(let members):
            writeContainer(open: 0x7B, close: 0x7D, count: members.count, to: &out, indent: indent) { index, out, inner in
                Self.writeString(members[index].0, to: &out)
                out.append(0x3A)
                if inner != nil { out.append(0x20) }
                members[index].1.write(to: &out, indent: inner)
            }
        }
    }

    func writeContainer(open: UInt8, close: UInt8, count: Int, to out: inout [UInt8], indent: Int?,
                        element: (Int, inout [UInt8], Int?) -> Void) {
        out.append(open)
        guard count > 0 else { out.append(close); return }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out.append(0x2C) }
            if let inner { Self.newline(indent: inner, to: &out) }
            element(index, &out, inner)
        }
        if let indent { Self.newline(indent: indent, to: &out) }
        out.append(close)
    }

    /// Enough spaces for the indentation of any report (deeper ones are written in several pieces).
    static let spaces = [UInt8](repeating: 0x20, count: 64)

    static func newline(indent: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        var left = indent
        while left > 0 {
            let piece = min(left, spaces.count)
            out.append(contentsOf: spaces[..<piece])
            left -= piece
        }
    }

    /// `format(value)`'s text; a whole number (most: pages, lines, scores) written digit by digit
    /// without making a `String`.
    static func writeNumber(_ value: Double, to out: inout [UInt8]) {
        let rounded = (value * 1000).rounded() / 1000
        guard value.isFinite, rounded == rounded.rounded(), abs(rounded) < 1e15 else {
            out += format(value).utf8
            return
        }
        var whole = Int64(rounded)
        if whole < 0 { out.append(0x2D) }
        // At most 15 digits (|whole| < 10^15), written backwards into a stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            var count = 0
            repeat {
                let digit = whole % 10
                digits[count] = UInt8(0x30 + (digit < 0 ? -digit : digit))
                whole /= 10
                count += 1
            } while whole != 0 && count < 16
            while count > 0 {
                count -= 1
                out.append(digits[count])
            }
        }
    }

    /// `value` quoted: `"` and `\` escaped, the usual control characters as `\n` `\r` `\t`, other
    /// controls and U+2028/U+2029 (line breaks to JavaScript) as `\u00XX`; runs of other bytes copied
    /// whole, eight bytes at a time while none of them needs a look.
    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        var value = value
        value.withUTF8 { bytes in
            let count = bytes.count
            var runStart = 0
            var index = 0
            while index < count {
                if let base = bytes.baseAddress {
                    while index + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                        index += 8
                    }
                }
                // One look at each of the next (up to) eight bytes.
                let end = min(count, index + 8)
                while index < end {
                    let byte = bytes[index]
                    let length = escapedLength(bytes, at: index)
                    guard length > 0 else {
                        index += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    writeEscape(byte == 0xE2 ? (bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt32(byte), to: &out)
                    index += length
                    runStart = index
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        out.append(0x22)
    }

    /// False when none of the eight bytes of `word` is a control byte, `"`, `\` or 0xE2 (the lead
    /// byte of U+2028 and U+2029); true may be wrong, never false (the bytes are then looked at one by one).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0xE2)) != 0
    }

    /// How many bytes at `index` the escape replaces: 1 for a byte written escaped, 3 for U+2028 or
    /// U+2029, 0 for a byte copied as it is.
    @inline(__always)
    static func escapedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0..<0x20, 0x22, 0x5C: return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return 3
        default: return 0
        }
    }

    /// The escape of `scalar`: a short one for `"` `\` and line feed, carriage return and tab, else `\uXXXX`.
    static func writeEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        switch scalar {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(0x6E)
        case 0x0D: out.append(0x72)
        case 0x09: out.append(0x74)
        default:
            out.append(0x75)
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8(truncatingIfNeeded: (scalar >> UInt32(shift)) & 0xF)
                out.append(digit < 10 ? 0x30 + digit : 0x61 + digit - 10)
            }
        }
    }
}
