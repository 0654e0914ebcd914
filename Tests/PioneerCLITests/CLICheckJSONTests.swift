import Foundation
import Testing

/// `pioneer check --format json` end to end: one object for one file, an array for several (the
/// unreadable ones left out and reported on standard error), the same for `--explain`.
@Suite(.timeLimit(.minutes(5)))
struct CLICheckJSONTests {
    @Test func oneFileGivesItsObject() throws {
        let (folder, output) = try check(["bid-000.md"])
        defer { BidFolder.remove(folder) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(path(of: object) == "bid-000.md")
        #expect(output.stdout.hasSuffix("}\n"))
    }

    @Test func severalFilesGiveAnArrayInTheOrderAsked() throws {
        let (folder, output) = try check(["bid-002.md", "bid-000.md", "broken-1.pdf", "bid-001.md"])
        defer { BidFolder.remove(folder) }
        #expect(output.status == 3)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(array.map(path(of:)) == ["bid-002.md", "bid-000.md", "bid-001.md"])
        #expect(output.stderr.contains("broken-1.pdf"))
    }

    @Test func oneUnreadableFileGivesAnEmptyArray() throws {
        let (folder, output) = try check(["broken-1.pdf"])
        defer { BidFolder.remove(folder) }
        #expect(output.status == 3)
        #expect(output.stdout == "[]\n")
    }

    @Test func explanationsAreObjectsWithTheirCandidates() throws {
        let (folder, one) = try check(["bid-000.md", "--explain", "vision.outcomes"])
        defer { BidFolder.remove(folder) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "bid-000.md")
        #expect((object["consideration"] as? [String: Any])?["id"] as? String == "vision.outcomes")
        #expect(object["candidates"] is [Any])

        let two = try PioneerProcess.run(["check", "bid-000.md", "bid-001.md", "--explain", "vision.outcomes", "--format", "json"], in: folder)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(two.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["path"] as? String } == ["bid-000.md", "bid-001.md"])
    }

    /// `check --format json` on `arguments` in a fresh folder of bids.
    private func check(_ arguments: [String]) throws -> (URL, PioneerProcess.Output) {
        let folder = try BidFolder.mixed(good: 3)
        return (folder, try PioneerProcess.run(["check"] + arguments + ["--format", "json"], in: folder))
    }

    private func path(of result: [String: Any]) -> String? {
        (result["document"] as? [String: Any])?["path"] as? String
    }
}
