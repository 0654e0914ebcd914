/// Reads one indirect object, `num gen obj … endobj`, with its stream data (§7.3.10, §7.3.8).
struct IndirectObjectReader {
    let store: ObjectStore

    struct Result {
        var ref: PDFRef
        var object: PDFObject
        /// Where reading stopped.
        var end: Int
    }

    /// indirect := int int 'obj' object ('stream' EOL data 'endstream')? 'endobj'
    /// `nil` when the bytes at `offset` are not the header of object `expecting` (any object when nil).
    func read(at offset: Int, expecting num: Int?) throws(PDFError) -> Result? {
        let bytes = store.bytes
        guard offset >= 0, offset < bytes.count else { return nil }
        var lexer = PDFLexer(bytes: bytes, position: offset)
        guard case .int(let n) = lexer.next(), case .int(let gen) = lexer.next(),
              case .keyword(let k) = lexer.next(), k == PDFParser.kwObj else { return nil }
        if let num, num != n { return nil }
        let ref = PDFRef(num: n, gen: gen)
        var parser = PDFParser(lexer: lexer, maxDepth: store.limits.maxNesting)
        let object: PDFObject
        do {
            object = try parser.parseObject()
        } catch {
            if error.isLimit { throw error }
            return nil
        }
        guard case .dict(let dict) = object else { return Result(ref: ref, object: object, end: parser.lexer.position) }
        var probe = parser.lexer
        guard case .keyword(let kw) = probe.next(), kw == PDFParser.kwStream else {
            return Result(ref: ref, object: object, end: parser.lexer.position)
        }
        let (data, end) = try streamData(dict: dict, from: probe.position, ref: ref)
        return Result(ref: ref, object: .stream(PDFStream(dict: dict, data: data, ref: ref)), end: end)
    }
}

private extension IndirectObjectReader {
    static let endstream = Array("endstream".utf8)

    /// The stream's bytes: `/Length` when it ends at 'endstream', otherwise up to the next 'endstream'.
    func streamData(dict: PDFDict, from keywordEnd: Int, ref: PDFRef) throws(PDFError) -> (ArraySlice<UInt8>, Int) {
        let bytes = store.bytes
        var start = keywordEnd
        if start < bytes.count, bytes[start] == 13 { start += 1 }
        if start < bytes.count, bytes[start] == 10 { start += 1 }
        var length: Int?
        if let declared = dict["Length"] {
            if case .ref(let r) = declared, r.num == ref.num { length = nil } else { length = try store.resolve(declared).intValue }
        }
        if let length, length >= 0, start + length <= bytes.count, endsWithKeyword(at: start + length) {
            return (bytes[start..<(start + length)], start + length)
        }
        guard let found = IndirectObjectReader.find(IndirectObjectReader.endstream, in: bytes, from: start) else {
            return (bytes[start..<bytes.count], bytes.count)
        }
        var end = found
        if end > start, bytes[end - 1] == 10 { end -= 1 }
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return (bytes[start..<end], found)
    }

    func endsWithKeyword(at position: Int) -> Bool {
        var lexer = PDFLexer(bytes: store.bytes, position: position)
        lexer.skipWhitespace()
        let p = lexer.position
        let word = IndirectObjectReader.endstream
        guard p + word.count <= store.bytes.count else { return false }
        for i in 0..<word.count where store.bytes[p + i] != word[i] { return false }
        return true
    }
}

extension IndirectObjectReader {
    /// The first position of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, to limit: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        let last = min(limit ?? haystack.count, haystack.count) - needle.count
        guard from <= last else { return nil }
        var i = max(0, from)
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
