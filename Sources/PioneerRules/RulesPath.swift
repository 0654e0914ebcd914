/// Pure path arithmetic for includes, so in-memory and on-disk rule sets resolve the same way.
enum RulesPath {
    /// The directory part of `path` ("" for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path == "/" ? "/" : String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
    }

    /// `relative` resolved against `directory` (absolute paths are kept), normalised.
    static func join(directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || directory.isEmpty { return normalize(relative) }
        return normalize(directory + "/" + relative)
    }

    /// Removes "." and empty components and folds "dir/.." pairs.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        // Appended part by part, each made a `String` first, rather than `joined(separator:)` or appending
        // the `Substring`: their generic code asks the runtime (a scan of every conformance record, once
        // per process) whether `[Substring]` or `Substring` is a `Collection`.
        var joined = ""
        for part in parts {
            if !joined.isEmpty { joined += "/" }
            joined += String(part)
        }
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
