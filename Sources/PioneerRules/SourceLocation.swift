import Foundation

/// A position in a rules file: 1-based line and column (column counts Unicode scalars).
///
/// The file is stored as a small id into a process-wide table of paths (`SourceFileTable`), so a
/// location holds no reference: the lexer and parser copy millions of them (every token, string
/// literal, identifier and node carries one or two) without reference counting. `file` reads the
/// path back through the table, so diagnostics see the same text as before.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The id of the file path in `SourceFileTable.shared` (equal ids are equal paths).
    var fileID: UInt32
    /// Line and column, stored narrow to keep tokens and syntax nodes small (clamped on the way in).
    private var storedLine: Int32
    private var storedColumn: Int32

    public var file: String {
        get { SourceFileTable.shared.path(fileID) }
        set { fileID = SourceFileTable.shared.id(of: newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourceFileTable.shared.id(of: file), line: line, column: column)
    }

    /// A location in the file with an id the table already gave out (no lookup).
    init(fileID: UInt32, line: Int, column: Int) {
        self.fileID = fileID
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// By file path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}

/// The file paths named by source locations, each interned once per process under a small id.
///
/// Paths are never removed: a process compiles a handful of rules files, and each distinct path
/// costs one entry. Access is serialised by a lock, so locations can be made and read on any thread.
final class SourceFileTable: @unchecked Sendable {
    static let shared = SourceFileTable()

    private let lock = NSLock()
    private var paths: [String] = []
    private var ids: [String: UInt32] = [:]

    /// The id of `path`, adding it on first sight.
    func id(of path: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[path] { return id }
        let id = UInt32(paths.count)
        paths.append(path)
        ids[path] = id
        return id
    }

    /// The path with this id ("" for an id the table never gave out, which cannot be built outside this module).
    func path(_ id: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(id) < paths.count ? paths[Int(id)] : ""
    }
}
