import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The machine a run was measured on, and the process's memory high-water mark.
struct Machine: Sendable {
    var cores: Int
    var architecture: String
    var operatingSystem: String

    static func current() -> Machine {
        Machine(cores: ProcessInfo.processInfo.activeProcessorCount, architecture: unameMachine(),
                operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString)
    }

    /// Peak resident set size of this process so far, in KiB (`getrusage` `ru_maxrss`; KiB on Linux,
    /// bytes on macOS, converted here).
    static func peakResidentKiB() -> Int {
        var usage = rusage()
        #if os(Linux)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if os(macOS)
        return Int(usage.ru_maxrss) / 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}

private extension Machine {
    /// `uname -m`: the hardware name, such as `x86_64` or `aarch64`.
    static func unameMachine() -> String {
        var info = utsname()
        guard uname(&info) == 0 else { return "unknown" }
        return withUnsafeBytes(of: &info.machine) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
