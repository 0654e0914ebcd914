/// Parses PDF objects from tokens (ISO 32000-1 §7.3).
struct PDFParser {
    var lexer: PDFLexer
    let maxDepth: Int
    /// Whether `n g R` is read as a reference (not in content streams, where it never occurs).
    var allowReferences = true

    static let kwR = PDFKeyword("R")
    static let kwObj = PDFKeyword("obj")
    static let kwStream = PDFKeyword("stream")
    static let kwEndstream = PDFKeyword("endstream")
    static let kwEndobj = PDFKeyword("endobj")
    static let kwTrue = PDFKeyword("true")
    static let kwFalse = PDFKeyword("false")
    static let kwNull = PDFKeyword("null")

    init(lexer: PDFLexer, maxDepth: Int) {
        self.lexer = lexer
        self.maxDepth = maxDepth
    }

    /// object := null | bool | number | string | name | array | dict | ref
    mutating func parseObject() throws(PDFError) -> PDFObject {
        try parseObject(startingWith: lexer.next(), depth: 0)
    }

    /// An object whose first token has already been read.
    mutating func parseObject(startingWith token: PDFToken, depth: Int) throws(PDFError) -> PDFObject {
        switch token {
        case .int(let value): return allowReferences ? parseReference(after: value) : .int(value)
        case .real(let value): return .real(value)
        case .string(let bytes): return .string(bytes)
        case .name(let name): return .name(name)
        case .arrayOpen: return try parseArray(depth: depth + 1)
        case .dictOpen: return .dict(try parseDict(depth: depth + 1))
        case .keyword(let keyword):
            if keyword == PDFParser.kwTrue { return .bool(true) }
            if keyword == PDFParser.kwFalse { return .bool(false) }
            return .null
        case .eof: throw .syntax("unexpected end of data", offset: lexer.position)
        case .arrayClose, .dictClose, .braceOpen, .braceClose: return .null
        }
    }

    /// array := '[' object* ']'
    mutating func parseArray(depth: Int) throws(PDFError) -> PDFObject {
        guard depth <= maxDepth else { throw .nestingTooDeep(maxDepth) }
        var items: [PDFObject] = []
        while true {
            let token = lexer.next()
            switch token {
            case .arrayClose: return .array(items)
            case .eof: throw .syntax("unterminated array", offset: lexer.position)
            case .dictClose: continue
            case .keyword(let k) where k == PDFParser.kwEndobj || k == PDFParser.kwStream:
                throw .syntax("unterminated array", offset: lexer.position)
            default: items.append(try parseObject(startingWith: token, depth: depth))
            }
        }
    }

    /// dict := '<<' (name object)* '>>'
    mutating func parseDict(depth: Int) throws(PDFError) -> PDFDict {
        guard depth <= maxDepth else { throw .nestingTooDeep(maxDepth) }
        var dict = PDFDict()
        while true {
            let token = lexer.next()
            switch token {
            case .dictClose: return dict
            case .eof: throw .syntax("unterminated dictionary", offset: lexer.position)
            case .name(let key):
                let valueToken = lexer.next()
                if case .dictClose = valueToken { dict[key] = .null; return dict }
                dict[key] = try parseObject(startingWith: valueToken, depth: depth)
            case .keyword(let k) where k == PDFParser.kwEndobj || k == PDFParser.kwStream:
                throw .syntax("unterminated dictionary", offset: lexer.position)
            default: continue
            }
        }
    }
}

private extension PDFParser {
    /// ref := int int 'R'
    mutating func parseReference(after num: Int) -> PDFObject {
        var probe = lexer
        guard case .int(let gen) = probe.next(), case .keyword(let k) = probe.next(), k == PDFParser.kwR else {
            return .int(num)
        }
        lexer = probe
        return .ref(PDFRef(num: num, gen: gen))
    }
}
