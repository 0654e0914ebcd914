import Foundation
import Testing
@testable import PioneerDocuments

/// The shared corpus of real .docx files, beside the repository in CI (`../shared/corpus`).
enum DOCXCorpus {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var isPresent: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.tsv").path) }

    struct Row: Sendable, CustomStringConvertible {
        var path: String
        var appPages: String
        var libreOfficePages: String
        var referenceWords: String
        var description: String { path }
    }

    /// The DOCX rows of `manifest.tsv`.
    static var rows: [Row] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8) else { return [] }
        var rows: [Row] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 11, fields[0].hasSuffix(".docx") else { continue }
            rows.append(Row(path: fields[0], appPages: fields[8], libreOfficePages: fields[9], referenceWords: fields[10]))
        }
        return rows
    }

    /// Lower-cased alphanumeric words with their counts.
    static func bag(_ text: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { bag[String(word), default: 0] += 1 }
        return bag
    }

    /// Share of the reference's words (as a multiset) that `text` also holds.
    static func recall(reference: String, text: String) -> Double {
        let expected = bag(reference)
        let found = bag(text)
        let total = expected.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let matched = expected.reduce(0) { $0 + min($1.value, found[$1.key] ?? 0) }
        return Double(matched) / Double(total)
    }
}

@Suite("DOCX corpus", .enabled(if: DOCXCorpus.isPresent, "the shared corpus (../shared/corpus beside the repository) is absent"))
struct DOCXCorpusTests {
    @Test("broken and encrypted files give a clear error", arguments: DOCXCorpus.rows.filter { $0.referenceWords == "error" })
    func brokenFilesFail(row: DOCXCorpus.Row) throws {
        let bytes = try [UInt8](Data(contentsOf: DOCXCorpus.directory.appendingPathComponent(row.path)))
        let error = #expect(throws: DocumentError.self) { try DOCXReader.read(bytes: bytes, path: row.path, limits: .default) }
        print("corpus \(row.path): \(error?.description ?? "no error")")
    }

    @Test("readable files: word recall and the page-limit verdict", arguments: DOCXCorpus.rows.filter { $0.referenceWords != "error" })
    func readableFiles(row: DOCXCorpus.Row) throws {
        let url = DOCXCorpus.directory.appendingPathComponent(row.path)
        let bytes = try [UInt8](Data(contentsOf: url))
        let document = try DOCXReader.read(bytes: bytes, path: row.path, limits: .default)
        let name = url.lastPathComponent
        let reference = try String(contentsOf: DOCXCorpus.directory.appendingPathComponent("ref/\(name).txt"), encoding: .utf8)
        let text = document.blocks.map(\.text).joined(separator: "\n")
        let recall = DOCXCorpus.recall(reference: reference, text: text)
        let estimate = try Self.estimate(bytes)
        print("corpus \(name): recall \(Int(recall * 1000)) ‰, pages \(document.pageCount.value) (\(document.pageCount.source.rawValue)), app \(row.appPages), lo \(row.libreOfficePages), raw estimate \(estimate), words \(document.wordCount)/\(row.referenceWords)")
        #expect(recall >= 0.95, "recall \(recall) for \(name)")
        if let lo = Int(row.libreOfficePages) {
            #expect((document.pageCount.wholePages <= 10) == (lo <= 10), "\(name): \(document.pageCount.value) pages, LibreOffice \(lo)")
            #expect(DOCXPageCount.plausible(lo, estimate: estimate), "\(name): the estimate \(estimate) is too far from \(lo) pages")
        }
        #expect(document.pages.enumerated().allSatisfy { $0.element.number == $0.offset + 1 })
        #expect(document.blocks.allSatisfy { $0.page >= 1 && $0.page <= document.pages.count })
    }

    @Test("page counts agree with app.xml and LibreOffice")
    func pageAgreement() throws {
        var agreeApp = 0, agreeLO = 0, estimateWithinOne = 0, total = 0
        for row in DOCXCorpus.rows where row.referenceWords != "error" {
            let bytes = try [UInt8](Data(contentsOf: DOCXCorpus.directory.appendingPathComponent(row.path)))
            let pages = try DOCXReader.read(bytes: bytes, path: row.path, limits: .default).pageCount.wholePages
            let estimate = try Self.estimate(bytes)
            total += 1
            if Int(row.appPages) == pages { agreeApp += 1 }
            if Int(row.libreOfficePages) == pages { agreeLO += 1 }
            if let lo = Double(row.libreOfficePages), abs(estimate - lo) <= 1 { estimateWithinOne += 1 }
        }
        print("corpus page agreement: app.xml \(agreeApp)/\(total), LibreOffice \(agreeLO)/\(total), estimate alone within 1 page of LibreOffice \(estimateWithinOne)/\(total)")
        #expect(total > 0)
        #expect(Double(agreeLO) >= 0.9 * Double(total))
        #expect(Double(estimateWithinOne) >= 0.75 * Double(total))
    }

    /// The layout estimate alone, whatever app.xml says.
    static func estimate(_ bytes: [UInt8]) throws -> Double {
        var package = try DOCXPackage(bytes: bytes, limits: .default)
        let body = try package.body()
        return WordPageLayout(paragraphs: body.paragraphs, styles: try package.styles(), setup: body.pageSetup).pages
    }
}
