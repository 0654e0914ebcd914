/// The fonts named in one resource dictionary, loaded once per document through the store's cache.
struct FontResources {
    let store: ObjectStore
    let fontDict: PDFDict?
    private var local: [String: PDFFont] = [:]

    init(store: ObjectStore, resources: PDFDict?) {
        self.store = store
        self.fontDict = try? store.resolveDict(resources?["Font"])
    }

    /// The font `/name` of the resources, or the fallback when it is missing.
    mutating func font(named name: String) throws(PDFError) -> PDFFont {
        if let font = local[name] { return font }
        let entry = fontDict?[name]
        let font: PDFFont
        // A direct dictionary's key, written out once for both the look-up and the store.
        let directKey: [UInt8]? = if case .dict(let direct)? = entry { Self.key(of: direct) } else { nil }
        if let ref = entry?.refValue, let cached = store.fonts[ref.num] {
            font = cached
        } else if let directKey, let cached = store.directFonts[directKey] {
            font = cached
        } else if let dict = try store.resolveDict(entry) {
            font = try FontLoader(store: store).load(dict)
            if let ref = entry?.refValue {
                store.fonts[ref.num] = font
            } else if let directKey {
                store.directFonts[directKey] = font
            }
        } else {
            font = .fallback
        }
        local[name] = font
        return font
    }
}

extension FontResources {
    /// The most bytes a direct font dictionary's key may take; a larger one is loaded every time (its
    /// own bytes are in the file every time, so that costs no more than reading them).
    static let maximumKeyBytes = 4_096

    /// A direct font dictionary written out with its keys sorted and references as numbers, so that
    /// the same dictionary written inline on every page is loaded once: loading it reads the objects
    /// it refers to (a /Differences array, a ToUnicode stream, a /W array), which may be large and
    /// shared. `nil` when the dictionary is too large or nested too deep to be worth a key.
    static func key(of dict: PDFDict) -> [UInt8]? {
        var bytes: [UInt8] = []
        return append(.dict(dict), to: &bytes, depth: 0) ? bytes : nil
    }

    private static func append(_ object: PDFObject, to bytes: inout [UInt8], depth: Int) -> Bool {
        guard depth < 8, bytes.count <= maximumKeyBytes else { return false }
        func add(_ tag: UInt8, _ text: some StringProtocol) {
            bytes.append(tag)
            bytes.append(contentsOf: text.utf8)
            bytes.append(0)
        }
        switch object {
        case .null: bytes.append(0x6E)
        case .bool(let value): bytes.append(value ? 0x54 : 0x46)
        case .int(let value): add(0x69, String(value))
        case .real(let value): add(0x72, String(value.bitPattern))
        case .name(let name): add(0x2F, name)
        case .ref(let ref): add(0x52, "\(ref.num) \(ref.gen)")
        case .string(let value):
            add(0x73, String(value.count))
            bytes.append(contentsOf: value)
        case .array(let items):
            add(0x5B, String(items.count))
            for item in items where !append(item, to: &bytes, depth: depth + 1) { return false }
        case .dict(let dict):
            add(0x3C, String(dict.entries.count))
            for key in dict.entries.keys.sorted() {
                add(0x2F, key)
                guard let value = dict.entries[key], append(value, to: &bytes, depth: depth + 1) else { return false }
            }
        case .stream: return false
        }
        return bytes.count <= maximumKeyBytes
    }
}
