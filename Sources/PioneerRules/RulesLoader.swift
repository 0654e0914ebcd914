import Foundation

/// What loading a rule set produced: the model (nil when there are errors), every diagnostic, and
/// the text of each file read, for rendering the diagnostics.
public struct RulesLoadResult: Sendable {
    public var rules: CompiledRules?
    public var diagnostics: [Diagnostic]
    /// File path → text, for rendering.
    public var sources: [String: String]
    /// Every file read, in order.
    public var files: [String]

    public init(rules: CompiledRules?, diagnostics: [Diagnostic], sources: [String: String], files: [String]) {
        self.rules = rules
        self.diagnostics = diagnostics
        self.sources = sources
        self.files = files
    }

    /// True when any diagnostic is an error (then `rules` is nil).
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads, parses and resolves a rule set with its includes.
public enum RulesLoader {
    /// Largest rules file read.
    public static let maxFileBytes = 4 * 1_024 * 1_024
    /// Most files one rule set may include (the entry counts).
    public static let maxFiles = 64

    /// `path` is a .rules file or a directory (then `path/main.rules`).
    public static func load(path: String) -> RulesLoadResult {
        var isDirectory: ObjCBool = false
        var entry = path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            entry = RulesPath.join(directory: path, "main.rules")
        } else {
            entry = RulesPath.normalize(path)
        }
        return compile(entry: entry, read: readFromDisk)
    }

    /// Compiles in-memory sources; `files` maps path → text, `entry` is the entry path (includes resolve within `files`).
    public static func compile(files: [String: String], entry: String) -> RulesLoadResult {
        compile(entry: RulesPath.normalize(entry)) { path in
            if let text = files[path] ?? files.first(where: { RulesPath.normalize($0.key) == path })?.value {
                return .text(text)
            }
            return .problem(.cannotRead(path: path, reason: "no such file"))
        }
    }

    /// Compiles with `read` supplying each file's text.
    static func compile(entry: String, read: (String) -> RulesFileRead) -> RulesLoadResult {
        var walker = IncludeWalker()
        walker.visit(entry, includedFrom: nil, read: read)
        var bag = walker.bag
        let rules = bag.hasErrors || bag.isFull ? nil : Resolver.resolve(walker.items, entry: entry, bag: &bag)
        return RulesLoadResult(rules: bag.hasErrors ? nil : rules, diagnostics: bag.items, sources: walker.sources,
                               files: walker.files)
    }

    /// The file's text. At most `maxFileBytes` are read; for a larger file the size comes from the open
    /// handle (seeking to its end), not from `FileManager.attributesOfItem`, which builds a dictionary
    /// keyed by `FileAttributeKey` (the first use of that key type scans the conformance tables at start-up).
    private static func readFromDisk(_ path: String) -> RulesFileRead {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else {
            return .problem(.cannotRead(path: path, reason: "no such file or not readable"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            return .problem(.cannotRead(path: path, reason: "no such file or not readable"))
        }
        guard data.count <= maxFileBytes else {
            let size = (try? handle.seekToEnd()).map { Int(clamping: $0) } ?? data.count
            return .problem(.fileTooLarge(path: path, bytes: size))
        }
        guard let text = RulesText.decode(data) else {
            return .problem(.cannotRead(path: path, reason: "not valid UTF-8"))
        }
        return .text(text)
    }
}

/// What reading one rules file gave: its text, or why there is none.
///
/// Not `Result<String, RulesProblem>`: building that type's metadata checks `RulesProblem: Error`,
/// a scan of every conformance record in the binary (about 250 K instructions) on each run.
enum RulesFileRead {
    case text(String)
    case problem(RulesProblem)
}

/// Reads the entry file and, depth first, every file it includes; each file once, cycles reported.
struct IncludeWalker {
    var bag = DiagnosticBag()
    var items: [Node<Item>] = []
    var sources: [String: String] = [:]
    var files: [String] = []
    /// The chain of files being read, for cycle detection.
    var stack: [String] = []

    mutating func visit(_ path: String, includedFrom include: StringLiteral?,
                        read: (String) -> RulesFileRead) {
        if let cycleStart = stack.firstIndex(of: path) {
            bag.add(.includeCycle(Array(stack[cycleStart...]) + [path]), at: include?.location, end: include?.end)
            return
        }
        guard !files.contains(path) else { return }
        guard files.count < RulesLoader.maxFiles else {
            bag.add(.tooManyFiles, at: include?.location, end: include?.end)
            return
        }
        let text: String
        switch read(path) {
        case .text(let value): text = value
        case .problem(let problem):
            bag.add(problem, at: include?.location ?? SourceLocation(file: path, line: 0, column: 0), end: include?.end)
            return
        }
        files.append(path)
        sources[path] = text
        guard text.utf8.count <= RulesLoader.maxFileBytes else {
            bag.add(.fileTooLarge(path: path, bytes: text.utf8.count), at: SourceLocation(file: path, line: 0, column: 0))
            return
        }
        let syntax = Parser.parse(source: text, file: path, bag: &bag)
        stack.append(path)
        defer { stack.removeLast() }
        for node in syntax.items where !bag.isFull {
            guard case .include(let target) = node.value else {
                items.append(node)
                continue
            }
            visit(RulesPath.join(directory: RulesPath.directory(of: path), target.value), includedFrom: target, read: read)
        }
    }
}
