/// Removes inline Markdown markup, keeping the words a reader sees: emphasis markers, code
/// backticks, link and image syntax (the link text or image alt text stays), HTML tags and
/// backslash escapes.
enum InlineMarkdown {
    static func plain(_ text: String) -> String {
        // Markup characters are ASCII: look for them in the bytes before working on characters.
        guard text.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x60 || $0 == 0x5B || $0 == 0x5D
            || $0 == 0x3C || $0 == 0x3E || $0 == 0x21 || $0 == 0x5C }) else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && "\\`*_{}[]()#+-.!|>".contains(chars[i + 1]):
                out.append(chars[i + 1]); i += 2
            case "*", "_":
                // Emphasis marker when it touches a word on one side only; keep "a * b" and snake_case.
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                let inWord = (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber)
                if inWord || (before == " " && after == " ") { out.append(c) }
                i += 1
            case "`":
                i += 1
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                i += 1
            case "[":
                if let (label, next) = link(chars, at: i) { out.append(contentsOf: label); i = next } else { out.append(c); i += 1 }
            case "<":
                if let close = tagEnd(chars, at: i) { i = close + 1 } else { out.append(c); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
        return out
    }

    /// "[text](url)" or "[text][ref]" at `start`: the text and the index after the link.
    private static func link(_ chars: [Character], at start: Int) -> (String, Int)? {
        guard let close = chars[(start + 1)...].prefix(500).firstIndex(of: "]") else { return nil }
        let label = String(chars[(start + 1)..<close])
        let next = close + 1
        guard next < chars.count, chars[next] == "(" || chars[next] == "[" else { return nil }
        let closer: Character = chars[next] == "(" ? ")" : "]"
        guard let end = chars[next...].prefix(2000).firstIndex(of: closer) else { return nil }
        return (label, end + 1)
    }

    /// The index of '>' closing an HTML tag or autolink at `start`, when it is one.
    private static func tagEnd(_ chars: [Character], at start: Int) -> Int? {
        guard start + 1 < chars.count else { return nil }
        let next = chars[start + 1]
        guard next.isLetter || next == "/" || next == "!" else { return nil }
        return chars[(start + 1)...].prefix(300).firstIndex(of: ">")
    }
}
