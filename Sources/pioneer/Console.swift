import Foundation

/// Standard output and error, and what kind of terminal they are.
struct Console: Sendable {
    /// True when colour may be used on stdout: a terminal and `NO_COLOR` unset or empty.
    var colourOut: Bool
    var colourErr: Bool
    var stderrIsTerminal: Bool

    static func current() -> Console {
        // getenv, not ProcessInfo.environment: that copies the whole environment into a dictionary
        // (about 0.7 M instructions, a tenth of start-up).
        let noColour = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        return Console(colourOut: isatty(1) == 1 && !noColour, colourErr: isatty(2) == 1 && !noColour, stderrIsTerminal: isatty(2) == 1)
    }

    func out(_ text: String) {
        FileHandle.standardOutput.write(Self.data(text))
    }

    /// UTF-8 bytes as they are (a report built as bytes is not made into a `String` to be written).
    func out(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    func err(_ text: String, newline: Bool = true) {
        let line = newline && !text.hasSuffix("\n") ? text + "\n" : text
        FileHandle.standardError.write(Self.data(line))
    }

    /// The UTF-8 of `text`, copied from its contiguous storage (`Data(text.utf8)` goes through a dynamic
    /// cast of the sequence, whose first use scans the conformance tables).
    static func data(_ text: String) -> Data {
        var text = text
        return text.withUTF8 { Data(buffer: $0) }
    }
}

/// Writes an output file atomically: a temporary file in the same directory, then a rename, so a
/// reader sees the old file or the new one, never a torn one. Refuses to overwrite an input.
enum OutputFile {
    static func write(_ text: String, to path: String, inputs: [String]) throws(CLIError) {
        try write(Array(text.utf8), to: path, inputs: inputs)
    }

    static func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws(CLIError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs {
            let inputURL = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
            if inputURL.path == target.path {
                throw .output("refusing to write '\(path)': it is one of the input documents")
            }
        }
        let directory = target.deletingLastPathComponent()
        removeStaleTemporaries(of: target.lastPathComponent, in: directory)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CLIError.output("cannot write '\(path)': \(reason)")
            }
        } catch let error as CLIError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .output("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// Removes `.NAME.PID.tmp` files that an earlier run killed mid-write (SIGKILL, power loss) left
    /// beside the output: only ours by name, and only when process PID no longer exists. A running
    /// writer's temporary is left alone. Failures are ignored: the sweep is housekeeping.
    static func removeStaleTemporaries(of name: String, in directory: URL) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(".tmp".count)
            guard let pid = Int32(middle), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                _ = unlink(directory.appendingPathComponent(entry).path)
            }
        }
    }
}
