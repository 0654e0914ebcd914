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

    /// Numbers print without a fraction when whole ("72"), else with up to three decimals ("9.4").
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        let rounded = (number * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") { text = String(Int64(rounded.rounded())) }
        return text
    }
}

/// The writer works on UTF-8 bytes: a report is mostly quoted text, and escaping it one Unicode
/// scalar at a time into a `String` cost more than assessing the bid.
private extension JSONValue {
    func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): out += Self.format(value).utf8
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

    static func newline(indent: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    /// `value` quoted: `"` and `\` escaped, the usual control characters as `\n` `\r` `\t`, other
    /// controls and U+2028/U+2029 (line breaks to JavaScript) as `\u00XX`; runs of other bytes copied whole.
    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: [UInt8]?
                switch byte {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0..<0x20: escape = unicodeEscape(UInt32(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: escape)
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(0x22)
    }

    static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array(String(value, radix: 16).utf8)
        return Array("\\u".utf8) + Array(repeating: 0x30, count: max(0, 4 - hex.count)) + hex
    }
}
