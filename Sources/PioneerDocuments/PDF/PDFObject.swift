/// A reference to an indirect object: `num gen R`.
struct PDFRef: Hashable, Sendable {
    var num: Int
    var gen: Int
}

/// A PDF stream: its dictionary and where its raw (still encoded) bytes lie in the source.
struct PDFStream: Sendable {
    var dict: PDFDict
    /// The encoded bytes.
    var data: ArraySlice<UInt8>
    /// The indirect object holding the stream (needed to decrypt it).
    var ref: PDFRef?
}

/// A PDF dictionary keyed by name (without the slash).
struct PDFDict: Sendable {
    var entries: [String: PDFObject] = [:]

    subscript(key: String) -> PDFObject? {
        get { entries[key] }
        set { entries[key] = newValue }
    }
}

/// A PDF object (ISO 32000-1 §7.3).
enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dict(PDFDict)
    case stream(PDFStream)
    case ref(PDFRef)

    var intValue: Int? {
        switch self {
        case .int(let v): return v
        case .real(let v): return v.isFinite && abs(v) < 1e15 ? Int(v) : nil
        default: return nil
        }
    }

    var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .real(let v): return v.isFinite ? v : nil
        default: return nil
        }
    }

    var nameValue: String? {
        if case .name(let n) = self { return n }
        return nil
    }

    var stringValue: [UInt8]? {
        if case .string(let s) = self { return s }
        return nil
    }

    var arrayValue: [PDFObject]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The dictionary of a dictionary or of a stream.
    var dictValue: PDFDict? {
        switch self {
        case .dict(let d): return d
        case .stream(let s): return s.dict
        default: return nil
        }
    }

    var streamValue: PDFStream? {
        if case .stream(let s) = self { return s }
        return nil
    }

    var refValue: PDFRef? {
        if case .ref(let r) = self { return r }
        return nil
    }
}
