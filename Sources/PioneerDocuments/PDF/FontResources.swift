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
        if let ref = entry?.refValue, let cached = store.fonts[ref.num] {
            font = cached
        } else if let dict = try store.resolveDict(entry) {
            font = try FontLoader(store: store).load(dict)
            if let ref = entry?.refValue { store.fonts[ref.num] = font }
        } else {
            font = .fallback
        }
        local[name] = font
        return font
    }
}
