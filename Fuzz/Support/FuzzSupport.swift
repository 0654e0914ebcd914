import PioneerDocuments

/// Shared checks for the fuzz harnesses. A harness traps (and libFuzzer records the input as a
/// crash) when a reader returns a document that breaks the contract in `Document.swift`, or
/// throws an error that does not name the file.
enum FuzzSupport {
    /// The path every harness passes to a reader, so error messages can be checked for it.
    static let path = "fuzz-input"

    /// The input as a Swift array.
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Reads `bytes` as `format` and checks the result or the error.
    static func read(_ bytes: [UInt8], as format: DocumentFormat) -> Document? {
        do {
            let document = try DocumentReader.read(bytes: bytes, format: format, path: path)
            check(document, format: format)
            return document
        } catch {
            check(error)
            return nil
        }
    }

    /// Invariants every read document must hold.
    static func check(_ document: Document, format: DocumentFormat) {
        require(document.path == path, "document path changed")
        require(document.format == format, "document format changed")
        require(document.pages.count <= ReaderLimits.default.maxPages, "more pages than maxPages")
        require(document.wordCount >= 0, "negative word count")
        require(document.pageCount.value.isFinite && document.pageCount.value >= 0, "page count not finite")
        for (index, page) in document.pages.enumerated() {
            require(page.number == index + 1, "pages[\(index)].number is \(page.number)")
            for block in page.blocks {
                require(block.page == page.number, "block on page \(page.number) says page \(block.page)")
                require(block.line >= 1, "block line \(block.line) < 1")
            }
        }
    }

    /// Every reader error names the file and has a message.
    static func check(_ error: DocumentError) {
        require(error.path == path, "error names '\(error.path)', not the input")
        require(error.description.hasPrefix(path + ": "), "error description does not start with the path")
        require(!error.message.isEmpty, "empty error message")
    }

    /// Traps with `message` unless `condition` holds: a contract violation is a finding.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant violated: \(message())") }
    }
}
