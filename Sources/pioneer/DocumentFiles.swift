import Foundation
import PioneerDocuments

/// Expands the paths a user gave into the documents to read: files as given (any extension, so an
/// unsupported one is reported), and every supported file under a directory, sorted. Hidden files and
/// a folder's own `README` (any supported extension) are not bids and are skipped there.
enum DocumentFiles {
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                files += supportedFiles(under: path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    private static func supportedFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
            guard DocumentFormat(pathExtension: DocumentReader.pathExtension(name)) != nil,
                  (name as NSString).deletingPathExtension.lowercased() != "readme" else { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(full)
            }
        }
        return found.sorted()
    }
}
