/// Rebuilds the cross-reference table of a damaged file by scanning for `N G obj` headers (like
/// every mainstream viewer does when `startxref` or the table is wrong).
enum XRefRecovery {
    /// Every object header in the file (later copies win, as in an incremental update), members of
    /// object streams, and the last trailer (or xref-stream dictionary) that names a `/Root`.
    static func scan(store: ObjectStore) throws(PDFError) -> XRefTable {
        let bytes = store.bytes
        var table = XRefTable()
        var objectStreams: [Int] = []
        var catalog: PDFRef?
        let reader = IndirectObjectReader(store: store)
        var i = 0
        while i + 3 <= bytes.count {
            if bytes[i] == UInt8(ascii: "o"), bytes[i + 1] == UInt8(ascii: "b"), bytes[i + 2] == UInt8(ascii: "j"),
               i + 3 == bytes.count || !PDFLexer.isRegular(bytes[i + 3]), let start = headerStart(bytes, objAt: i),
               let result = try reader.read(at: start, expecting: nil) {
                table.entries[result.ref.num] = .offset(start, gen: result.ref.gen)
                guard table.entries.count <= store.limits.maxObjects else { throw .tooManyObjects(store.limits.maxObjects) }
                let dict = result.object.dictValue
                switch dict?["Type"]?.nameValue {
                case "ObjStm": objectStreams.append(result.ref.num)
                case "Catalog": catalog = result.ref
                case "XRef": if let dict, dict["Root"] != nil { table.trailer = dict }
                default: break
                }
                i = max(i + 3, result.end)
                continue
            }
            if bytes[i] == UInt8(ascii: "t"), let trailer = trailer(bytes, at: i, store: store) { table.trailer = trailer }
            i += 1
        }
        if table.trailer["Root"] == nil, let catalog { table.trailer["Root"] = .ref(catalog) }
        try addObjectStreamMembers(objectStreams, to: &table, store: store)
        return table
    }
}

private extension XRefRecovery {
    static let trailerWord = Array("trailer".utf8)

    /// The offset of `num` in `num gen obj` whose `obj` is at `objAt`.
    static func headerStart(_ bytes: [UInt8], objAt: Int) -> Int? {
        var p = objAt - 1
        func skipSpace() -> Bool {
            let before = p
            while p >= 0, PDFLexer.isWhitespace(bytes[p]) { p -= 1 }
            return p < before
        }
        func skipDigits() -> Bool {
            let before = p
            while p >= 0, bytes[p] >= 48, bytes[p] <= 57, before - p < 10 { p -= 1 }
            return p < before
        }
        guard skipSpace(), skipDigits(), skipSpace(), skipDigits() else { return nil }
        return p + 1
    }

    static func trailer(_ bytes: [UInt8], at i: Int, store: ObjectStore) -> PDFDict? {
        guard i + trailerWord.count <= bytes.count else { return nil }
        for j in 0..<trailerWord.count where bytes[i + j] != trailerWord[j] { return nil }
        var parser = PDFParser(lexer: PDFLexer(bytes: bytes, position: i + trailerWord.count), maxDepth: store.limits.maxNesting)
        guard case .dict(let dict) = try? parser.parseObject(), dict["Root"] != nil else { return nil }
        return dict
    }

    static func addObjectStreamMembers(_ streams: [Int], to table: inout XRefTable, store: ObjectStore) throws(PDFError) {
        let reader = IndirectObjectReader(store: store)
        for num in streams {
            guard case .offset(let offset, _) = table.entries[num],
                  let result = try reader.read(at: offset, expecting: num), case .stream(let stream) = result.object,
                  let data = try? store.decode(stream), let count = stream.dict["N"]?.intValue else { continue }
            var lexer = PDFLexer(bytes: data, position: 0, end: stream.dict["First"]?.intValue ?? data.count)
            for index in 0..<max(0, min(count, 1_000_000)) {
                guard case .int(let member) = lexer.next(), case .int = lexer.next() else { break }
                if table.entries[member] == nil { table.entries[member] = .compressed(stream: num, index: index) }
            }
        }
    }
}
