import Foundation
import Testing

/// `pioneer batch` end to end: a folder of good and broken bids, deterministic output, atomic
/// `--out`, and inputs that no command ever writes.
@Suite(.timeLimit(.minutes(5)), .serialized)
struct CLIBatchTests {
    @Test func fiftyGoodAndTenBrokenGiveSixtyRowsAndExitThree() throws {
        let folder = try BidFolder.mixed(good: 50)
        defer { BidFolder.remove(folder) }
        let output = try PioneerProcess.run(["batch", ".", "--format", "csv"], in: folder)
        #expect(output.status == 3)
        let lines = output.stdout.split(whereSeparator: \.isNewline)
        let rows = lines.dropFirst()
        #expect(output.stdout.hasPrefix("rank,file,band,score,"))
        #expect(rows.count == 60)
        let scored = rows.filter { $0.contains("bid-") }, failed = rows.filter { $0.hasPrefix("-,") }
        #expect(scored.count == 50)
        #expect(scored.enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset + 1),") && !$0.element.contains("unreadable") })
        #expect(failed.allSatisfy { $0.contains("broken-") && $0.contains("unreadable") })
        #expect(failed.count >= 9)
        let errors = output.stderr.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("error: ") }
        #expect(errors.count == failed.count)
        #expect(failed.contains { $0.contains("broken-9.txt") && $0.contains("binary data") })
    }

    @Test(arguments: ["json", "csv"])
    func theSameRunTwiceIsByteIdentical(format: String) throws {
        let folder = try BidFolder.mixed(good: 50)
        defer { BidFolder.remove(folder) }
        let first = try PioneerProcess.run(["batch", ".", "--format", format, "--jobs", "4"], in: folder)
        let second = try PioneerProcess.run(["batch", ".", "--format", format, "--jobs", "1"], in: folder)
        #expect(first.status == 3)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.utf8.count > 1_000)
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
            let results = object?["results"] as? [[String: Any]] ?? []
            #expect(results.count == 60)
            #expect(results.filter { $0["error"] != nil }.count >= 9)
        }
    }

    /// The table formats assess with ranking detail, the JSON with full reports: the same bids get
    /// the same ranks, bands and scores from both, and only the JSON carries reasons and evidence.
    @Test func csvRanksAsTheFullJSONDoes() throws {
        let folder = try BidFolder.mixed(good: 12)
        defer { BidFolder.remove(folder) }
        let csv = try PioneerProcess.run(["batch", ".", "--format", "csv"], in: folder)
        let json = try PioneerProcess.run(["batch", ".", "--format", "json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let results = (object?["results"] as? [[String: Any]] ?? []).filter { $0["error"] == nil }
        let fromJSON = results.map { result -> String in
            let path = (result["document"] as? [String: Any])?["path"] as? String ?? "?"
            let score = (result["score"] as? NSNumber)?.doubleValue ?? -1
            return "\(result["rank"] as? Int ?? -1),\(path),\(result["band"] as? String ?? "?"),\(score)"
        }
        let fromCSV = csv.stdout.split(whereSeparator: \.isNewline).dropFirst().filter { !$0.hasPrefix("-,") }.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(cells[0]),\(cells[1]),\(cells[2]),\(Double(cells[3]) ?? -2)"
        }
        #expect(fromJSON.count == 12)
        #expect(fromCSV == fromJSON)
        let considerations = results.flatMap { ($0["criteria"] as? [[String: Any]] ?? []).flatMap { $0["considerations"] as? [[String: Any]] ?? [] } }
        #expect(considerations.allSatisfy { !($0["reason"] as? String ?? "").isEmpty })
        #expect(considerations.contains { !($0["evidence"] as? [Any] ?? []).isEmpty })
    }

    @Test func outWritesTheReportAndNothingElse() throws {
        let folder = try BidFolder.mixed(good: 5)
        defer { BidFolder.remove(folder) }
        let outFolder = try BidFolder.make()
        defer { BidFolder.remove(outFolder) }
        let out = outFolder.appendingPathComponent("ranking.csv")
        let printed = try PioneerProcess.run(["batch", ".", "--format", "csv"], in: folder)
        let written = try PioneerProcess.run(["batch", ".", "--format", "csv", "--out", out.path], in: folder)
        #expect(written.status == 3)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outFolder.path) == ["ranking.csv"])
    }

    @Test(arguments: [["batch", "."], ["check", "bid-000.md", "bid-001.md"]])
    func outRefusesToOverwriteAnInput(command: [String]) throws {
        let folder = try BidFolder.mixed(good: 3)
        defer { BidFolder.remove(folder) }
        let before = try BidFolder.snapshot(folder)
        for target in ["bid-001.md", "./bid-001.md", folder.appendingPathComponent("bid-001.md").path] {
            let output = try PioneerProcess.run(command + ["--out", target], in: folder)
            #expect(output.status == 2)
            #expect(output.stderr.contains("refusing to write"))
        }
        #expect(try BidFolder.snapshot(folder) == before)
    }

    @Test func noCommandWritesIntoTheInputs() throws {
        let folder = try BidFolder.mixed(good: 6)
        defer { BidFolder.remove(folder) }
        let before = try BidFolder.snapshot(folder)
        let commands: [[String]] = [
            ["batch", "."], ["batch", ".", "--format", "json"], ["batch", ".", "--format", "html"],
            ["check", "bid-000.md", "bid-003.md", "broken-1.pdf"], ["check", "bid-000.md", "--format", "json"],
            ["check", "bid-000.md", "--explain", "vision.narrative"], ["pages", "bid-000.md", "broken-4.docx"],
            ["text", "bid-005.md"], ["rules", "check"],
        ]
        for command in commands {
            let output = try PioneerProcess.run(command, in: folder)
            #expect(output.status != 2 || command.contains("--explain"), "\(command): \(output.stderr)")
        }
        #expect(try BidFolder.snapshot(folder) == before)
    }

    @Test func runKilledHalfWayNeverLeavesATornOutput() throws {
        let folder = try BidFolder.make()
        defer { BidFolder.remove(folder) }
        let paragraph = String(repeating: "The Health and Wellbeing Board will pool £2.4m by March 2014 with 12 practices. ", count: 12)
        for index in 0..<120 {
            let text = "# Bid \(index)\n\n" + Array(repeating: paragraph, count: 40).joined(separator: "\n\n")
            try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "bid-%03d.md", index)))
        }
        let outFolder = try BidFolder.make()
        defer { BidFolder.remove(outFolder) }
        let out = outFolder.appendingPathComponent("ranking.csv")
        let old = Data("OLD REPORT\n".utf8)
        try old.write(to: out)
        let started = try PioneerProcess.start(["batch", ".", "--format", "csv", "--jobs", "1", "--out", out.path], in: folder)
        Thread.sleep(forTimeInterval: 1.5)
        kill(started.process.processIdentifier, SIGKILL)
        started.process.waitUntilExit()
        let after = try Data(contentsOf: out)
        if after != old {
            let text = String(decoding: after, as: UTF8.self)
            #expect(text.hasPrefix("rank,file,"))
            #expect(text.split(separator: "\n").count == 121)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: outFolder.path).filter { $0 != "ranking.csv" }
        #expect(left.allSatisfy { $0.hasPrefix(".ranking.csv.") && $0.hasSuffix(".tmp") })
        // The next run sweeps the killed run's temporary away.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("bid-") && name != "bid-000.md" {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        let again = try PioneerProcess.run(["batch", ".", "--format", "csv", "--out", out.path], in: folder)
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outFolder.path) == ["ranking.csv"])
    }

    @Test func staleTemporariesOfDeadWritersAreRemovedAndLiveOnesKept() throws {
        let folder = try BidFolder.make()
        defer { BidFolder.remove(folder) }
        try Data("# Bid\n\nThe Health and Wellbeing Board signed the plan in June 2013.\n".utf8)
            .write(to: folder.appendingPathComponent("bid.md"))
        let outFolder = try BidFolder.make()
        defer { BidFolder.remove(outFolder) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = ".ranking.csv.\(finished.processIdentifier).tmp"
        let live = ".ranking.csv.\(getpid()).tmp"
        let other = ".notes.txt.\(finished.processIdentifier).tmp"
        for name in [dead, live, other] { try Data("partial".utf8).write(to: outFolder.appendingPathComponent(name)) }
        let out = outFolder.appendingPathComponent("ranking.csv")
        let result = try PioneerProcess.run(["batch", ".", "--format", "csv", "--out", out.path], in: folder)
        #expect(result.status == 0)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: outFolder.path))
        #expect(left == ["ranking.csv", live, other])
    }
}
