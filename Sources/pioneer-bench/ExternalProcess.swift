import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs another program whole-process, input and output on /dev/null, for the side-by-side figures.
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

    /// Seconds one run took from launch to exit, and its exit status (128 + n when killed by signal n).
    /// Spawned with `posix_spawn` and reaped with `waitpid`: Foundation's `Process.waitUntilExit`
    /// polls its run loop and rounds every run up to about 50 ms, which hides the figures measured.
    func run() throws(BenchError) -> (seconds: Double, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        var status: Int32 = 0
        var spawnError: Int32 = 0
        let seconds = Stopwatch.time {
            spawnError = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            guard spawnError == 0 else { return }
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        guard spawnError == 0 else { throw .io("cannot run '\(executable)': \(String(cString: strerror(spawnError)))") }
        let signal = status & 0x7F
        return (seconds, signal == 0 ? (status >> 8) & 0xFF : 128 + signal)
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
