import Foundation

/// Runs another program whole-process, output discarded, for the side-by-side figures.
struct ExternalProcess: Sendable {
    var executable: String
    var arguments: [String]

    /// The absolute path of `name` on `PATH`, or `nil` when it is not installed.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Seconds one run took from launch to exit, and its exit status.
    func run() throws(BenchError) -> (seconds: Double, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        var launchError: Error?
        let seconds = Stopwatch.time {
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                launchError = error
            }
        }
        if let launchError { throw .io("cannot run '\(executable)': \(launchError.localizedDescription)") }
        return (seconds, process.terminationStatus)
    }

    /// `runs` timings after one warm-up run; fails when any run exits with a status not in `accepted`.
    func time(runs: Int, accepted: Set<Int32> = [0, 1]) throws(BenchError) -> Samples {
        var values: [Double] = []
        for index in 0...max(1, runs) {
            let (seconds, status) = try run()
            guard accepted.contains(status) else {
                throw .io("'\(([executable] + arguments.prefix(3)).joined(separator: " "))…' exited with status \(status)")
            }
            if index > 0 { values.append(seconds) }
        }
        return Samples(values)
    }
}
