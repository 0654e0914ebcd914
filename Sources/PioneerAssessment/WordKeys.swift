/// A word's canonical bytes read where they lie, eight at a time: `source[start..<start + count]`
/// with `fold` OR-ed into every byte. A fold of 0x20 lower-cases ASCII letters and leaves digits,
/// '.' and ',' as they are, so a letter or number run of the text is its own canonical key.
struct Spelling {
    let source: UnsafeBufferPointer<UInt8>
    let start: Int
    let count: Int
    /// 0x20 for a run of ASCII letters or of a number, 0 for bytes that are already canonical.
    let fold: UInt8
    /// The first eight canonical bytes (`chunk(0)`), read once.
    let first: UInt64

    /// The canonical bytes `bytes` as they are.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(source: bytes, start: 0, count: bytes.count, fold: 0)
    }

    @inline(__always)
    init(source: UnsafeBufferPointer<UInt8>, start: Int, count: Int, fold: UInt8) {
        self.source = source
        self.start = start
        self.count = count
        self.fold = fold
        first = Self.chunk(source, start: start, count: count, fold: fold, index: 0)
    }

    var chunkCount: Int { (count + 7) >> 3 }

    /// Canonical bytes `8 * index..<8 * index + 8` as a little-endian word, zero past the end.
    @inline(__always)
    func chunk(_ index: Int) -> UInt64 {
        index == 0 ? first : Self.chunk(source, start: start, count: count, fold: fold, index: index)
    }

    /// Whether every canonical byte is ASCII, read a chunk at a time.
    var isASCII: Bool {
        var index = 0
        while index < chunkCount {
            if chunk(index) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 1
        }
        return true
    }

    /// Appends the canonical bytes to `bytes`.
    func appendCanonicalBytes(to bytes: inout [UInt8]) {
        for position in start..<start + count { bytes.append(source[position] | fold) }
    }

    /// The hash of the canonical bytes, the same wherever they were read from.
    @inline(__always)
    var hash: UInt64 {
        var hash = Self.hash(first: first, count: count)
        var index = 1
        while index < chunkCount {
            hash = Self.mix(hash, chunk(index))
            index += 1
        }
        return hash
    }

    /// The hash of a word of `count` canonical bytes whose first eight are `first`: the whole hash
    /// of a word of at most eight bytes, the start of a longer one's.
    @inline(__always)
    static func hash(first: UInt64, count: Int) -> UInt64 {
        mix(UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15, first)
    }

    /// The hash of a word of `count` (9 to 16) canonical bytes whose two chunks are `first` and `second`.
    @inline(__always)
    static func hash(first: UInt64, second: UInt64, count: Int) -> UInt64 {
        mix(hash(first: first, count: count), second)
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
        let mixed = (hash ^ chunk) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 31)
    }

    @inline(__always)
    private static func chunk(_ source: UnsafeBufferPointer<UInt8>, start: Int, count: Int, fold: UInt8, index: Int) -> UInt64 {
        let offset = start &+ index << 3
        let remaining = count &- index << 3
        guard remaining > 0, let base = source.baseAddress else { return 0 }
        let folds = UInt64(fold) &* 0x0101_0101_0101_0101
        if offset &+ 8 <= source.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)) | folds
            return remaining >= 8 ? word : word & ((1 << UInt64(remaining << 3)) &- 1)
        }
        var value: UInt64 = 0
        for position in 0..<min(remaining, 8) { value |= UInt64(source[offset + position] | fold) << UInt64(position << 3) }
        return value
    }
}

/// Distinct canonical words in an open-addressing hash table: each gets an id, in order of insertion.
/// Keys are kept as little-endian eight-byte chunks, the first in the table's slots themselves, so
/// that comparing a `Spelling` with a key takes one comparison per eight bytes, and checking a word of
/// up to eight bytes reads nothing but its slot.
struct WordKeys: Sendable {
    /// What is kept of word i besides its chunks after the first, `rest[restStart..<restStart + (length - 1) / 8]`:
    /// one element, so adding a word is one append and checking one is one read.
    fileprivate struct Key {
        var first: UInt64
        /// The hash of the word, so that growing never hashes again.
        var hash: UInt64
        var length: Int32
        var restStart: Int32
    }

    /// A place in the table: the first chunk of its word, and the word's length in the high 32 bits
    /// of `entry` with its id + 1 in the low ones (0 for an empty slot).
    fileprivate struct Slot {
        var first: UInt64 = 0
        var entry: UInt64 = 0
    }

    private var keys: [Key] = []
    private var rest: [UInt64] = []
    /// The count is a power of two; at most half the slots are full.
    private var slots: [Slot]

    /// A table with room for `capacity` words before it grows.
    init(capacity: Int) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Slot](repeating: Slot(), count: slotCount)
        keys.reserveCapacity(capacity)
    }

    var count: Int { keys.count }

    /// The id of the word `spelling` spells (whose hash is `hash`), or -1 and the empty slot for it.
    @inline(__always)
    func find(_ spelling: Spelling, hash: UInt64) -> (id: Int32, slot: Int) {
        withLookup { $0.find(spelling, hash: hash) }
    }

    /// Calls `body` with a `Lookup` of the words held now, for loops that look up many words.
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                rest.withUnsafeBufferPointer { rest in body(Lookup(slots: slots, keys: keys, rest: rest)) }
            }
        }
    }

    /// Adds the word `spelling` spells at `slot` (from `find`) and returns its id.
    mutating func insert(_ spelling: Spelling, hash: UInt64, at slot: Int) -> Int32 {
        let id = Int32(keys.count)
        let key = Key(first: spelling.first, hash: hash, length: Int32(truncatingIfNeeded: spelling.count),
                      restStart: Int32(truncatingIfNeeded: rest.count))
        keys.append(key)
        for index in 1..<max(1, spelling.chunkCount) { rest.append(spelling.chunk(index)) }
        slots[slot] = Self.slot(key, id: id)
        if keys.count * 2 > slots.count { grow() }
        return id
    }

    /// The canonical bytes of word `id`.
    func bytes(_ id: Int32) -> [UInt8] {
        let key = keys[Int(id)]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(key.length))
        var chunk = key.first
        var next = Int(key.restStart)
        for position in 0..<Int(key.length) {
            if position > 0, position & 7 == 0 {
                chunk = rest[next]
                next += 1
            }
            bytes.append(UInt8(truncatingIfNeeded: chunk >> UInt64((position & 7) << 3)))
        }
        return bytes
    }
}

extension WordKeys {
    /// `find` over the table's storage read in place, for as long as the table does not change: the
    /// slots, keys and chunks are not read again through the table for every word.
    struct Lookup {
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let keys: UnsafeBufferPointer<Key>
        fileprivate let rest: UnsafeBufferPointer<UInt64>

        /// The id of the word of `count` (at most eight) canonical bytes `first`, whose hash is
        /// `Spelling.hash(first:count:)`; -1 when it is not held.
        @inline(__always)
        func id(first: UInt64, count: Int, hash: UInt64) -> Int32 {
            probe(hash, first: first, count: count) { _ in true }.id
        }

        /// The id of the word of `count` (9 to 16) canonical bytes whose two chunks are `first` and
        /// `second`, whose hash is `Spelling.hash(first:second:count:)`; -1 when it is not held.
        @inline(__always)
        func id(first: UInt64, second: UInt64, count: Int, hash: UInt64) -> Int32 {
            probe(hash, first: first, count: count) { rest[Int(keys[$0].restStart)] == second }.id
        }

        /// The id of the word `spelling` spells (whose hash is `hash`), or -1 and the empty slot for it.
        @inline(__always)
        func find(_ spelling: Spelling, hash: UInt64) -> (id: Int32, slot: Int) {
            probe(hash, first: spelling.first, count: spelling.count) { spelling.count <= 8 || restMatches(keys[$0], spelling) }
        }

        /// The id of the word of `count` bytes whose first chunk is `first`, whose hash is `hash` and
        /// whose chunks after the first `restMatch` (given its id), or -1 and the empty slot for it.
        @inline(__always)
        private func probe(_ hash: UInt64, first: UInt64, count: Int, restMatch: (Int) -> Bool) -> (id: Int32, slot: Int) {
            // The slot count is a power of two and at most half the slots are full: the probe ends.
            let mask = slots.count &- 1
            let length = UInt64(truncatingIfNeeded: count) &<< 32
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = slots[slot]
                if stored.first == first, stored.entry & 0xFFFF_FFFF_0000_0000 == length {
                    let id = Int(truncatingIfNeeded: stored.entry & 0xFFFF_FFFF) &- 1
                    if restMatch(id) { return (Int32(truncatingIfNeeded: id), slot) }
                }
                if stored.entry == 0 { return (-1, slot) }
                slot = (slot &+ 1) & mask
            }
        }

        /// Whether the chunks after the first of the word `key` are those of `spelling`.
        private func restMatches(_ key: Key, _ spelling: Spelling) -> Bool {
            var position = Int(key.restStart)
            var index = 1
            while index < spelling.chunkCount {
                if rest[position] != spelling.chunk(index) { return false }
                position += 1
                index += 1
            }
            return true
        }
    }
}

private extension WordKeys {
    /// The slot of word `id`, whose key is `key`.
    static func slot(_ key: Key, id: Int32) -> Slot {
        Slot(first: key.first, entry: UInt64(UInt32(truncatingIfNeeded: key.length)) << 32 | UInt64(UInt32(id) + 1))
    }

    mutating func grow() {
        var grown = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = grown.count - 1
        for (id, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while grown[slot].entry != 0 { slot = (slot + 1) & mask }
            grown[slot] = Self.slot(key, id: Int32(id))
        }
        slots = grown
    }
}
