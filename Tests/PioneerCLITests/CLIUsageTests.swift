import Foundation
import Testing

/// Usage errors and unreadable documents: exit codes 2 and 3 with messages on stderr.
@Suite(.timeLimit(.minutes(2)))
struct CLIUsageTests {
    let here = FileManager.default.temporaryDirectory

    @Test(arguments: [
        (["chek", "bid.md"], "unknown command 'chek'; did you mean 'check'?"),
        (["bach", "bids"], "unknown command 'bach'; did you mean 'batch'?"),
        (["batch", "bids", "--fromat", "csv"], "unknown option '--fromat'; did you mean '--format'?"),
        (["check", "bid.md", "--format", "jsn"], "unknown format 'jsn' (expected text, markdown, json); did you mean 'json'?"),
        (["batch", "bids", "--jobs", "0"], "option '--jobs' needs a whole number from 1 to 256, not '0'"),
        (["check", "--out"], "option '--out' needs a value"),
        (["check"], "expected at least one file"),
    ])
    func usageErrorExitsTwoWithAHint(arguments: [String], message: String) throws {
        let output = try PioneerProcess.run(arguments, in: here)
        #expect(output.status == 2)
        #expect(output.stderr.contains("error: \(message)"))
        #expect(output.stderr.contains("--help"))
        #expect(output.stdout.isEmpty)
    }

    @Test func noArgumentsPrintsHelpAndExitsTwo() throws {
        let output = try PioneerProcess.run([], in: here)
        #expect(output.status == 2)
        #expect(output.stdout.contains("USAGE"))
    }

    @Test func checkOnAMissingFileExitsThreeNamingIt() throws {
        let output = try PioneerProcess.run(["check", "no-such-bid.md"], in: here)
        #expect(output.status == 3)
        #expect(output.stderr.contains("error: no-such-bid.md: no such file"))
    }

    @Test func checkOnAnUnsupportedFileExitsThree() throws {
        let folder = try BidFolder.make()
        defer { BidFolder.remove(folder) }
        try Data("text".utf8).write(to: folder.appendingPathComponent("bid.rtf"))
        let output = try PioneerProcess.run(["check", "bid.rtf"], in: folder)
        #expect(output.status == 3)
        #expect(output.stderr.contains("bid.rtf: unsupported file type '.rtf'"))
    }

    @Test func rulesThatDoNotLoadExitTwo() throws {
        let folder = try BidFolder.make()
        defer { BidFolder.remove(folder) }
        try Data(BidFolder.bid(0).utf8).write(to: folder.appendingPathComponent("bid.md"))
        try Data("ruleset \"broken {\n".utf8).write(to: folder.appendingPathComponent("bad.rules"))
        let output = try PioneerProcess.run(["check", "bid.md", "--rules", "bad.rules"], in: folder)
        #expect(output.status == 2)
        #expect(output.stderr.contains("bad.rules:1:"))
    }
}
