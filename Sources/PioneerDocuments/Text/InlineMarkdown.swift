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
        guard SimpleText.isSimple(text) else { return plainCharacters(text) }
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { plain($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of simple text (`SimpleText`) without inline markup to `out`: the same as
    /// `plainCharacters`, on bytes.
    static func plain(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var scanner = ByteScanner(text: text)
        scanner.run(into: &out)
    }

    /// The index of the first byte at or after `start` that may start markup: one of ! * < and
    /// [ \\ ] ^ _ ` (0x5B-0x60), looked for sixteen bytes at a time (`ByteVectors.markup`), then
    /// eight; the count when there is none (then `plain` leaves the text as it is).
    static func firstMarkup(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        var index = start
        if let base = text.baseAddress.map(UnsafeRawPointer.init) {
            while text.count &- index >= 16 {
                let marks = ByteVectors.markup(ByteVectors.load(base, index))
                if ByteVectors.any(marks) { return index + ByteVectors.first(marks) }
                index &+= 16
            }
            while index + 8 <= text.count {
                let word = ByteWords.load(base, index)
                let marks = (ByteWords.less(word, than: 0x61) & ~ByteWords.less(word, than: 0x5B))
                    | ByteWords.equal(word, 0x21) | ByteWords.equal(word, 0x2A) | ByteWords.equal(word, 0x3C)
                if marks != 0 { return index + marks.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < text.count {
            switch text[index] {
            case 0x21, 0x2A, 0x3C, 0x5B...0x60: return index
            default: index += 1
            }
        }
        return index
    }

    /// `plain` on Characters, for any text: the reference the byte version is tested against.
    static func plainCharacters(_ text: String) -> String {
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

private extension InlineMarkdown {
    /// `plainCharacters` on the bytes of simple text, where every Character is one scalar. Distances
    /// are limited in Characters, so in scalars; unchanged runs of bytes are copied whole.
    struct ByteScanner {
        let text: UnsafeBufferPointer<UInt8>
        /// The next ']' after a '[', ')' after "](", ']' after "][", and '>' after '<'.
        var labelEnd = NextByte(target: 0x5D), targetEnd = NextByte(target: 0x29), referenceEnd = NextByte(target: 0x5D),
            tagEnd = NextByte(target: 0x3E)
        /// Scalar indices of the positions above and of markup starts, each asked in increasing order.
        var startScalars = ScalarIndex(), labelEndScalars = ScalarIndex(), targetEndScalars = ScalarIndex(),
            referenceEndScalars = ScalarIndex(), tagEndScalars = ScalarIndex()

        init(text: UnsafeBufferPointer<UInt8>) {
            self.text = text
        }

        mutating func run(into out: inout [UInt8]) {
            let count = text.count
            out.reserveCapacity(out.count + count)
            var index = 0
            // Bytes from `copied` up to `index` are kept as they are, to be copied in one go.
            var copied = 0
            func skip(to next: Int) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index]))
                index = next
                copied = next
            }
            while true {
                index = nextMarkup(from: index)
                guard index < count else { break }
                switch text[index] {
                case 0x5C where index + 1 < count && Self.isEscapable(text[index + 1]):  // backslash: keep the next byte
                    skip(to: index + 1)
                    index += 1
                case 0x2A, 0x5F:  // * _
                    if keepsEmphasisMark(at: index) { index += 1 } else { skip(to: index + 1) }
                case 0x60:  // `
                    skip(to: index + 1)
                case 0x21 where index + 1 < count && text[index + 1] == 0x5B:  // ! before [
                    skip(to: index + 1)
                case 0x5B:  // [
                    if let (label, next) = link(at: index) {
                        skip(to: next)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[label]))
                    } else {
                        index += 1
                    }
                case 0x3C:  // <
                    if let close = tag(at: index) { skip(to: close + 1) } else { index += 1 }
                default:
                    index += 1
                }
            }
            skip(to: count)
        }

        func nextMarkup(from start: Int) -> Int { InlineMarkdown.firstMarkup(in: text, from: start) }

        /// Characters a backslash makes literal: \\ ` * _ { } [ ] ( ) # + - . ! | >
        static func isEscapable(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x7B, 0x7D, 0x5B, 0x5D, 0x28, 0x29, 0x23, 0x2B, 0x2D, 0x2E, 0x21, 0x7C, 0x3E: return true
            default: return false
            }
        }

        /// An emphasis marker is dropped unless it is inside a word ("snake_case") or stands alone ("a * b").
        func keepsEmphasisMark(at index: Int) -> Bool {
            let before: UInt32 = index > 0 ? UTF8Bytes.scalar(text, before: index) : 0x20
            let after: UInt32 = index + 1 < text.count ? UTF8Bytes.scalar(text, at: index + 1).0 : 0x20
            let inWord = UTF8Bytes.isLetterOrNumber(before) && UTF8Bytes.isLetterOrNumber(after)
            return inWord || (before == 0x20 && after == 0x20)
        }

        /// "[text](url)" or "[text][ref]" at `start`: the range of the text and the index after the link.
        mutating func link(at start: Int) -> (Range<Int>, Int)? {
            let count = text.count
            let close = labelEnd.find(in: text, from: start + 1)
            guard close < count,
                  close - start <= maximumLabel
                  || labelEndScalars.at(close, in: text) - startScalars.at(start, in: text) <= maximumLabel else { return nil }
            let next = close + 1
            guard next < count, text[next] == 0x28 || text[next] == 0x5B else { return nil }
            let parenthesis = text[next] == 0x28
            let end = parenthesis ? targetEnd.find(in: text, from: next) : referenceEnd.find(in: text, from: next + 1)
            guard end < count else { return nil }
            if end - next > maximumTarget {
                let endScalar = parenthesis ? targetEndScalars.at(end, in: text) : referenceEndScalars.at(end, in: text)
                guard endScalar - (labelEndScalars.at(close, in: text) + 1) <= maximumTarget else { return nil }
            }
            return ((start + 1)..<close, end + 1)
        }

        /// The index of '>' closing an HTML tag or autolink at `start`, when it is one.
        mutating func tag(at start: Int) -> Int? {
            let count = text.count
            guard start + 1 < count else { return nil }
            let next = text[start + 1]
            guard next == 0x2F || next == 0x21 || UTF8Bytes.isLetter(UTF8Bytes.scalar(text, at: start + 1).0) else { return nil }
            let end = tagEnd.find(in: text, from: start + 1)
            guard end < count,
                  end - start <= maximumTag || tagEndScalars.at(end, in: text) - startScalars.at(start, in: text) <= maximumTag else { return nil }
            return end
        }
    }

    /// The first position of `target` at or after a position (the text's count when there is none).
    /// Asked for positions in increasing order, it reads the text once.
    struct NextByte {
        let target: UInt8
        var from = 0, found = -1

        mutating func find(in text: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
            if position >= from && position <= found { return found }
            var index = position
            while index < text.count && text[index] != target { index += 1 }
            from = position
            found = index
            return index
        }
    }

    /// The number of scalars before a byte position. Asked for positions in increasing order, it
    /// reads the text once.
    struct ScalarIndex {
        var position = 0, scalars = 0

        mutating func at(_ target: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
            while position < target {
                if text[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            while position > target {
                position -= 1
                if text[position] & 0xC0 != 0x80 { scalars -= 1 }
            }
            return scalars
        }
    }
}
