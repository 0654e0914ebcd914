import Foundation
import Testing
@testable import PioneerDocuments

/// The shared corpus of real-world PDFs (`../shared/corpus` beside the repository), checked
/// against poppler's `pdfinfo` page counts and `pdftotext` words.
@Suite("PDF corpus", .enabled(if: PDFCorpus.available, "the shared corpus folder ../shared/corpus is absent"))
struct PDFCorpusTests {
    @Test("page counts match pdfinfo, broken files fail cleanly, words match pdftotext")
    func corpus() throws {
        var agree = 0
        var checked = 0
        for entry in PDFCorpus.entries() {
            let path = PDFCorpus.root + "/" + entry.path
            let result = Result { () throws(DocumentError) in try DocumentReader.read(path: path) }
            switch (result, Int(entry.pdfinfoPages)) {
            case (.success(let document), let expected?):
                checked += 1
                #expect(document.pageCount.value == Double(expected), "\(entry.path)")
                if document.pageCount.value == Double(expected) { agree += 1 }
                let recall = PDFCorpus.recall(document: document, reference: entry.path)
                let precision = PDFCorpus.recall(document: document, reference: entry.path, precision: true)
                print("corpus \(entry.path): pages \(Int(document.pageCount.value))/\(expected) recall \(String(format: "%.3f", recall)) precision \(String(format: "%.3f", precision))")
                #expect(recall >= PDFCorpus.minimumRecall(entry.path), "\(entry.path) recall \(recall)")
            case (.failure(let error), let expected?):
                checked += 1
                Issue.record("\(entry.path): expected \(expected) pages, got \(error)")
            case (.failure(let error), nil):
                print("corpus \(entry.path): \(error.message)")
                if entry.encrypted == "yes:password-required" {
                    guard case .encrypted = error.reason else { Issue.record("\(entry.path): \(error)"); continue }
                }
            case (.success(let document), nil):
                print("corpus \(entry.path): read \(document.pageCount.value) pages where pdfinfo failed")
                #expect(entry.qpdfPages != "error", "\(entry.path) should fail: pdfinfo and qpdf both fail")
            }
        }
        print("corpus page agreement \(agree)/\(checked)")
        #expect(checked > 0)
    }
}

enum PDFCorpus {
    struct Entry {
        var path: String
        var pdfinfoPages: String
        var qpdfPages: String
        var encrypted: String
    }

    static let root: String = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    }()

    /// 95%, except where the reference text itself is wrong: pdftotext prints the glyph ids of
    /// pdfjs-issue6127's non-embedded Identity-H TrueType fonts as shifted letters ('dwwhvwdwlrq'),
    /// which we decode by the standard glyph order ('attestation').
    static func minimumRecall(_ path: String) -> Double {
        path == "pdf/pdfjs-issue6127.pdf" ? 0.85 : 0.95
    }

    static var available: Bool { FileManager.default.fileExists(atPath: root + "/manifest.tsv") }

    static func entries() -> [Entry] {
        guard let text = try? String(contentsOfFile: root + "/manifest.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count > 5, f[0].hasPrefix("pdf/") else { return nil }
            return Entry(path: f[0], pdfinfoPages: f[3], qpdfPages: f[4], encrypted: f[5])
        }
    }

    /// Lower-cased alphanumeric words of the reference found in the document, as multisets.
    /// With `precision`, the share of our words found in the reference instead.
    static func recall(document: Document, reference path: String, precision: Bool = false) -> Double {
        let name = (path as NSString).lastPathComponent
        guard let ref = try? String(contentsOfFile: root + "/ref/\(name).txt", encoding: .utf8) else { return 1 }
        let ours = words(document.blocks.map(\.text).joined(separator: "\n"))
        let expected = precision ? ours : words(ref)
        guard !expected.isEmpty else { return 1 }
        var found = precision ? words(ref) : ours
        var hits = 0
        var total = 0
        for (word, count) in expected {
            total += count
            let have = found[word, default: 0]
            hits += min(have, count)
            found[word] = max(0, have - count)
        }
        return Double(hits) / Double(total)
    }

    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { counts[String(word), default: 0] += 1 }
        return counts
    }
}
