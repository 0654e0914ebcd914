import PioneerDocuments

/// libFuzzer target `text`: the plain-text reader (first byte even) or the Markdown reader (odd)
/// on the rest of the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format: DocumentFormat = data[0] & 1 == 0 ? .text : .markdown
    _ = FuzzSupport.read(FuzzSupport.bytes(data + 1, size - 1), as: format)
    return 0
}
