/// The Unicode scalars of a text, for the page model, and its words: runs of bytes other than
/// space, tab, line feed, carriage return and form feed.
struct TextCounts: Sendable, Hashable {
    var scalars = 0
    var words = 0
    /// True when every byte is below 0x80.
    var isASCII = true

    init(_ text: String) {
        if let counts = text.utf8.withContiguousStorageIfAvailable(TextCounts.init) {
            self = counts
        } else {
            self = Array(text.utf8).withUnsafeBufferPointer(TextCounts.init)
        }
    }

    /// Counts sixteen bytes at a time (`ByteVectors`): scalars are the bytes that do not continue a
    /// UTF-8 sequence (10xxxxxx); a word starts at a byte that is not a space after one that is (or
    /// at the start).
    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        self = Self.counts(utf8, refusingMarkup: false) ?? TextCounts()
    }

    /// The counts of bytes that hold no inline markup, found in the same pass as `InlineMarkdown.firstMarkup`
    /// would look for markup (the text is then a block's text as it is); nil when there may be some.
    /// `lowBytesAreSpaces` tells that the bytes hold no control character other than tab, line feed,
    /// form feed and carriage return (then spaces are found with one test).
    init?(unlessMarkup utf8: UnsafeBufferPointer<UInt8>, lowBytesAreSpaces: Bool = false) {
        let counts = lowBytesAreSpaces ? Self.counts(utf8, refusingMarkup: true, lowBytesAreSpaces: true)
            : Self.counts(utf8, refusingMarkup: true, lowBytesAreSpaces: false)
        guard let counts else { return nil }
        self = counts
    }

    private init() {}

    private init(scalars: Int, words: Int, isASCII: Bool) {
        self.scalars = scalars
        self.words = words
        self.isASCII = isASCII
    }

    /// A block's text made from `utf8`, and its counts, from one pass over the bytes (copied once
    /// more into the String); with `refusingMarkup`, nil when they may hold inline markup.
    @inline(__always)
    static func block(_ utf8: UnsafeBufferPointer<UInt8>, refusingMarkup: Bool, lowBytesAreSpaces: Bool = false) -> CountedText? {
        guard let counts = refusingMarkup ? TextCounts(unlessMarkup: utf8, lowBytesAreSpaces: lowBytesAreSpaces) : TextCounts(utf8) else { return nil }
        return CountedText(text: String(blockBytes: utf8, isASCII: counts.isASCII), counts: counts)
    }

    /// The sum of the eight byte lanes of `lanes`.
    static func sumOfLanes(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
}

/// A text and its counts (a struct rather than a tuple: tuples are copied and destroyed through
/// generic runtime calls).
struct CountedText {
    var text: String
    var counts: TextCounts
}

private extension TextCounts {
    typealias Vector = ByteVectors.Vector

    /// The counts of `utf8`; with `refusingMarkup`, nil as soon as a byte `InlineMarkdown.firstMarkup`
    /// looks for turns up. Inlined into both initialisers, so each loop tests only what it needs.
    ///
    /// Byte 0 starts a word unless it is a space; every later byte does when it follows one, which
    /// is tested on the sixteen bytes one before each sixteen. Lane counters count the word starts,
    /// at most 255 per lane before they are added up. Continuation bytes are counted only in text
    /// that has a byte above 0x7F. With `lowBytesAreSpaces` (the text has no control character but
    /// tab, line feed, form feed and carriage return), a space is any byte up to 0x20: one test.
    @inline(__always)
    static func counts(_ utf8: UnsafeBufferPointer<UInt8>, refusingMarkup: Bool, lowBytesAreSpaces: Bool = false) -> TextCounts? {
        let count = utf8.count
        guard count > 16, let base = utf8.baseAddress.map(UnsafeRawPointer.init) else { return shortCounts(utf8, refusingMarkup: refusingMarkup) }
        @inline(__always)
        func spaces(_ bytes: Vector) -> ByteVectors.Mask {
            lowBytesAreSpaces ? bytes .<= Vector(repeating: 0x20) : ByteVectors.spaces(bytes)
        }
        let first = utf8[0]
        if refusingMarkup && isMarkup(first) { return nil }
        var words = isSpace(first) ? 0 : 1
        var seen = Vector(repeating: first)
        var marks = ByteVectors.Mask()
        var starts = Vector()
        var index = 1
        while true {
            // At most 254 vectors before the lane counters are added up, and one more below.
            let stop = min(count &- 16, index &+ 16 &* 253)
            while index <= stop {
                let bytes = ByteVectors.load(base, index)
                if refusingMarkup { marks .|= ByteVectors.markup(bytes) }
                starts &-= ByteVectors.ones(spaces(ByteVectors.load(base, index &- 1)) .& .!spaces(bytes))
                seen |= bytes
                index &+= 16
            }
            // Markup is looked for once per 4 KiB: most blocks hold none, and are read to the end anyway.
            if refusingMarkup && ByteVectors.any(marks) { return nil }
            guard count &- index >= 16 else { break }
            words &+= ByteVectors.sum(starts)
            starts = Vector()
        }
        if index < count {
            // The last bytes: the sixteen that end the text, without the lanes already counted.
            let offset = count &- 16
            let bytes = ByteVectors.load(base, offset)
            if refusingMarkup && ByteVectors.any(ByteVectors.markup(bytes)) { return nil }
            starts &-= ByteVectors.ones(spaces(ByteVectors.load(base, offset &- 1)) .& .!spaces(bytes)
                .& (ByteVectors.lanes .>= Vector(repeating: UInt8(truncatingIfNeeded: index &- offset))))
            seen |= bytes
        }
        words &+= ByteVectors.sum(starts)
        let isASCII = !ByteVectors.anyHigh(seen)
        return TextCounts(scalars: count &- (isASCII ? 0 : continuationCount(utf8)), words: words, isASCII: isASCII)
    }

    /// `counts` for at most sixteen bytes: copied into one vector, and one lane later (after a space) into another.
    static func shortCounts(_ utf8: UnsafeBufferPointer<UInt8>, refusingMarkup: Bool) -> TextCounts? {
        guard !utf8.isEmpty else { return TextCounts() }
        let raw = UnsafeRawBufferPointer(utf8)
        var bytes = Vector(), before = Vector(repeating: 0x20)
        withUnsafeMutableBytes(of: &bytes) { $0.copyMemory(from: raw) }
        withUnsafeMutableBytes(of: &before) { UnsafeMutableRawBufferPointer(rebasing: $0[1...]).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw.dropLast())) }
        // Lanes past the text hold 0, which is neither markup nor a continuation byte.
        if refusingMarkup && ByteVectors.any(ByteVectors.markup(bytes)) { return nil }
        let inText = ByteVectors.lanes .< Vector(repeating: UInt8(truncatingIfNeeded: utf8.count))
        let starts = ByteVectors.spaces(before) .& .!ByteVectors.spaces(bytes) .& inText
        let continuations = ByteVectors.sum(Vector() &- ByteVectors.ones(ByteVectors.continuations(bytes)))
        return TextCounts(scalars: utf8.count &- continuations, words: ByteVectors.sum(Vector() &- ByteVectors.ones(starts)),
                          isASCII: !ByteVectors.anyHigh(bytes))
    }

    /// The continuation bytes (10xxxxxx) of `utf8`.
    static func continuationCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var index = 0
        if let base = utf8.baseAddress.map(UnsafeRawPointer.init) {
            while utf8.count &- index >= 16 {
                var lanes = Vector()
                let stop = min(utf8.count &- 16, index &+ 16 &* 254)
                repeat {
                    lanes &-= ByteVectors.ones(ByteVectors.continuations(ByteVectors.load(base, index)))
                    index &+= 16
                } while index <= stop
                total &+= ByteVectors.sum(lanes)
            }
        }
        while index < utf8.count {
            total &+= utf8[index] & 0xC0 == 0x80 ? 1 : 0
            index &+= 1
        }
        return total
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// One of the bytes `InlineMarkdown.firstMarkup` looks for.
    static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x2A, 0x3C, 0x5B...0x60: return true
        default: return false
        }
    }
}

private extension String {
    /// A block's String from its bytes. ASCII text (`isASCII`, which `TextCounts` found in the same
    /// bytes) and other valid UTF-8 are copied without the standard library's own validation, which
    /// costs more; anything else goes through `String(decoding:as:)`, which repairs it. So bytes cut
    /// inside a character never make an invalid String.
    init(blockBytes bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        if isASCII || TextDecoding.isValidUTF8(bytes, from: 0), #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *) {
            self = String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }
}
