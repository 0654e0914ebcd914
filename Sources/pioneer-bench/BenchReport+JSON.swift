import Foundation
import PioneerReports

/// The machine-readable form of a run: keys always in the same order; times in milliseconds.
extension BenchReport {
    func json() -> JSONValue {
        .object([
            ("schemaVersion", .number(1)),
            ("date", .string(date)),
            ("machine", .object([("cores", .number(Double(machine.cores))), ("architecture", .string(machine.architecture)),
                                 ("os", .string(machine.operatingSystem))])),
            ("settings", .object(settings.map { ($0.0, JSONValue.string($0.1)) })),
            ("sections", .object(sections.map { section in
                (section.key, JSONValue.object(section.rows.map { ($0.key, Self.json($0)) } + [("notes", .array(section.notes.map(JSONValue.string)))]))
            })),
            ("targets", .array(targets.map { target in
                .object([("key", .string(target.key)), ("goal", .string(target.goal)), ("actual", .string(target.actual)),
                         ("met", target.met.map(JSONValue.bool) ?? .null)])
            })),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }

    /// Writes the JSON to `path` through a temporary file in the same folder and a rename.
    func writeJSON(to path: String) throws(BenchError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(json().serialised().utf8).write(to: temporary)
        } catch {
            throw .io("cannot write '\(path)': \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .io("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }
}

private extension BenchReport {
    static func json(_ row: Row) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let s = row.samples {
            members += [("runs", .number(Double(s.count))), ("minMs", .number(s.min * 1e3)), ("medianMs", .number(s.median * 1e3)),
                        ("maxMs", .number(s.max * 1e3)), ("p95Ms", .number(s.p95 * 1e3))]
        }
        if let c = row.cpu {
            members += [("cpuMinMs", .number(c.min * 1e3)), ("cpuMedianMs", .number(c.median * 1e3)), ("cpuMaxMs", .number(c.max * 1e3))]
        }
        members += row.extras.map { ($0.key, JSONValue.number($0.value)) }
        return .object(members)
    }
}
