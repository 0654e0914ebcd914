import CZlib

/// Bounded DEFLATE decompression (RFC 1950 zlib streams and RFC 1951 raw streams) over zlib.
///
/// Every call has an output limit, so a small hostile input cannot expand without bound.
public enum Inflate {
    /// How the compressed data is wrapped.
    public enum Container: Sendable {
        /// A zlib header and Adler-32 trailer (PDF FlateDecode).
        case zlib
        /// No header (ZIP method 8).
        case raw
    }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The data is not valid DEFLATE.
        case corrupt(String)
        /// The output would exceed `limit` bytes.
        case outputLimit(Int)
        /// The data ended before the end of the compressed stream.
        case truncated

        public var description: String {
            switch self {
            case .corrupt(let why): return "corrupt compressed data (\(why))"
            case .outputLimit(let limit): return "decompressed data exceeds the limit of \(limit) bytes"
            case .truncated: return "compressed data ends early"
            }
        }
    }

    /// Decompresses `input`, failing once the output passes `maxOutput` bytes.
    /// With `partialOnError`, corrupt or truncated data yields what was decoded before the fault
    /// (PDF writers often leave a stray byte at the end of a stream); the limit is never relaxed.
    public static func inflate(_ input: [UInt8], container: Container, maxOutput: Int, partialOnError: Bool = false) throws(Failure) -> [UInt8] {
        let result = try inflatePartial(input, container: container, maxOutput: maxOutput, skipChecksum: partialOnError)
        if let fault = result.fault, !partialOnError { throw fault }
        return result.output
    }

    /// What `input` decompresses to before any fault, and the fault (corrupt or truncated data), if any;
    /// throws only when the output would pass `maxOutput` bytes. With `skipChecksum` a zlib stream's
    /// Adler-32 is not checked.
    public static func inflatePartial(_ input: [UInt8], container: Container, maxOutput: Int,
                                      skipChecksum: Bool = true) throws(Failure) -> (output: [UInt8], fault: Failure?) {
        var stream = z_stream()
        let windowBits: Int32 = container == .zlib ? 15 : -15
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("cannot initialise the decoder")
        }
        defer { inflateEnd(&stream) }
        // A wrong Adler-32 is reported only after the last byte is out, and a partial result keeps
        // every byte, so with `partialOnError` the checksum cannot change the result: skip computing it.
        if skipChecksum, container == .zlib { _ = inflateValidate(&stream, 0) }
        var output: [UInt8] = []
        output.reserveCapacity(min(maxOutput, max(input.count * 4, 4096)))
        // Sized to the likely output: zeroing a 64 KiB chunk for a 2 KiB page stream cost more than inflating it.
        var chunk = [UInt8](repeating: 0, count: min(64 * 1024, max(4096, input.count * 4)))
        var status: Int32 = Z_OK
        var failure: Failure?
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(clamping: inBuffer.count)
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                while true {
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = outBuffer.count - Int(stream.avail_out)
                    if output.count + produced > maxOutput {
                        failure = .outputLimit(maxOutput)
                        return
                    }
                    output.append(contentsOf: outBuffer[0..<produced])
                    if status == Z_STREAM_END { return }
                    if status == Z_BUF_ERROR || (status == Z_OK && stream.avail_in == 0 && produced == 0) {
                        failure = .truncated
                        return
                    }
                    if status != Z_OK {
                        let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        failure = .corrupt(reason)
                        return
                    }
                }
            }
        }
        if let failure, case .outputLimit = failure { throw failure }
        return (output, failure)
    }
}
