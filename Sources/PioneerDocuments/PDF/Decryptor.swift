/// The standard security handler (ISO 32000-1 §7.6.3) for files that open with the empty user
/// password: RC4 (R2–R4) and AES-128 (R4 `/AESV2`). Anything else counts as password-protected.
struct Decryptor: Sendable {
    enum Cipher: Sendable { case rc4, aes128 }

    let key: [UInt8]
    let cipher: Cipher

    static let padding: [UInt8] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ]

    /// A decryptor when the empty user password opens the file, else `nil`.
    static func emptyPassword(encrypt: PDFDict, trailer: PDFDict, store: ObjectStore) throws(PDFError) -> Decryptor? {
        guard try store.resolve(encrypt["Filter"]).nameValue == "Standard",
              let revision = try store.resolve(encrypt["R"]).intValue, (2...4).contains(revision),
              let owner = try store.resolve(encrypt["O"]).stringValue, let user = try store.resolve(encrypt["U"]).stringValue,
              let permissions = try store.resolve(encrypt["P"]).intValue else { return nil }
        let version = try store.resolve(encrypt["V"]).intValue ?? 0
        var cipher = Cipher.rc4
        var length = revision == 2 ? 5 : max(5, min(16, (try store.resolve(encrypt["Length"]).intValue ?? 40) / 8))
        if version == 4 {
            let filterName = try store.resolve(encrypt["StmF"]).nameValue ?? "Identity"
            let filter = try store.resolveDict(try store.resolveDict(encrypt["CF"])?[filterName])
            switch filter?["CFM"]?.nameValue {
            case "AESV2": cipher = .aes128; length = 16
            case "V2": length = max(5, min(16, filter?["Length"]?.intValue ?? 16))
            default: return nil
            }
        }
        let id = try store.resolve(trailer["ID"]).arrayValue?.first?.stringValue ?? []
        var input = padding + owner.prefix(32)
        let p = UInt32(bitPattern: Int32(truncatingIfNeeded: permissions))
        input += [UInt8(p & 0xFF), UInt8(p >> 8 & 0xFF), UInt8(p >> 16 & 0xFF), UInt8(p >> 24)]
        input += id
        if revision >= 4, case .bool(false) = try store.resolve(encrypt["EncryptMetadata"]) { input += [0xFF, 0xFF, 0xFF, 0xFF] }
        var key = Array(MD5.digest(input).prefix(length))
        if revision >= 3 { for _ in 0..<50 { key = Array(MD5.digest(key).prefix(length)) } }
        guard checkUser(key: key, revision: revision, user: user, id: id) else { return nil }
        return Decryptor(key: key, cipher: cipher)
    }

    /// The bytes of a string or stream of object `ref`, decrypted.
    func decrypt(_ data: [UInt8], ref: PDFRef) -> [UInt8] {
        var material = key
        material += [UInt8(ref.num & 0xFF), UInt8(ref.num >> 8 & 0xFF), UInt8(ref.num >> 16 & 0xFF)]
        material += [UInt8(ref.gen & 0xFF), UInt8(ref.gen >> 8 & 0xFF)]
        if cipher == .aes128 { material += [0x73, 0x41, 0x6C, 0x54] }
        let objectKey = Array(MD5.digest(material).prefix(min(key.count + 5, 16)))
        switch cipher {
        case .rc4: return RC4.apply(key: objectKey, to: data)
        case .aes128: return AES128.decryptCBC(key: objectKey, data: data)
        }
    }
}

private extension Decryptor {
    static func checkUser(key: [UInt8], revision: Int, user: [UInt8], id: [UInt8]) -> Bool {
        if revision == 2 { return RC4.apply(key: key, to: padding) == Array(user.prefix(32)) }
        var value = RC4.apply(key: key, to: MD5.digest(padding + id))
        for i in 1...19 { value = RC4.apply(key: key.map { $0 ^ UInt8(i) }, to: value) }
        return value.prefix(16).elementsEqual(user.prefix(16))
    }
}
