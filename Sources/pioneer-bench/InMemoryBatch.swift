import Dispatch
import Foundation
import PioneerAssessment
import PioneerDocuments

/// The batch pipeline without the disk: Markdown bytes read with `MarkdownReader` and assessed on
/// `workers` threads that claim documents from a shared index, each with its own
/// `AssessmentWorkspace`, as `pioneer batch` does: `.ranking` detail for its table, CSV, Markdown and
/// HTML, `.report` for its JSON.
struct InMemoryBatch: Sendable {
    var assessor: Assessor
    var bids: [[UInt8]]
    var detail: AssessmentDetail

    /// Wall-clock and CPU (all threads) seconds the whole batch took, and how many documents failed to read.
    func run(workers: Int) -> (wall: Double, cpu: Double, failures: Int) {
        let state = SharedState(count: bids.count)
        let seconds = Stopwatch.measure {
            DispatchQueue.concurrentPerform(iterations: max(1, min(workers, bids.count))) { _ in
                var failures = 0
                var checksum = 0.0
                var workspace = AssessmentWorkspace()
                while let index = state.claim() {
                    do throws(DocumentError) {
                        let document = try MarkdownReader.read(bytes: bids[index], path: "bid-\(index).md", limits: .default)
                        checksum += assessor.assess(document, reusing: &workspace, detail: detail).score
                    } catch {
                        failures += 1
                    }
                }
                state.finish(failures: failures, checksum: checksum)
            }
        }
        return (seconds.wall, seconds.cpu, state.failures)
    }

    /// Wall-clock and CPU seconds to assess already-read documents on one thread (the scaling figures).
    static func assessAll(_ documents: [Document], with assessor: Assessor, detail: AssessmentDetail = .report) -> (wall: Double, cpu: Double) {
        var checksum = 0.0
        var workspace = AssessmentWorkspace()
        let seconds = Stopwatch.measure {
            for document in documents { checksum += assessor.assess(document, reusing: &workspace, detail: detail).score }
        }
        blackHole(checksum)
        return seconds
    }

    /// Keeps a computed value alive so the optimiser cannot drop the work that made it.
    static func blackHole(_ value: Double) {
        if value.isNaN { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// The next unclaimed document and the workers' totals. A class guarded by a lock: the one shared
/// mutable state of a batch run.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private(set) var failures = 0
    private var checksum = 0.0

    init(count: Int) {
        self.count = count
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func finish(failures: Int, checksum: Double) {
        lock.lock()
        defer { lock.unlock() }
        self.failures += failures
        self.checksum += checksum
        InMemoryBatch.blackHole(self.checksum)
    }
}
