/// Byte tests and searches eight bytes at a time, on 64-bit words read from a byte buffer.
/// Masks have the high bit of each byte that passes a test set; they are exact for every byte.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset`, the first in the low byte.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes of `word` below `bound` (at most 0x80).
    @inline(__always)
    static func less(_ word: UInt64, than bound: UInt8) -> UInt64 {
        // (byte & 0x7F) + (0x80 - bound) reaches 0x80 exactly when the low seven bits are at least
        // `bound`, and never carries into the next byte; a byte with its high bit set is not below.
        ~(((word & lows) &+ ones &* UInt64(0x80 - bound)) | word) & highs
    }

    /// The bytes of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        // A zero byte stays below 0x80 when 0x7F is added to its low bits, and has no high bit.
        return ~(((difference & lows) &+ lows) | difference) & highs
    }

    /// The first index of `byte` at or after `start`, or the count when there is none.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            while bytes.count &- index >= 16 {
                let matches = ByteVectors.load(base, index) .== ByteVectors.Vector(repeating: byte)
                if ByteVectors.any(matches) { return index + ByteVectors.first(matches) }
                index &+= 16
            }
            while index + 8 <= bytes.count {
                let matches = equal(load(base, index), byte)
                if matches != 0 { return index + matches.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count && bytes[index] != byte { index += 1 }
        return index
    }

    /// The first index at or after `start` of a byte that is not ASCII, or the count when there is none.
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            while bytes.count &- index >= 16 {
                let high = ByteVectors.load(base, index) .>= ByteVectors.Vector(repeating: 0x80)
                if ByteVectors.any(high) { return index + ByteVectors.first(high) }
                index &+= 16
            }
            while index + 8 <= bytes.count {
                let high = load(base, index) & highs
                if high != 0 { return index + high.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count && bytes[index] < 0x80 { index += 1 }
        return index
    }
}

/// Byte tests on sixteen bytes at a time in a `SIMD16<UInt8>`, which the compiler keeps in one
/// vector register: each comparison of all sixteen bytes is one or two instructions (SSE2, NEON).
/// A mask has all bits of each lane that passes a test set.
enum ByteVectors {
    typealias Vector = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// The sixteen bytes at `offset`, the first in lane 0.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> Vector {
        base.loadUnaligned(fromByteOffset: offset, as: Vector.self)
    }

    /// The numbers of the lanes, 0 to 15.
    @inline(__always)
    static var lanes: Vector { Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) }

    /// True when any lane of `mask` is set.
    @inline(__always)
    static func any(_ mask: Mask) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The first lane `mask` sets (0-15); 16 when it sets none.
    @inline(__always)
    static func first(_ mask: Mask) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] != 0 ? words[0].trailingZeroBitCount / 8 : 8 + words[1].trailingZeroBitCount / 8
    }

    /// 0xFF in the lanes `mask` sets, 0 elsewhere: subtracting it from lane counters counts the lanes.
    @inline(__always)
    static func ones(_ mask: Mask) -> Vector {
        unsafeBitCast(mask, to: Vector.self)
    }

    /// True when any lane of `bytes` has its high bit set (a byte that is not ASCII).
    @inline(__always)
    static func anyHigh(_ bytes: Vector) -> Bool {
        let words = unsafeBitCast(bytes, to: SIMD2<UInt64>.self)
        return (words[0] | words[1]) & ByteWords.highs != 0
    }

    /// The sum of the sixteen lanes.
    @inline(__always)
    static func sum(_ lanes: Vector) -> Int {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return TextCounts.sumOfLanes(words[0]) &+ TextCounts.sumOfLanes(words[1])
    }

    /// The lanes holding a space as `TextCounts` counts words: space, tab, line feed, form feed or carriage return.
    @inline(__always)
    static func spaces(_ bytes: Vector) -> Mask {
        // Tab to carriage return (0x09-0x0D) but the vertical tab (0x0B), or a space.
        (bytes .== Vector(repeating: 0x20)) .| ((bytes &- Vector(repeating: 0x09) .< Vector(repeating: 5)) .& (bytes .!= Vector(repeating: 0x0B)))
    }

    /// The lanes holding a byte `InlineMarkdown.firstMarkup` looks for: ! * < and [ \\ ] ^ _ ` (0x5B-0x60).
    @inline(__always)
    static func markup(_ bytes: Vector) -> Mask {
        (bytes &- Vector(repeating: 0x5B) .< Vector(repeating: 6)) .| (bytes .== Vector(repeating: 0x21)) .| (bytes .== Vector(repeating: 0x2A))
            .| (bytes .== Vector(repeating: 0x3C))
    }

    /// The lanes holding a UTF-8 continuation byte (10xxxxxx).
    @inline(__always)
    static func continuations(_ bytes: Vector) -> Mask {
        bytes & Vector(repeating: 0xC0) .== Vector(repeating: 0x80)
    }
}
