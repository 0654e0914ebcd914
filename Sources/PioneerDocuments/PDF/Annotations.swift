/// Annotation appearance streams (§12.5.5): form-field values and stamps that viewers and
/// `pdftotext` show as page text.
extension ContentStream {
    /// Runs the normal appearance of every visible annotation of `page`.
    mutating func runAnnotations(of page: PDFDict) throws(PDFError) {
        guard let annots = try store.resolve(page["Annots"]).arrayValue else { return }
        for annot in annots.prefix(10_000) {
            guard let dict = try store.resolveDict(annot), let rect = try Rect(store.resolve(dict["Rect"]).arrayValue ?? []) else { continue }
            let flags = try store.resolve(dict["F"]).intValue ?? 0
            if flags & (2 | 32) != 0 { continue }
            let before = runs.count
            if let form = try appearance(of: dict), let data = try store.decode(form) {
                try runAppearance(form, data: data, rect: rect)
            }
            // Strings of encrypted files are not decrypted, so their field values would be noise.
            if runs.count == before, store.decryptor == nil, let value = try fieldValue(dict) {
                try addRun(TextRun(x: rect.x0 + 2, y: rect.y0 + 2, endX: rect.x1, fontSize: min(max(rect.height - 2, 4), 12), text: value))
            }
        }
    }
}

private extension ContentStream {
    mutating func runAppearance(_ form: PDFStream, data: [UInt8], rect: Rect) throws(PDFError) {
        let matrix = Matrix(try store.resolve(form.dict["Matrix"]).arrayValue ?? []) ?? .identity
        let bbox = try Rect(store.resolve(form.dict["BBox"]).arrayValue ?? []) ?? rect
        let box = bbox.transformed(by: matrix)
        let sx = box.width > 0 ? rect.width / box.width : 1
        let sy = box.height > 0 ? rect.height / box.height : 1
        let fit = Matrix(sx, 0, 0, sy, rect.x0 - box.x0 * sx, rect.y0 - box.y0 * sy)
        try runForm(data, matrix: matrix.concatenating(fit), resources: try store.resolveDict(form.dict["Resources"]))
    }

    /// The text value `/V` of a text or choice field (looking up `/Parent` for inherited entries).
    func fieldValue(_ annot: PDFDict) throws(PDFError) -> String? {
        var node: PDFDict? = annot
        var type: String?
        var value: [UInt8]?
        for _ in 0..<16 {
            guard let current = node else { break }
            if type == nil { type = try store.resolve(current["FT"]).nameValue }
            if value == nil { value = try store.resolve(current["V"]).stringValue }
            node = try store.resolveDict(current["Parent"])
        }
        guard type == "Tx" || type == "Ch", let value else { return nil }
        let text = Encodings.textString(value).trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    /// The `/AP /N` stream, choosing the `/AS` state when there are several.
    func appearance(of annot: PDFDict) throws(PDFError) -> PDFStream? {
        guard let ap = try store.resolveDict(annot["AP"]) else { return nil }
        let normal = try store.resolve(ap["N"])
        if case .stream(let stream) = normal { return stream }
        guard let states = normal.dictValue, let state = try store.resolve(annot["AS"]).nameValue else { return nil }
        return try store.resolve(states[state]).streamValue
    }
}

/// A rectangle `[x0 y0 x1 y1]`, normalised.
struct Rect {
    var x0, y0, x1, y1: Double
    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }

    init(x0: Double, y0: Double, x1: Double, y1: Double) {
        (self.x0, self.y0, self.x1, self.y1) = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    }

    init?(_ values: [PDFObject]) {
        let v = values.prefix(4).compactMap(\.doubleValue)
        guard v.count == 4 else { return nil }
        self.init(x0: v[0], y0: v[1], x1: v[2], y1: v[3])
    }

    func transformed(by m: Matrix) -> Rect {
        let corners = [m.apply(x: x0, y: y0), m.apply(x: x1, y: y0), m.apply(x: x0, y: y1), m.apply(x: x1, y: y1)]
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Rect(x0: xs.min() ?? 0, y0: ys.min() ?? 0, x1: xs.max() ?? 0, y1: ys.max() ?? 0)
    }
}
