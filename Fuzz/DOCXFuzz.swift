import PioneerDocuments

/// libFuzzer target `docx`: the WordprocessingML reader. The input is XML, not a ZIP: split at NUL
/// bytes into `word/document.xml`, `word/styles.xml`, `word/numbering.xml` and `docProps/app.xml`,
/// packed by `StoredZip` into a valid .docx with the usual content types and relationships, then read
/// with `DocumentReader.read`. Mutations thus reach the XML parser instead of dying at the ZIP layer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = FuzzSupport.bytes(data, size).split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    let names = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/app.xml"]
    var entries = StoredZip.packageEntries
    for (name, part) in zip(names, parts) { entries.append((name, Array(part))) }
    _ = FuzzSupport.read(StoredZip.archive(entries), as: .docx)
    return 0
}
