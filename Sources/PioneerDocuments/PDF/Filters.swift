/// Stream filters (ISO 32000-1 §7.4). Image-only filters (DCT, JPX, CCITT, JBIG2) are not decoded.
enum Filters {
    /// `data` through every filter of `dict`, or `nil` when a filter is an image codec or unknown.
    /// Throws `.inflateLimit(maxOutput)` when the output would pass `maxOutput` bytes. Compressed data
    /// that is corrupt or ends early gives what came before the fault, and sets `damaged`.
    static func decode(_ data: [UInt8], dict: PDFDict, store: ObjectStore, maxOutput: Int, damaged: inout Bool) throws(PDFError) -> [UInt8]? {
        let filterObject = try store.resolve(dict["Filter"] ?? dict["F"])
        let filters: [String]
        switch filterObject {
        case .name(let name): filters = [name]
        case .array(let items): filters = try items.map { (item) throws(PDFError) in try store.resolve(item).nameValue ?? "" }
        default: filters = []
        }
        let parmsObject = try store.resolve(dict["DecodeParms"] ?? dict["DP"])
        var output = data
        for (i, filter) in filters.enumerated() {
            var parms: PDFDict?
            if case .array(let list) = parmsObject, i < list.count { parms = try store.resolveDict(list[i]) } else { parms = parmsObject.dictValue }
            guard let decoded = try apply(filter, to: output, parms: parms, maxOutput: maxOutput, damaged: &damaged) else { return nil }
            output = decoded
        }
        guard output.count <= maxOutput else { throw .inflateLimit(maxOutput) }
        return output
    }
}

private extension Filters {
    static func apply(_ filter: String, to data: [UInt8], parms: PDFDict?, maxOutput: Int, damaged: inout Bool) throws(PDFError) -> [UInt8]? {
        switch filter {
        case "FlateDecode", "Fl":
            var inflated: [UInt8]
            do {
                var result = try Inflate.inflatePartial(data, container: .zlib, maxOutput: maxOutput)
                // Data without a zlib header (some writers) is read as raw DEFLATE.
                if result.fault != nil, result.output.isEmpty {
                    let raw = try Inflate.inflatePartial(data, container: .raw, maxOutput: maxOutput)
                    if raw.fault == nil { result = raw }
                }
                inflated = result.output
                if result.fault != nil { damaged = true }
            } catch {
                throw .inflateLimit(maxOutput)
            }
            return Predictor.apply(to: inflated, parms: parms)
        case "LZWDecode", "LZW":
            let early = parms?["EarlyChange"]?.intValue ?? 1
            return Predictor.apply(to: try lzw(data, earlyChange: early != 0, maxOutput: maxOutput), parms: parms)
        case "ASCIIHexDecode", "AHx": return asciiHex(data)
        case "ASCII85Decode", "A85": return ascii85(data)
        case "RunLengthDecode", "RL": return try runLength(data, maxOutput: maxOutput)
        case "Crypt": return data
        default: return nil
        }
    }

    static func asciiHex(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 2)
        var high: UInt8?
        for byte in data {
            if byte == UInt8(ascii: ">") { break }
            guard let v = PDFLexer.hexValue(byte) else { continue }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    static func ascii85(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 4 / 5)
        var group: UInt64 = 0
        var count = 0
        var i = 0
        if data.count >= 2, data[0] == UInt8(ascii: "<"), data[1] == UInt8(ascii: "~") { i = 2 }
        while i < data.count {
            let byte = data[i]
            i += 1
            if byte == UInt8(ascii: "~") { break }
            if byte == UInt8(ascii: "z"), count == 0 { out.append(contentsOf: [0, 0, 0, 0]); continue }
            guard byte >= 33, byte <= 117 else { continue }
            group = group * 85 + UInt64(byte - 33)
            count += 1
            if count == 5 {
                appendGroup(group, bytes: 4, to: &out)
                group = 0
                count = 0
            }
        }
        if count > 1 {
            for _ in count..<5 { group = group * 85 + 84 }
            appendGroup(group, bytes: count - 1, to: &out)
        }
        return out
    }

    static func appendGroup(_ group: UInt64, bytes: Int, to out: inout [UInt8]) {
        let value = UInt32(truncatingIfNeeded: group)
        let all = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        out.append(contentsOf: all.prefix(bytes))
    }

    static func runLength(_ data: [UInt8], maxOutput: Int) throws(PDFError) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let length = Int(data[i])
            i += 1
            if length == 128 { break }
            if length < 128 {
                let end = min(i + length + 1, data.count)
                out.append(contentsOf: data[i..<end])
                i = end
            } else if i < data.count {
                out.append(contentsOf: repeatElement(data[i], count: 257 - length))
                i += 1
            }
            if out.count > maxOutput { throw .inflateLimit(maxOutput) }
        }
        return out
    }

    /// LZW with 9–12-bit codes, 256 = clear, 257 = end (§7.4.4).
    static func lzw(_ data: [UInt8], earlyChange: Bool, maxOutput: Int) throws(PDFError) -> [UInt8] {
        var table: [[UInt8]] = (0..<256).map { [UInt8($0)] } + [[], []]
        var out: [UInt8] = []
        var codeLength = 9
        var bitBuffer: UInt32 = 0
        var bitCount = 0
        var previous: [UInt8]?
        let early = earlyChange ? 1 : 0
        for byte in data {
            bitBuffer = bitBuffer << 8 | UInt32(byte)
            bitCount += 8
            while bitCount >= codeLength {
                let code = Int((bitBuffer >> UInt32(bitCount - codeLength)) & ((1 << UInt32(codeLength)) - 1))
                bitCount -= codeLength
                bitBuffer &= (1 << UInt32(bitCount)) - 1
                if code == 256 { table.removeSubrange(258...); codeLength = 9; previous = nil; continue }
                if code == 257 { return out }
                var entry: [UInt8]
                if code < table.count { entry = table[code] } else if let p = previous, let f = p.first { entry = p + [f] } else { return out }
                out.append(contentsOf: entry)
                if out.count > maxOutput { throw .inflateLimit(maxOutput) }
                if let p = previous, let f = entry.first, table.count < 4096 { table.append(p + [f]) }
                previous = entry
                if table.count + early >= (1 << codeLength), codeLength < 12 { codeLength += 1 }
            }
        }
        return out
    }
}
