/// SHA-256 (FIPS 180-4), written out so the package needs no crypto library.
///
/// Whole blocks are read straight from the message; only the padded tail is copied. The schedule
/// and round constants are reached through pointers, so the rounds run without bounds checks or
/// array copies.
public enum SHA256 {
    /// The lower-case hex digest of `bytes`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = bytes.withContiguousStorageIfAvailable(digest(of:)) ?? digest(Array(bytes))
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 32-byte digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBufferPointer(digest(of:))
    }
}

private extension SHA256 {
    static let hexDigits = Array("0123456789abcdef".utf8)

    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of the bytes in `message`: its whole blocks, then the padded tail (one or two blocks).
    static func digest(of message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var state = State()
        let wholeBlocks = message.count / 64
        k.withUnsafeBufferPointer { constants in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let rounds = Rounds(k: constants, w: schedule)
                let raw = UnsafeRawBufferPointer(message)
                for block in 0..<wholeBlocks {
                    rounds.compress(&state, UnsafeRawBufferPointer(rebasing: raw[block * 64..<block * 64 + 64]))
                }
                let tail = padding(message[(wholeBlocks * 64)...], length: message.count)
                tail.withUnsafeBytes { bytes in
                    for block in 0..<bytes.count / 64 {
                        rounds.compress(&state, UnsafeRawBufferPointer(rebasing: bytes[block * 64..<block * 64 + 64]))
                    }
                }
            }
        }
        return state.bytes
    }

    /// The last partial block, `0x80`, zeros, and the message length in bits: 64 or 128 bytes.
    static func padding(_ rest: Slice<UnsafeBufferPointer<UInt8>>, length: Int) -> [UInt8] {
        var tail = Array(rest)
        tail.append(0x80)
        let padded = tail.count <= 56 ? 64 : 128
        tail.append(contentsOf: repeatElement(0, count: padded - 8 - tail.count))
        let bitLength = UInt64(length) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        return tail
    }

    /// The eight working words, starting from the initial hash value.
    struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        /// The state as 32 big-endian bytes.
        var bytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(32)
            for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
                out.append(UInt8(truncatingIfNeeded: word >> 24))
                out.append(UInt8(truncatingIfNeeded: word >> 16))
                out.append(UInt8(truncatingIfNeeded: word >> 8))
                out.append(UInt8(truncatingIfNeeded: word))
            }
            return out
        }
    }

    /// The compression function over borrowed round constants and message schedule (64 words each).
    struct Rounds {
        let k: UnsafeBufferPointer<UInt32>
        let w: UnsafeMutableBufferPointer<UInt32>

        /// Mixes one 64-byte block into the state.
        func compress(_ state: inout State, _ block: UnsafeRawBufferPointer) {
            guard k.count == 64, w.count >= 64, block.count == 64, let k = k.baseAddress, let w = w.baseAddress else { return }
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            for i in 16..<64 {
                let a = w[i - 15], b = w[i - 2]
                // σ0 = rotr 7 ^ rotr 18 ^ shr 3 and σ1 = rotr 17 ^ rotr 19 ^ shr 10, nested so each
                // rotation works on the previous result (fewer register copies than three rotations of one word).
                let s0 = (a ^ a.rotatedRight(11)).rotatedRight(7) ^ (a >> 3)
                let s1 = (b ^ b.rotatedRight(2)).rotatedRight(17) ^ (b >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d) = (state.h0, state.h1, state.h2, state.h3)
            var (e, f, g, h) = (state.h4, state.h5, state.h6, state.h7)
            // Eight rounds per turn with the roles of the working words rotated by hand, so no round
            // shuffles eight variables.
            var i = 0
            while i < 64 {
                Self.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                Self.round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                Self.round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                Self.round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                Self.round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                Self.round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                Self.round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                Self.round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                i += 8
            }
            state.h0 &+= a; state.h1 &+= b; state.h2 &+= c; state.h3 &+= d
            state.h4 &+= e; state.h5 &+= f; state.h6 &+= g; state.h7 &+= h
        }

        /// One round in place: `d` becomes the next `e` and `h` the next `a`; the caller renames the
        /// other words. `kw` is the round constant plus the schedule word.
        @inline(__always)
        static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                          _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
            // Σ1 = rotr 6 ^ rotr 11 ^ rotr 25 and Σ0 = rotr 2 ^ rotr 13 ^ rotr 22, nested as for σ0 and σ1.
            let s1 = (e ^ (e ^ e.rotatedRight(14)).rotatedRight(5)).rotatedRight(6)
            let choice = g ^ (e & (f ^ g))  // (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ kw
            let s0 = (a ^ (a ^ a.rotatedRight(9)).rotatedRight(11)).rotatedRight(2)
            let majority = (a & b) | (c & (a | b))  // (a & b) ^ (a & c) ^ (b & c)
            d = d &+ t1
            h = t1 &+ s0 &+ majority
        }
    }
}

private extension UInt32 {
    func rotatedRight(_ count: UInt32) -> UInt32 { (self &>> count) | (self &<< (32 &- count)) }
}
