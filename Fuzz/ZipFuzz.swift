import PioneerDocuments

/// libFuzzer target `zip`: the input as a whole .docx file: the ZIP reader (central directory,
/// local headers, stored and deflated entries, limits) and then the DOCX reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzSupport.read(FuzzSupport.bytes(data, size), as: .docx)
    return 0
}
