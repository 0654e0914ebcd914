import PioneerDocuments

/// libFuzzer target `pdf`: the PDF parser and content-stream interpreter (`PDFReader` through
/// `DocumentReader.read`) on the input as a whole file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzSupport.read(FuzzSupport.bytes(data, size), as: .pdf)
    return 0
}
