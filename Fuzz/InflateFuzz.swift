import PioneerDocuments

/// libFuzzer target `inflate`: `Inflate.inflate` on the input, raw or zlib by the first byte's low bit,
/// with and without `partialOnError` by its second bit. The output limit must hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let input = FuzzSupport.bytes(data + 1, size - 1)
    let container: Inflate.Container = mode & 1 == 0 ? .raw : .zlib
    let limit = 1 << 20
    do {
        let output = try Inflate.inflate(input, container: container, maxOutput: limit, partialOnError: mode & 2 != 0)
        FuzzSupport.require(output.count <= limit, "inflate returned \(output.count) bytes over the limit")
    } catch {
        FuzzSupport.require(!error.description.isEmpty, "empty inflate failure")
    }
    return 0
}
