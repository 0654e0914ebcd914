/// Removes inline Markdown markup, keeping the words a reader sees: emphasis markers, code
/// backticks, link and image syntax (the link text or image alt text stays), HTML tags and
/// backslash escapes. Linear in the text: closing brackets are found through precomputed tables.
enum InlineMarkdown {
    /// Longest link text, link target and HTML tag looked through for their closing character.
    static let maximumLabel = 500, maximumTarget = 2000, maximumTag = 300

    static func plain(_ text: String) -> String {
        // Markup characters are ASCII: look for them in the bytes before working on characters.
        guard text.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x60 || $0 == 0x5B || $0 == 0x5D
            || $0 == 0x3C || $0 == 0x3E || $0 == 0x21 || $0 == 0x5C }) else { return text }
        let chars = Array(text)
        let closers = Closers(chars)
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
                if let (label, next) = link(chars, at: i, closers) { out.append(contentsOf: label); i = next } else { out.append(c); i += 1 }
            case "<":
                if let close = tagEnd(chars, at: i, closers) { i = close + 1 } else { out.append(c); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
        return out
    }
}

private extension InlineMarkdown {
    /// For each position, the index of the next ']', ')' and '>' at or after it (`count` when none).
    struct Closers {
        var bracket: [Int], parenthesis: [Int], angle: [Int]

        init(_ chars: [Character]) {
            bracket = Array(repeating: chars.count, count: chars.count + 1)
            parenthesis = bracket
            angle = bracket
            for index in chars.indices.reversed() {
                bracket[index] = chars[index] == "]" ? index : bracket[index + 1]
                parenthesis[index] = chars[index] == ")" ? index : parenthesis[index + 1]
                angle[index] = chars[index] == ">" ? index : angle[index + 1]
            }
        }
    }

    /// "[text](url)" or "[text][ref]" at `start`: the text and the index after the link.
    static func link(_ chars: [Character], at start: Int, _ closers: Closers) -> (String, Int)? {
        let close = closers.bracket[start + 1]
        guard close < chars.count, close - start <= maximumLabel else { return nil }
        let next = close + 1
        guard next < chars.count, chars[next] == "(" || chars[next] == "[" else { return nil }
        let end = chars[next] == "(" ? closers.parenthesis[next] : closers.bracket[next + 1]
        guard end < chars.count, end - next <= maximumTarget else { return nil }
        return (String(chars[(start + 1)..<close]), end + 1)
    }

    /// The index of '>' closing an HTML tag or autolink at `start`, when it is one.
    static func tagEnd(_ chars: [Character], at start: Int, _ closers: Closers) -> Int? {
        guard start + 1 < chars.count else { return nil }
        let next = chars[start + 1]
        guard next.isLetter || next == "/" || next == "!" else { return nil }
        let end = closers.angle[start + 1]
        return end < chars.count && end - start <= maximumTag ? end : nil
    }
}
