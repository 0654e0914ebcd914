/// A 64-bit multiplicative hash over small integers and bytes, for `InternTable`.
struct MixHash {
    private(set) var state: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func mix(_ value: UInt64) {
        state = (state ^ value) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }

    mutating func mix(_ value: Int32) { mix(UInt64(UInt32(bitPattern: value))) }

    mutating func mix(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    /// Mixes `text` consistently with `String`'s `==`: ASCII text by its bytes (eight at a time) and its
    /// length; other text only by a marker, since canonically equivalent strings may differ in bytes.
    mutating func mix(_ text: String) {
        var text = text
        let ascii = text.withUTF8 { bytes -> (hash: MixHash, isASCII: Bool) in
            var hash = self
            var word: UInt64 = 0
            var filled = 0
            var high: UInt8 = 0
            for byte in bytes {
                high |= byte
                word = word << 8 | UInt64(byte)
                filled += 1
                if filled == 8 {
                    hash.mix(word)
                    (word, filled) = (0, 0)
                }
            }
            hash.mix(word)
            hash.mix(bytes.count)
            return (hash, high < 0x80)
        }
        if ascii.isASCII { self = ascii.hash } else { mix(UInt64.max) }
    }

    var value: Int { Int(truncatingIfNeeded: state) }
}
