/// A parsed CMap: codespace ranges and code → Unicode mappings (ToUnicode, §9.10.3),
/// or code → CID ranges for embedded encoding CMaps.
struct CMap: Sendable {
    struct Codespace: Sendable {
        var length: Int
        var low: UInt32
        var high: UInt32
    }

    /// A `bfrange` whose targets count up from `start` (UTF-16 units, last unit incremented).
    struct Range: Sendable {
        var low: UInt32
        var high: UInt32
        var start: [UInt16]
    }

    var codespaces: [Codespace] = []
    /// Single mappings (`bfchar`, and array-form `bfrange`).
    var unicode: [UInt32: String] = [:]
    var ranges: [Range] = []
    /// Longest destination string kept, in bytes (the CMap specification's limit for `dstString`);
    /// longer ones are cut, so no single code can stand for megabytes of text.
    static let maxDestinationBytes = 512

    var isEmpty: Bool { unicode.isEmpty && ranges.isEmpty }

    /// The text for `code`, if mapped.
    func text(for code: UInt32) -> String? {
        if let text = unicode[code] { return text }
        var lower = 0
        var upper = ranges.count
        while lower < upper {
            let mid = (lower + upper) / 2
            if ranges[mid].low <= code { lower = mid + 1 } else { upper = mid }
        }
        guard lower > 0 else { return nil }
        let range = ranges[lower - 1]
        guard code <= range.high, var units = Optional(range.start), let last = units.last else { return nil }
        units[units.count - 1] = last &+ UInt16(truncatingIfNeeded: code - range.low)
        return String(decoding: units, as: UTF16.self)
    }

    /// Parses CMap program text; unknown constructs are skipped.
    static func parse(_ data: [UInt8], maxEntries: Int = 1_000_000) -> CMap {
        var cmap = CMap()
        var lexer = PDFLexer(bytes: data)
        var lengths: Set<Int> = []
        while true {
            let token = lexer.next()
            guard case .keyword(let k) = token else {
                if case .eof = token { break }
                continue
            }
            switch k {
            case kwCodespace: cmap.parseCodespaces(&lexer)
            case kwBFChar: cmap.parseBFChar(&lexer, lengths: &lengths, maxEntries: maxEntries)
            case kwBFRange: cmap.parseBFRange(&lexer, lengths: &lengths, maxEntries: maxEntries)
            default: break
            }
        }
        cmap.ranges.sort { $0.low < $1.low }
        if cmap.codespaces.isEmpty {
            cmap.codespaces = lengths.sorted().map { Codespace(length: $0, low: 0, high: $0 >= 4 ? UInt32.max : (1 << (8 * UInt32($0))) - 1) }
        }
        return cmap
    }

    /// The next code in `bytes` at `index` per the codespace ranges, and its length (`defaultLength` without ranges).
    func code(in bytes: [UInt8], at index: Int, defaultLength: Int) -> (code: UInt32, length: Int) {
        var value: UInt32 = 0
        let maxLength = min(4, bytes.count - index)
        if !codespaces.isEmpty, maxLength > 0 {
            for length in 1...maxLength {
                value = value << 8 | UInt32(bytes[index + length - 1])
                for space in codespaces where space.length == length && value >= space.low && value <= space.high {
                    return (value, length)
                }
            }
        }
        let length = max(1, min(defaultLength, maxLength))
        value = 0
        for i in 0..<length { value = value << 8 | UInt32(bytes[index + i]) }
        return (value, length)
    }
}

private let kwCodespace = PDFKeyword("begincodespacerange")
private let kwBFChar = PDFKeyword("beginbfchar")
private let kwBFRange = PDFKeyword("beginbfrange")

private extension CMap {
    static func number(_ bytes: [UInt8]) -> UInt32 {
        var value: UInt32 = 0
        for byte in bytes.prefix(4) { value = value << 8 | UInt32(byte) }
        return value
    }

    static func utf16(_ whole: [UInt8]) -> String {
        let bytes = whole.count > maxDestinationBytes ? Array(whole.prefix(maxDestinationBytes)) : whole
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count { units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])); i += 2 }
        if bytes.count == 1 { units.append(UInt16(bytes[0])) }
        return String(decoding: units, as: UTF16.self)
    }

    /// codespace := 'begincodespacerange' (hex hex)* 'endcodespacerange'
    mutating func parseCodespaces(_ lexer: inout PDFLexer) {
        while case .string(let low) = lexer.next(), case .string(let high) = lexer.next() {
            codespaces.append(Codespace(length: max(1, min(4, low.count)), low: CMap.number(low), high: CMap.number(high)))
        }
    }

    /// bfchar := 'beginbfchar' (hex (hex | name))* 'endbfchar'
    mutating func parseBFChar(_ lexer: inout PDFLexer, lengths: inout Set<Int>, maxEntries: Int) {
        while case .string(let source) = lexer.next() {
            let target = lexer.next()
            lengths.insert(max(1, min(4, source.count)))
            guard unicode.count < maxEntries else { continue }
            switch target {
            case .string(let bytes): unicode[CMap.number(source)] = CMap.utf16(bytes)
            case .name(let name): unicode[CMap.number(source)] = GlyphList.unicode(for: name)
            default: return
            }
        }
    }

    /// bfrange := 'beginbfrange' (hex hex (hex | '[' hex* ']'))* 'endbfrange'
    mutating func parseBFRange(_ lexer: inout PDFLexer, lengths: inout Set<Int>, maxEntries: Int) {
        while case .string(let lowBytes) = lexer.next(), case .string(let highBytes) = lexer.next() {
            let low = CMap.number(lowBytes), high = CMap.number(highBytes)
            lengths.insert(max(1, min(4, lowBytes.count)))
            let count = high >= low ? Int(min(high - low, 65_535)) + 1 : 0
            switch lexer.next() {
            case .string(let start):
                var units: [UInt16] = []
                var i = 0
                while i + 1 < min(start.count, CMap.maxDestinationBytes) { units.append(UInt16(start[i]) << 8 | UInt16(start[i + 1])); i += 2 }
                guard !units.isEmpty, count > 0, ranges.count < maxEntries else { continue }
                ranges.append(Range(low: low, high: low + UInt32(count - 1), start: units))
            case .arrayOpen:
                var offset: UInt32 = 0
                while case .string(let target) = lexer.next() {
                    if Int(offset) < count, unicode.count < maxEntries { unicode[low + offset] = CMap.utf16(target) }
                    offset += 1
                }
            default: return
            }
        }
    }
}
