/// AES-128 decryption in CBC mode (FIPS 197), for `/AESV2` encrypted PDF streams.
enum AES128 {
    /// `data` = 16-byte IV followed by the ciphertext; PKCS#5 padding is removed.
    static func decryptCBC(key: [UInt8], data: [UInt8]) -> [UInt8] {
        guard key.count == 16, data.count >= 32 else { return [] }
        let roundKeys = expand(key)
        var previous = Array(data[0..<16])
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var offset = 16
        while offset + 16 <= data.count {
            let block = Array(data[offset..<(offset + 16)])
            let plain = decryptBlock(block, roundKeys)
            for i in 0..<16 { out.append(plain[i] ^ previous[i]) }
            previous = block
            offset += 16
        }
        if let pad = out.last, pad >= 1, pad <= 16, Int(pad) <= out.count { out.removeLast(Int(pad)) }
        return out
    }
}

private extension AES128 {
    static let sbox: [UInt8] = {
        var box = [UInt8](repeating: 0, count: 256)
        for x in 0..<256 {
            var inverse: UInt8 = 0
            if x != 0 { for y in 1..<256 where multiply(UInt8(x), UInt8(y)) == 1 { inverse = UInt8(y); break } }
            var s = inverse
            var r = inverse
            for _ in 0..<4 { r = r << 1 | r >> 7; s ^= r }
            box[x] = s ^ 0x63
        }
        return box
    }()

    static let inverseSbox: [UInt8] = {
        var box = [UInt8](repeating: 0, count: 256)
        for i in 0..<256 { box[Int(sbox[i])] = UInt8(i) }
        return box
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a, b = b, p: UInt8 = 0
        for _ in 0..<8 {
            if b & 1 != 0 { p ^= a }
            let high = a & 0x80
            a <<= 1
            if high != 0 { a ^= 0x1B }
            b >>= 1
        }
        return p
    }

    static func expand(_ key: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = (0..<4).map { Array(key[($0 * 4)..<($0 * 4 + 4)]) }
        var rcon: UInt8 = 1
        for i in 4..<44 {
            var temp = words[i - 1]
            if i % 4 == 0 {
                temp = [sbox[Int(temp[1])] ^ rcon, sbox[Int(temp[2])], sbox[Int(temp[3])], sbox[Int(temp[0])]]
                rcon = multiply(rcon, 2)
            }
            words.append((0..<4).map { words[i - 4][$0] ^ temp[$0] })
        }
        return (0..<11).map { r in words[(r * 4)..<(r * 4 + 4)].flatMap { $0 } }
    }

    static func decryptBlock(_ input: [UInt8], _ keys: [[UInt8]]) -> [UInt8] {
        var state = zip(input, keys[10]).map { $0 ^ $1 }
        for round in stride(from: 9, through: 0, by: -1) {
            var shifted = state
            for c in 0..<4 { for r in 0..<4 { shifted[((c + r) % 4) * 4 + r] = state[c * 4 + r] } }
            state = shifted.map { inverseSbox[Int($0)] }
            state = zip(state, keys[round]).map { $0 ^ $1 }
            if round > 0 { state = inverseMixColumns(state) }
        }
        return state
    }

    static func inverseMixColumns(_ s: [UInt8]) -> [UInt8] {
        var out = s
        for c in 0..<4 {
            let a0 = s[c * 4], a1 = s[c * 4 + 1], a2 = s[c * 4 + 2], a3 = s[c * 4 + 3]
            out[c * 4] = multiply(a0, 14) ^ multiply(a1, 11) ^ multiply(a2, 13) ^ multiply(a3, 9)
            out[c * 4 + 1] = multiply(a0, 9) ^ multiply(a1, 14) ^ multiply(a2, 11) ^ multiply(a3, 13)
            out[c * 4 + 2] = multiply(a0, 13) ^ multiply(a1, 9) ^ multiply(a2, 14) ^ multiply(a3, 11)
            out[c * 4 + 3] = multiply(a0, 11) ^ multiply(a1, 13) ^ multiply(a2, 9) ^ multiply(a3, 14)
        }
        return out
    }
}
