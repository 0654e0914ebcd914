/// Finds the index of an equal value among values the caller keeps in an array, by a hash the caller
/// computes: open addressing over indices, at most half the slots used.
///
/// Used while an `Assessor` is built to fold repeated phrases, term sets and conditions. Cheaper than a
/// `Dictionary` keyed by a struct: a few small integers or bytes are mixed with a multiply rather than
/// SipHash, no key is copied into a table, and no new `Hashable` key type is instantiated (the first use
/// of each costs a scan of the runtime's conformance tables at start-up).
struct InternTable: Sendable {
    /// An index into the caller's values per slot, -1 when empty.
    private var slots: [Int32]
    /// The hash of each value stored, by index, for growing.
    private var hashes: [Int] = []

    /// An empty table with room for `capacity` values before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
    }

    /// The number of values stored; the next one stored gets this index.
    var count: Int { hashes.count }

    /// The index of a stored value whose hash is `hash` and for which `isEqual` (given its index) holds,
    /// or nil and the slot `insert` takes.
    func find(hash: Int, isEqual: (Int32) -> Bool) -> (index: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let index = slots[slot]
            if hashes[Int(index)] == hash, isEqual(index) { return (index, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Stores the next index (`count`) for a value with `hash` at `slot`, as `find` gave it.
    mutating func insert(hash: Int, at slot: Int) {
        slots[slot] = Int32(truncatingIfNeeded: hashes.count)
        hashes.append(hash)
        guard hashes.count * 2 > slots.count else { return }
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index)
        }
    }
}

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
