import Foundation
import Testing

/// Runs the built `pioneer` executable as a child process, the way a user or a CI script does.
struct PioneerProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the test bundle, else `.build/debug/pioneer` under the package root.
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pioneer"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/pioneer"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `pioneer arguments` in `directory` and waits for it; output goes through files, so a
    /// large report cannot fill a pipe and block the child.
    static func run(_ arguments: [String], in directory: URL) throws -> Output {
        let started = try start(arguments, in: directory)
        started.process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: started.stdout.deletingLastPathComponent()) }
        return Output(status: started.process.terminationStatus, stdout: try String(contentsOf: started.stdout, encoding: .utf8),
                      stderr: try String(contentsOf: started.stderr, encoding: .utf8))
    }

    /// Starts `pioneer arguments` without waiting; stdout and stderr go to files in a temporary folder.
    static func start(_ arguments: [String], in directory: URL) throws -> (process: Process, stdout: URL, stderr: URL) {
        guard let executable else { throw MissingExecutable() }
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("pioneer-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let stdout = logs.appendingPathComponent("stdout"), stderr = logs.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return (process, stdout, stderr)
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        var description: String { "the pioneer executable was not found; run 'swift build' first" }
    }
}

/// Temporary folders of bids for the end-to-end tests.
enum BidFolder {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pioneer-cli-bids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small Markdown bid; `index` varies the substance so scores differ.
    static func bid(_ index: Int) -> String {
        var text = "# Expression of interest \(index)\n\n## Vision\n\nNorthshire County Council and NHS Northshire CCG will adopt the National Voices narrative"
        text += index % 2 == 0 ? " by March 2014 across \(index + 3) practices.\n\n" : ".\n\n"
        if index % 3 == 0 { text += "## Governance\n\nThe Health and Wellbeing Board endorsed this bid on 3 June 2013 and will oversee delivery.\n\n" }
        if index % 5 == 0 { text += "## Pooled budget\n\nWe will pool £\(index).4m through a section 75 agreement signed by the Director of Adult Social Care.\n\n" }
        if index % 7 == 0 { text += "Healthwatch has not yet been engaged.\n" }
        return text
    }

    /// Writes `count` good bids and the ten broken files the batch tests expect; returns the folder.
    static func mixed(good count: Int) throws -> URL {
        let folder = try make()
        for index in 0..<count {
            try Data(bid(index).utf8).write(to: folder.appendingPathComponent(String(format: "bid-%03d.md", index)))
        }
        var junk = [UInt8](repeating: 0, count: 4096)
        var state: UInt32 = 7
        for index in junk.indices { state = state &* 1_103_515_245 &+ 12_345; junk[index] = UInt8(truncatingIfNeeded: state >> 16) }
        let broken: [(String, [UInt8])] = [
            ("broken-1.pdf", junk), ("broken-2.pdf", Array("%PDF-1.4\nnot really".utf8)), ("broken-3.pdf", []),
            ("broken-4.docx", junk), ("broken-5.docx", Array("PK\u{3}\u{4}truncated".utf8)), ("broken-6.docx", []),
            ("broken-7.md", []), ("broken-8.txt", []), ("broken-9.txt", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFE, 0, 1]),
            ("broken-10.md", Array(" \n\n\t\n".utf8)),
        ]
        for (name, bytes) in broken { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// Every file under `folder` with its bytes: equal before and after means untouched.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
