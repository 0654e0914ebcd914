/// OLE compound files (Word 97–2003 and password-protected Office files) are not ZIP packages.
enum CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The reason an OLE compound file cannot be read as a .docx: encrypted when it holds an
    /// `EncryptedPackage` or `EncryptionInfo` stream, else an old binary Word file.
    static func reason(_ bytes: [UInt8]) -> DocumentError.Reason {
        let names = ["EncryptedPackage", "EncryptionInfo"].map { Array($0.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        for name in names where bytes.containsByteSequence(name) {
            return .encrypted(pages: nil)
        }
        return .malformed("this is an OLE compound file (a Word 97-2003 .doc or a password-protected Word document), not a .docx package")
    }
}

