import Testing
@testable import PioneerDocuments

@Suite("PDF encryption")
struct PDFEncryptionTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("MD5 matches RFC 1321 test vectors")
    func md5() {
        #expect(Self.hex(MD5.digest([])) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(Self.hex(MD5.digest(Array("abc".utf8))) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(Self.hex(MD5.digest(Array(String(repeating: "a", count: 100).utf8))) == "36a92cc94a9e0fa21f625f8bfb007adf")
    }

    @Test("RC4 matches the classic test vector")
    func rc4() {
        #expect(Self.hex(RC4.apply(key: Array("Key".utf8), to: Array("Plaintext".utf8))) == "bbf316e8d940af0ad3")
    }

    @Test("AES-128 decrypts the FIPS-197 example block")
    func aes() {
        let key: [UInt8] = Array(0...15)
        let cipher: [UInt8] = [0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a]
        let plain = AES128.decryptCBC(key: key, data: [UInt8](repeating: 0, count: 16) + cipher)
        #expect(Self.hex(plain) == "00112233445566778899aabbccddeeff")
    }

    /// A revision-2 RC4 file; `userMatches: false` makes the /U check fail (a real user password).
    func encryptedFile(userMatches: Bool) -> [UInt8] {
        let owner = [UInt8](repeating: 0x5A, count: 32)
        let id: [UInt8] = Array(1...16)
        let p: [UInt8] = [0xFC, 0xFF, 0xFF, 0xFF]
        let key = Array(MD5.digest(Decryptor.padding + owner + p + id).prefix(5))
        let user = userMatches ? RC4.apply(key: key, to: Decryptor.padding) : [UInt8](repeating: 1, count: 32)
        let objectKey = Array(MD5.digest(key + [11, 0, 0, 0, 0]).prefix(10))
        let content = RC4.apply(key: objectKey, to: Array("BT /F1 12 Tf 72 700 Td (Secret text) Tj ET".utf8))
        var builder = PDFBuilder()
        builder.pages([""])
        builder.objects.removeAll { $0.num == 11 }
        builder.addStream(11, data: content)
        builder.add(20, "<< /Filter /Standard /V 1 /R 2 /O <\(Self.hex(owner))> /U <\(Self.hex(user))> /P -4 >>")
        return builder.build(trailer: "/Root 1 0 R /Encrypt 20 0 R /ID [<\(Self.hex(id))> <\(Self.hex(id))>]")
    }

    @Test("an RC4 file that opens with the empty user password is decrypted")
    func emptyPassword() throws {
        #expect(try PDFBuilder.text(encryptedFile(userMatches: true)) == "Secret text")
    }

    @Test("a file needing a user password is an encrypted error that still counts the pages")
    func passwordRequired() {
        #expect(throws: DocumentError(path: "test.pdf", reason: .encrypted(pages: 1))) {
            try PDFBuilder.read(encryptedFile(userMatches: false))
        }
    }

    @Test("an unknown security handler is treated as encrypted")
    func unknownHandler() {
        var builder = PDFBuilder()
        builder.pages(["", ""])
        builder.add(20, "<< /Filter /FooSecurity /V 5 /R 6 >>")
        #expect(throws: DocumentError(path: "test.pdf", reason: .encrypted(pages: 2))) {
            try PDFBuilder.read(builder.build(trailer: "/Root 1 0 R /Encrypt 20 0 R"))
        }
    }
}
