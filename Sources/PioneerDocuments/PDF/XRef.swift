/// The cross-reference data of a file: where each object is, and the trailer.
struct XRefTable: Sendable {
    var entries: [Int: XRefEntry] = [:]
    var trailer = PDFDict()
}

/// Reads the cross-reference chain from `startxref` (§7.5.4, §7.5.8, §7.5.6 incremental updates).
struct XRefLoader {
    let store: ObjectStore

    /// The merged table of every section on the `/Prev` chain, or `nil` when the chain cannot be read.
    func load() throws(PDFError) -> XRefTable? {
        guard var offset = startXRef() else { return nil }
        var table = XRefTable()
        var visited: Set<Int> = []
        var first = true
        while visited.insert(offset).inserted, visited.count <= 1000 {
            guard let section = try readSection(at: offset) else { return first ? nil : table }
            merge(section.entries, into: &table, overridingFree: false)
            if let stmOffset = section.trailer["XRefStm"]?.intValue, let stm = try readStream(at: stmOffset) {
                merge(stm.entries, into: &table, overridingFree: true)
            }
            for (key, value) in section.trailer.entries where table.trailer[key] == nil { table.trailer[key] = value }
            first = false
            guard let prev = section.trailer["Prev"]?.intValue else { break }
            offset = prev
        }
        return table
    }
}

private extension XRefLoader {
    static let startxref = Array("startxref".utf8)
    static let kwXref = PDFKeyword("xref")
    static let kwTrailer = PDFKeyword("trailer")

    /// The offset after the last `startxref` in the file.
    func startXRef() -> Int? {
        let bytes = store.bytes
        let from = max(0, bytes.count - 4096)
        var found: Int?
        var search = from
        while let hit = IndirectObjectReader.find(XRefLoader.startxref, in: bytes, from: search) {
            found = hit
            search = hit + 1
        }
        guard let hit = found else { return nil }
        var lexer = PDFLexer(bytes: bytes, position: hit + XRefLoader.startxref.count)
        guard case .int(let offset) = lexer.next(), offset >= 0, offset < bytes.count else { return nil }
        return offset
    }

    func merge(_ entries: [Int: XRefEntry], into table: inout XRefTable, overridingFree: Bool) {
        for (num, entry) in entries {
            if let existing = table.entries[num], !(overridingFree && existing == .free) { continue }
            table.entries[num] = entry
        }
    }

    func readSection(at offset: Int) throws(PDFError) -> XRefTable? {
        var lexer = PDFLexer(bytes: store.bytes, position: offset)
        if case .keyword(let k) = lexer.next(), k == XRefLoader.kwXref {
            return try readClassic(lexer: lexer)
        }
        return try readStream(at: offset)
    }

    /// xref := 'xref' (int int (int int ('n'|'f'))*)* 'trailer' dict
    func readClassic(lexer start: PDFLexer) throws(PDFError) -> XRefTable? {
        var lexer = start
        var table = XRefTable()
        let kwN = PDFKeyword("n")
        while true {
            let token = lexer.next()
            if case .keyword(let k) = token, k == XRefLoader.kwTrailer { break }
            guard case .int(let first) = token, case .int(let count) = lexer.next(), first >= 0, count >= 0 else { return nil }
            guard count <= store.limits.maxObjects else { throw .tooManyObjects(store.limits.maxObjects) }
            for i in 0..<count {
                guard case .int(let offset) = lexer.next(), case .int(let gen) = lexer.next(),
                      case .keyword(let kind) = lexer.next() else { return nil }
                let num = first + i
                if table.entries[num] == nil { table.entries[num] = kind == kwN && offset > 0 ? .offset(offset, gen: gen) : .free }
            }
        }
        var parser = PDFParser(lexer: lexer, maxDepth: store.limits.maxNesting)
        guard case .dict(let trailer) = try? parser.parseObject() else { return nil }
        table.trailer = trailer
        return table
    }

    /// An xref stream: rows of /W-wide big-endian fields over the /Index subsections.
    func readStream(at offset: Int) throws(PDFError) -> XRefTable? {
        guard let result = try IndirectObjectReader(store: store).read(at: offset, expecting: nil),
              case .stream(let stream) = result.object, stream.dict["Type"]?.nameValue == "XRef",
              let data = try store.decode(stream) else { return nil }
        let widths = (stream.dict["W"]?.arrayValue ?? []).map { $0.intValue ?? 0 }
        guard widths.count >= 3, widths.allSatisfy({ (0...8).contains($0) }) else { return nil }
        let size = stream.dict["Size"]?.intValue ?? 0
        let index = (stream.dict["Index"]?.arrayValue ?? [.int(0), .int(size)]).map { $0.intValue ?? 0 }
        var table = XRefTable(trailer: stream.dict)
        let rowWidth = widths[0] + widths[1] + widths[2]
        guard rowWidth > 0 else { return nil }
        var row = 0
        var pairIndex = 0
        while pairIndex + 1 < index.count {
            let first = index[pairIndex], count = index[pairIndex + 1]
            pairIndex += 2
            guard first >= 0, count >= 0, count <= store.limits.maxObjects else { return nil }
            for i in 0..<count {
                let base = row * rowWidth
                guard base + rowWidth <= data.count else { return table }
                row += 1
                let type = widths[0] == 0 ? 1 : field(data, base, widths[0])
                let f2 = field(data, base + widths[0], widths[1])
                let f3 = field(data, base + widths[0] + widths[1], widths[2])
                let num = first + i
                guard table.entries[num] == nil else { continue }
                switch type {
                case 1: table.entries[num] = .offset(f2, gen: f3)
                case 2: table.entries[num] = .compressed(stream: f2, index: f3)
                default: table.entries[num] = .free
                }
            }
        }
        return table
    }

    func field(_ data: [UInt8], _ start: Int, _ width: Int) -> Int {
        var value = 0
        for i in start..<(start + width) where i < data.count { value = value << 8 | Int(data[i]) }
        return value
    }
}
