import Foundation

/// Finds the bundled `rules/` folder: in the current directory, else beside the executable's
/// package (the executable lives in `.build/<config>/`).
enum BundledRules {
    static func path() -> String {
        let local = "rules"
        if FileManager.default.fileExists(atPath: local + "/main.rules") { return local }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("rules")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("main.rules").path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return local
    }
}
