import Foundation
import Testing
@testable import PioneerDocuments

/// Helpers shared by the hostile-input suites: temporary folders, deterministic junk, and the one
/// acceptable outcome for hostile bytes — a document that keeps the `Document` contract, or a
/// `DocumentError` that names the file.
enum HostileInput {
    /// Reads `bytes` as `format` under `path`.
    static func read(_ bytes: [UInt8], format: DocumentFormat, path: String, limits: ReaderLimits = .default) -> Result<Document, DocumentError> {
        Result { () throws(DocumentError) -> Document in
            try DocumentReader.read(bytes: bytes, format: format, path: path, limits: limits)
        }
    }

    /// Records an issue unless `outcome` is an error naming `path`; returns the error.
    @discardableResult
    static func expectError(_ outcome: Result<Document, DocumentError>, path: String,
                            sourceLocation: SourceLocation = #_sourceLocation) -> DocumentError? {
        switch outcome {
        case .success(let document):
            Issue.record("expected an error, read \(document.pages.count) pages", sourceLocation: sourceLocation)
            return nil
        case .failure(let error):
            #expect(error.path == path, sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("\(path): "), sourceLocation: sourceLocation)
            return error
        }
    }

    /// Records an issue unless `outcome` is an error naming `path` or a document keeping the contract.
    @discardableResult
    static func expectErrorOrValid(_ outcome: Result<Document, DocumentError>, path: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) -> Document? {
        switch outcome {
        case .success(let document):
            #expect(document.path == path, sourceLocation: sourceLocation)
            #expect(document.pages.enumerated().allSatisfy { $0.element.number == $0.offset + 1 }, sourceLocation: sourceLocation)
            #expect(document.blocks.allSatisfy { $0.page >= 1 && $0.page <= document.pages.count && $0.line >= 1 },
                    sourceLocation: sourceLocation)
            return document
        case .failure(let error):
            #expect(error.path == path, sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("\(path): "), sourceLocation: sourceLocation)
            return nil
        }
    }

    /// All the text a document holds, joined.
    static func text(of document: Document) -> String {
        document.blocks.map(\.text).joined(separator: "\n")
    }

    /// `count` pseudo-random bytes, the same every run.
    static func junk(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// A fresh temporary folder, removed by `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pioneer-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
