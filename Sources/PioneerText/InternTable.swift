/// Finds the index of an equal value among values the caller keeps in an array, by a hash the caller
/// computes: open addressing over indices, at most half the slots used.
///
/// The one hash table under the tables built while rules load and an `Assessor` is made (phrase
/// interning, string ids, folding repeated phrases, term sets and conditions). Cheaper than a
/// `Dictionary` keyed by a struct: a hash the caller mixes from a few integers or bytes instead of
/// SipHash, no key copied into the table, and no new `Hashable` key type instantiated (the first use
/// of each costs a scan of the runtime's conformance tables at start-up).
public struct InternTable: Sendable {
    /// An index into the caller's values per slot, -1 when empty; a power of two of them.
    @usableFromInline var slots: [Int32]
    /// The hash of each value stored, by index, for growing.
    @usableFromInline var hashes: [Int] = []

    /// An empty table with room for `capacity` values before it grows.
    public init(capacity: Int = 0) {
        slots = [Int32](repeating: -1, count: Self.slotCount(for: capacity))
        hashes.reserveCapacity(capacity)
    }

    /// The number of values stored; the next one stored gets this index.
    public var count: Int { hashes.count }

    /// Makes room for `capacity` values, so that storing them does not grow the table again.
    public mutating func reserveCapacity(_ capacity: Int) {
        hashes.reserveCapacity(capacity)
        let size = Self.slotCount(for: capacity)
        if size > slots.count { rehash(size) }
    }

    /// The index of a stored value whose hash is `hash` and for which `isEqual` (given its index) holds,
    /// or nil and the slot `insert` takes.
    @inlinable
    public func find(hash: Int, isEqual: (Int32) -> Bool) -> (index: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Self.slot(of: hash, mask: mask)
        while slots[slot] >= 0 {
            let index = slots[slot]
            if hashes[Int(index)] == hash, isEqual(index) { return (index, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Stores the next index (`count`) for a value with `hash` at `slot`, as `find` gave it.
    @inlinable
    public mutating func insert(hash: Int, at slot: Int) {
        slots[slot] = Int32(truncatingIfNeeded: hashes.count)
        hashes.append(hash)
        if hashes.count * 2 > slots.count { rehash(slots.count * 2) }
    }

    /// The slot a hash starts probing at: its high bits after a multiply, so that hashes that differ
    /// only in their high bits still spread.
    @inlinable
    static func slot(of hash: Int, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: hash) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Puts every stored index back into `size` slots.
    @usableFromInline
    mutating func rehash(_ size: Int) {
        var grown = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Self.slot(of: hash, mask: mask)
            while grown[slot] >= 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(truncatingIfNeeded: index)
        }
        slots = grown
    }

    static func slotCount(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        return size
    }
}
