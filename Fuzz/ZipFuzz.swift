@testable import PioneerDocuments

/// libFuzzer target `zip`: the ZIP reader (`ZipArchive`: end record, central directory, local
/// headers, overlap checks, stored and deflated entries within the limits) on the input, every entry
/// extracted; then the input as a whole .docx through `DocumentReader`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzSupport.bytes(data, size)
    var limits = ReaderLimits()
    limits.maxInflatedBytes = 8 << 20
    limits.maxTotalInflatedBytes = 16 << 20
    if var archive = try? ZipArchive(bytes: bytes, limits: limits) {
        var total = 0
        for entry in archive.entries {
            FuzzSupport.require(entry.dataOffset >= 0 && entry.dataOffset <= bytes.count, "entry data offset outside the file")
            if let contents = try? archive.contents(of: entry) { total += contents.count }
        }
        FuzzSupport.require(total <= limits.maxTotalInflatedBytes, "extracted \(total) bytes, over the total limit")
    }
    _ = FuzzSupport.read(bytes, as: .docx)
    return 0
}
