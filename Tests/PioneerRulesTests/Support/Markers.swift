/// Position markers in test sources: `1️⃣`, `2️⃣`, … are removed and their line:column recorded.
enum Markers {
    static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The source without markers and each marker's 1-based "line:column" (columns count scalars).
    static func extract(_ marked: String) -> (source: String, positions: [String: String]) {
        var source = ""
        var positions: [String: String] = [:]
        var line = 1, column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for symbol in symbols where rest.hasPrefix(symbol) {
                positions[symbol] = "\(line):\(column)"
                rest = rest.dropFirst(symbol.count)
                continue outer
            }
            source.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        return (source, positions)
    }
}
