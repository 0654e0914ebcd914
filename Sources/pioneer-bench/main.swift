import Foundation

/// `pioneer-bench`: see `BenchOptions.help` and docs/benchmark.md.
func runBench() -> Int32 {
    do throws(BenchError) {
        guard let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
            print(BenchOptions.help, terminator: "")
            return 0
        }
        let report = try Benchmark(options: options).run { step in
            FileHandle.standardError.write(Data("pioneer-bench: \(step)…\n".utf8))
        }
        print(report.text(), terminator: "")
        if let path = options.jsonPath { try report.writeJSON(to: path) }
        return 0
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        if case .usage = error { return 2 }
        return 1
    }
}

exit(runBench())
