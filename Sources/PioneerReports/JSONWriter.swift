/// Writes JSON straight into UTF-8 bytes, value by value, in the order the calls come: the one
/// place JSON text is formatted. Reports are streamed through it without building a `JSONValue`
/// tree first (building and freeing the tree of a full report cost a third as much as writing it),
/// and `JSONValue.serialised` walks its tree into it, so both print the same bytes.
///
/// Pretty output indents by two spaces, puts each member and element on its own line and leaves
/// empty containers as `{}` and `[]`; compact output has no whitespace at all.
///
///     var json = JSONWriter()
///     json.object { json in
///         json.member("score") { $0.number(72.5) }
///         json.member("terms") { json in json.array { json in json.string("Healthwatch") } }
///     }
///     json.finish()   // the bytes, with the final newline of pretty output
public struct JSONWriter {
    /// What has been written so far (`finish` hands it over).
    private var bytes: [UInt8] = []
    private let pretty: Bool
    /// What the innermost open container is: where the next value goes.
    private var context = Context.top
    /// The indentation of the innermost open container's members.
    private var depth = 0
    /// Whether the innermost open container has a member or element yet (it then needs a comma).
    private var started = false
    /// A member's name was just written: its value follows on the same line.
    private var afterName = false

    fileprivate enum Context { case top, object, array }

    /// A writer of pretty (indented) or compact JSON, with room for `capacity` bytes before it grows.
    public init(pretty: Bool = true, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, with a final newline when pretty. Every container must be closed and the
    /// document must hold one value (a program error otherwise, checked in debug builds).
    public consuming func finish() -> [UInt8] {
        assert(context == .top && !afterName && started, "finish() before the JSON value is complete")
        if pretty { bytes.append(0x0A) }
        return bytes
    }

    // MARK: Containers

    /// An object; `body` writes its members with `member`.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(.object, open: 0x7B, close: 0x7D, body)
    }

    /// An array; `body` writes its elements.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(.array, open: 0x5B, close: 0x5D, body)
    }

    /// A member of the object being written: its name, then the one value `value` writes. The name
    /// is one of the program's own, written as it is: it must need no escaping (checked in debug builds).
    public mutating func member(_ name: StaticString, _ value: (inout JSONWriter) -> Void) {
        beginMember()
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        assert(!utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }, "\(name) needs escaping")
        bytes.append(0x22)
        bytes.append(contentsOf: utf8)
        bytes.append(0x22)
        endName()
        value(&self)
        assert(!afterName, "member \(name) was given no value")
    }

    /// A member whose value is an array of `items`, each written by `element`.
    public mutating func member<Items: Sequence>(_ name: StaticString, array items: Items,
                                                 _ element: (inout JSONWriter, Items.Element) -> Void) {
        member(name) { json in
            json.array { json in
                for item in items { element(&json, item) }
            }
        }
    }

    /// A member whose name is data (a `JSONValue` object's key), escaped as any string is.
    public mutating func member(named name: String, _ value: (inout JSONWriter) -> Void) {
        beginMember()
        Self.writeString(name, to: &bytes)
        endName()
        value(&self)
        assert(!afterName, "member \(name) was given no value")
    }

    // MARK: Values

    /// A string, escaped as JSON requires (and U+2028, U+2029, which JavaScript reads as line breaks).
    public mutating func string(_ value: String) {
        beginValue()
        Self.writeString(value, to: &bytes)
    }

    /// `value`, or `null` when it is `nil`.
    public mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    /// `JSONValue.format`'s text of `value`.
    public mutating func number(_ value: Double) {
        beginValue()
        Self.writeNumber(value, to: &bytes)
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes += (value ? "true" : "false").utf8
    }

    /// `null`.
    public mutating func null() {
        beginValue()
        bytes += "null".utf8
    }

    /// A whole tree.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let value): bool(value)
        case .number(let value): number(value)
        case .string(let value): string(value)
        case .array(let items):
            array { json in
                for item in items { json.value(item) }
            }
        case .object(let members):
            object { json in
                for (name, value) in members { json.member(named: name) { $0.value(value) } }
            }
        }
    }
}

private extension JSONWriter {
    /// Before a member's name: the comma after the member before, and a new line.
    mutating func beginMember() {
        assert(context == .object && !afterName, "a member outside an object, or where a value was due")
        separate()
    }

    /// After a member's name: the colon, and its value follows on the same line.
    mutating func endName() {
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterName = true
    }

    /// Before a value: nothing after a member's name; in an array the comma after the element
    /// before, and a new line; at the top, nothing (one value only).
    mutating func beginValue() {
        if afterName {
            afterName = false
            return
        }
        assert(context == .array || (context == .top && !started), "a value where a member or nothing was due")
        separate()
    }

    /// The comma after the previous sibling, and the new line and indentation before the next.
    mutating func separate() {
        if started { bytes.append(0x2C) }
        started = true
        if depth > 0, pretty { newline(indent: depth) }
    }

    /// `open`, what `body` writes (`kind`'s members or elements, indented a level deeper), `close`.
    mutating func container(_ kind: Context, open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        bytes.append(open)
        let outer = (context, started)
        context = kind
        depth += 2
        started = false
        body(&self)
        assert(!afterName, "a member was given no value")
        depth -= 2
        if started, pretty { newline(indent: depth) }
        (context, started) = outer
        bytes.append(close)
    }

    /// Enough spaces for the indentation of any report (deeper ones are written in several pieces).
    static let spaces = [UInt8](repeating: 0x20, count: 64)

    /// A line feed and `indent` spaces.
    mutating func newline(indent: Int) {
        bytes.append(0x0A)
        var left = indent
        while left > 0 {
            let piece = min(left, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<piece])
            left -= piece
        }
    }
}

extension JSONWriter {
    /// `JSONValue.format(value)`'s text; a whole number (most: pages, lines, scores) written digit by
    /// digit without making a `String`.
    static func writeNumber(_ value: Double, to out: inout [UInt8]) {
        let rounded = (value * 1000).rounded() / 1000
        guard value.isFinite, rounded == rounded.rounded(), abs(rounded) < 1e15 else {
            out += JSONValue.format(value).utf8
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
        // A native string's bytes are read in place (`withUTF8` is mutating: it would need a `var`
        // copy of each string, a retain and a release).
        if value.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0, to: &out) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { writeString(utf8: $0, to: &out) }
        }
    }

    /// `writeString` of the string whose UTF-8 is `bytes`.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
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
                guard let escape = escape(bytes, at: index) else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                writeEscape(escape.scalar, to: &out)
                index += escape.length
                runStart = index
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
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

    /// The scalar at `index` when it is written escaped, and how many bytes it takes: 1 for a
    /// control byte, `"` or `\`, 3 for U+2028 or U+2029; `nil` for a byte copied as it is.
    @inline(__always)
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int)? {
        switch bytes[index] {
        case 0..<0x20, 0x22, 0x5C: return (UInt32(bytes[index]), 1)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return (bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, 3)
        default: return nil
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
