/// Where an object lives according to the cross-reference data.
enum XRefEntry: Sendable, Equatable {
    case free
    /// At a byte offset in the file.
    case offset(Int, gen: Int)
    /// The `index`th object of object stream `stream`.
    case compressed(stream: Int, index: Int)
}

/// Resolves indirect objects of one file, decoding and caching as it goes.
///
/// A class because every stage of one read (page tree, fonts, content streams) shares its caches
/// and its decompression budget; it never leaves `PDFReader.read` and is not shared across threads.
final class ObjectStore {
    let bytes: [UInt8]
    let limits: ReaderLimits
    var entries: [Int: XRefEntry] = [:]
    var trailer = PDFDict()
    var decryptor: Decryptor?
    /// Fonts already built, by object number.
    var fonts: [Int: PDFFont] = [:]
    /// Fonts built from direct dictionaries, by `FontResources.key(of:)`.
    var directFonts: [[UInt8]: PDFFont] = [:]
    private var operators = 0
    private var textBytes = 0
    static let maxOperators = 50_000_000
    /// Objects being loaded at once (a stream's /Length naming a stream whose /Length names…).
    static let maxLoadDepth = 64
    private var cache: [Int: PDFObject] = [:]
    private var objectStreams: [Int: [Int: PDFObject]] = [:]
    private var recovered: XRefTable?
    private var resolving: Set<Int> = []
    private var recovering = false
    private var inflatedTotal = 0
    /// Streams whose compressed data was corrupt or ended early (what came before the fault was kept).
    private(set) var damagedStreams = 0
    private var objectsLoaded = 0

    init(bytes: [UInt8], limits: ReaderLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Follows `object` if it is a reference (chains included); `null` for dangling or looping references.
    func resolve(_ object: PDFObject?) throws(PDFError) -> PDFObject {
        guard var current = object else { return .null }
        var hops = 0
        while case .ref(let ref) = current {
            hops += 1
            if hops > 32 { return .null }
            current = try load(ref)
        }
        return current
    }

    func resolveDict(_ object: PDFObject?) throws(PDFError) -> PDFDict? { try resolve(object).dictValue }

    /// The object `ref` names, or `null` when it is missing or unreadable.
    func load(_ ref: PDFRef) throws(PDFError) -> PDFObject {
        if let cached = cache[ref.num] { return cached }
        guard !resolving.contains(ref.num), resolving.count < ObjectStore.maxLoadDepth else { return .null }
        objectsLoaded += 1
        guard objectsLoaded <= limits.maxObjects else { throw .tooManyObjects(limits.maxObjects) }
        resolving.insert(ref.num)
        defer { resolving.remove(ref.num) }
        var object = try loadUncached(ref.num, entry: entries[ref.num])
        if object == nil, let table = try recoveredTable(), let entry = table.entries[ref.num] {
            object = try loadUncached(ref.num, entry: entry)
        }
        let result = object ?? .null
        cache[ref.num] = result
        return result
    }

    /// The decoded bytes of a stream: decrypted, then through its filters. `nil` for image data.
    func decode(_ stream: PDFStream) throws(PDFError) -> [UInt8]? {
        var data = Array(stream.data)
        if let decryptor, let ref = stream.ref, !isXRefStream(stream.dict) {
            data = decryptor.decrypt(data, ref: ref)
        }
        let budget = min(limits.maxInflatedBytes, limits.maxTotalInflatedBytes - inflatedTotal)
        guard budget > 0 else { throw .totalInflateLimit(limits.maxTotalInflatedBytes) }
        let decoded: [UInt8]?
        do {
            var damaged = false
            decoded = try Filters.decode(data, dict: stream.dict, store: self, maxOutput: budget, damaged: &damaged)
            if damaged { damagedStreams += 1 }
        } catch {
            guard case .inflateLimit = error else { throw error }
            throw budget < limits.maxInflatedBytes ? .totalInflateLimit(limits.maxTotalInflatedBytes) : .inflateLimit(limits.maxInflatedBytes)
        }
        inflatedTotal += decoded?.count ?? 0
        return decoded
    }

    /// The table rebuilt by scanning the whole file (built once, on first need).
    func recoveredTable() throws(PDFError) -> XRefTable? {
        if recovered == nil, !recovering {
            recovering = true
            defer { recovering = false }
            recovered = try XRefRecovery.scan(store: self)
        }
        return recovered
    }
}

extension ObjectStore {
    /// Counts one content-stream operator against the document's budget.
    func countOperator() throws(PDFError) {
        operators += 1
        if operators > ObjectStore.maxOperators { throw .tooManyOperators(ObjectStore.maxOperators) }
    }

    /// Bytes of text the document may still yield before `maxTextCharacters`.
    var remainingText: Int { max(0, limits.maxTextCharacters - textBytes) }

    /// Counts extracted text against `maxTextCharacters`.
    func countText(_ count: Int) throws(PDFError) {
        textBytes += count
        if textBytes > limits.maxTextCharacters { throw .textLimit(limits.maxTextCharacters) }
    }
}

private extension ObjectStore {
    func isXRefStream(_ dict: PDFDict) -> Bool { dict["Type"]?.nameValue == "XRef" }

    func loadUncached(_ num: Int, entry: XRefEntry?) throws(PDFError) -> PDFObject? {
        switch entry {
        case .offset(let offset, _):
            return try IndirectObjectReader(store: self).read(at: offset, expecting: num)?.object
        case .compressed(let streamNum, let index):
            return try objectFromStream(streamNum, num: num, index: index)
        case .free, nil:
            return nil
        }
    }

    /// An object stored in an object stream (§7.5.7).
    func objectFromStream(_ streamNum: Int, num: Int, index: Int) throws(PDFError) -> PDFObject? {
        if objectStreams[streamNum] == nil {
            objectStreams[streamNum] = [:]
            guard case .stream(let stream) = try load(PDFRef(num: streamNum, gen: 0)) else { return nil }
            objectStreams[streamNum] = try parseObjectStream(stream)
        }
        return objectStreams[streamNum]?[num]
    }

    func parseObjectStream(_ stream: PDFStream) throws(PDFError) -> [Int: PDFObject] {
        guard let data = try decode(stream), let count = stream.dict["N"]?.intValue,
              let first = try resolve(stream.dict["First"]).intValue, count >= 0, first >= 0 else { return [:] }
        var header = PDFLexer(bytes: data, position: 0, end: min(first, data.count))
        var offsets: [(Int, Int)] = []
        for _ in 0..<min(count, 1_000_000) {
            guard case .int(let n) = header.next(), case .int(let off) = header.next() else { break }
            offsets.append((n, off))
        }
        var objects: [Int: PDFObject] = [:]
        for (n, off) in offsets where objects[n] == nil {
            var parser = PDFParser(lexer: PDFLexer(bytes: data, position: first + off), maxDepth: limits.maxNesting)
            do { objects[n] = try parser.parseObject() } catch { if error.isLimit { throw error } }
        }
        return objects
    }
}
