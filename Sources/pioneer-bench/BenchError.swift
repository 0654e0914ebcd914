/// Why the benchmark cannot run.
enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case samples(String)
    case rules(String)
    case io(String)

    var description: String {
        switch self {
        case .usage(let message): return "usage: \(message)"
        case .samples(let message): return "samples: \(message)"
        case .rules(let message): return "rules: \(message)"
        case .io(let message): return message
        }
    }
}
