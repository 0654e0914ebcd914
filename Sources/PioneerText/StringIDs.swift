/// Distinct strings, each given an id in order of first insertion; strings that are equal to `String`'s
/// `==` (canonically equivalent) share one.
///
/// What a `[String: Int32]` of ids does, for the tables the rules and the phrase matcher build on every
/// run: the hash (`StringIDs.hash`) reads an ASCII string's bytes in place instead of running a seeded
/// SipHash over its normalised form, and the ids are found through an `InternTable`.
public struct StringIDs: Sendable {
    /// The strings by id.
    public private(set) var strings: [String] = []
    /// Ids by `hash`, the strings compared with `==`.
    private var table: InternTable

    /// An empty table with room for `capacity` strings before it grows.
    public init(capacity: Int = 0) {
        table = InternTable(capacity: capacity)
        strings.reserveCapacity(capacity)
    }

    public var count: Int { strings.count }

    /// The id of `string`, or -1 when it is not held.
    public func id(of string: String) -> Int32 {
        table.find(hash: Int(truncatingIfNeeded: Self.hash(string))) { strings[Int($0)] == string }.index ?? -1
    }

    /// The id of `string`, adding it with the next id when it is new.
    public mutating func insert(_ string: String) -> Int32 {
        let hash = Int(truncatingIfNeeded: Self.hash(string))
        let (found, slot) = table.find(hash: hash) { strings[Int($0)] == string }
        if let found { return found }
        strings.append(string)
        table.insert(hash: hash, at: slot)
        return Int32(truncatingIfNeeded: strings.count - 1)
    }

    /// A hash of `string` that equal strings share: one of the UTF-8 bytes of an ASCII string, or
    /// of the ASCII string another decomposes to, and `String`'s own (normalising, seeded) hash for the rest.
    ///
    /// Only three scalars outside ASCII decompose canonically to ASCII alone, each to one character:
    /// U+037E (';'), U+1FEF ('`') and U+212A (the Kelvin sign, 'K'); every other one keeps a scalar outside
    /// ASCII in its decomposition. So a string equals an ASCII string exactly when it is made of ASCII and
    /// those three, and then it is hashed as the ASCII string it decomposes to: the two ways never split
    /// equal strings.
    public static func hash(_ string: String) -> UInt64 {
        if let hash = asciiHash(string) { return hash }
        if let ascii = asciiDecomposition(of: string) { return ascii }
        var hasher = Hasher()
        hasher.combine(string)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }
}

private extension StringIDs {
    /// A hash of the bytes of an ASCII `string` (`asciiHash(of:)`); nil for any other string.
    static func asciiHash(_ string: String) -> UInt64? {
        // Read in place: contiguous for every native string, so the copy below is never made.
        if let hash = string.utf8.withContiguousStorageIfAvailable(asciiHash(of:)) { return hash }
        var copy = string
        return copy.withUTF8(asciiHash(of:))
    }

    /// The hash (`asciiHash(of:)`) of the ASCII string `string` decomposes to; nil when its decomposition
    /// is not ASCII.
    static func asciiDecomposition(of string: String) -> UInt64? {
        var bytes: [UInt8] = []
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            case 0x037E: bytes.append(UInt8(ascii: ";"))
            case 0x1FEF: bytes.append(UInt8(ascii: "`"))
            case 0x212A: bytes.append(UInt8(ascii: "K"))
            default: return nil
            }
        }
        return bytes.withUnsafeBufferPointer(asciiHash(of:))
    }

    /// FNV-1a over ASCII `bytes` (words are short: a byte at a time beats assembling eight-byte chunks);
    /// nil when some byte is not ASCII. `asciiDecomposition(of:)` gives the same hash for the same bytes.
    static func asciiHash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var bits: UInt8 = 0
        for byte in bytes {
            bits |= byte
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return bits < 0x80 ? hash : nil
    }
}
