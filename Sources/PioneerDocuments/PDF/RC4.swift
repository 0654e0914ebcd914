/// RC4 (ARCFOUR) stream cipher.
enum RC4 {
    static func apply(key: [UInt8], to data: [UInt8]) -> [UInt8] {
        guard !key.isEmpty else { return data }
        var s = [UInt8](0...255)
        var j = 0
        for i in 0..<256 {
            j = (j + Int(s[i]) + Int(key[i % key.count])) & 0xFF
            s.swapAt(i, j)
        }
        var out = data
        var i = 0
        j = 0
        for n in 0..<out.count {
            i = (i + 1) & 0xFF
            j = (j + Int(s[i])) & 0xFF
            s.swapAt(i, j)
            out[n] ^= s[(Int(s[i]) + Int(s[j])) & 0xFF]
        }
        return out
    }
}
