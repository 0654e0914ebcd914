extension SourceLines {
    /// What one pass over the bytes tells about the text: its line breaks, whether it has any
    /// non-ASCII byte or control characters other than tab, line feed, form feed and carriage return,
    /// when asked whether it looks binary (`TextDecoding.looksBinary`), and when asked whether it is
    /// well-formed UTF-8 and every scalar of it simple (`SimpleText`).
    ///
    /// Sixteen bytes at a time (`ByteVectors`): most sixteen hold no control character and no byte
    /// above 0x7F, which one signed comparison finds; the others are looked at more closely.
    struct ByteSummary {
        /// Where the line feeds are, in order.
        var lineFeedPositions: [Int] = []
        var carriageReturns = 0
        var hasFormFeed = false, hasNonASCII = false
        /// True when a byte below 0x20 is not a tab, line feed, form feed or carriage return.
        var hasOtherControls = false
        /// True when the first `binaryWindow` bytes (all of them when fewer) hold a NUL byte, or
        /// more than 1 byte in 20 of them is a control character other than tab, line feed, carriage
        /// return and form feed; always false for a window of 0.
        var looksBinary = false
        /// When validating: whether the bytes are well-formed UTF-8 (Unicode Table 3-7, as
        /// `String(validating:)` decides; when they are not, the rest of the summary is incomplete),
        /// and whether every scalar is simple. Both true when not validating.
        var isValidUTF8 = true, hasOnlySimpleScalars = true

        var lineFeeds: Int { lineFeedPositions.count }
        var hasLineFeed: Bool { !lineFeedPositions.isEmpty }

        init(_ bytes: UnsafeBufferPointer<UInt8>, binaryWindow: Int = 0, validatingUTF8: Bool = false) {
            let window = min(bytes.count, max(binaryWindow, 0))
            var tally = Tally(bytes: bytes, validating: validatingUTF8)
            tally.lineFeeds.reserveCapacity(bytes.count / 64 + 8)
            tally.add(from: 0, to: window, judging: true)
            tally.add(from: window, to: bytes.count, judging: false)
            lineFeedPositions = tally.lineFeeds
            carriageReturns = tally.carriageReturns
            hasFormFeed = tally.formFeeds
            hasNonASCII = tally.nonASCII
            hasOtherControls = tally.otherControls
            looksBinary = tally.nuls || tally.controls * 20 > window
            isValidUTF8 = !tally.invalid
            hasOnlySimpleScalars = tally.simpleScalars
        }
    }
}

private extension SourceLines.ByteSummary {
    typealias Vector = ByteVectors.Vector
    typealias Mask = ByteVectors.Mask

    /// The counts of one pass.
    struct Tally {
        let bytes: UnsafeBufferPointer<UInt8>
        let validating: Bool
        var lineFeeds: [Int] = []
        var carriageReturns = 0, controls = 0
        var formFeeds = false, nuls = false, otherControls = false, nonASCII = false
        /// Bytes before this one are checked UTF-8 (a sequence may run on past the sixteen bytes it starts in).
        var checkedUpTo = 0
        var invalid = false, simpleScalars = true

        init(bytes: UnsafeBufferPointer<UInt8>, validating: Bool) {
            self.bytes = bytes
            self.validating = validating
        }

        /// Adds `bytes[start..<end]`; when `judging`, also counts their NULs and other control characters.
        /// (Inlined into its two callers, so that each loop knows whether it judges.)
        @inline(__always)
        mutating func add(from start: Int, to end: Int, judging: Bool) {
            guard start < end, !invalid, let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return }
            // Control characters and bytes above 0x7F are the signed bytes below 0x20; DEL only counts when judging.
            @inline(__always)
            func rare(_ vector: Vector) -> Mask {
                let rare = unsafeBitCast(vector, to: SIMD16<Int8>.self) .< SIMD16<Int8>(repeating: 0x20)
                return judging ? rare .| (vector .== Vector(repeating: 0x7F)) : rare
            }
            var index = start
            // Thirty-two bytes at a time, tested at once: nearly all are plain ASCII text. Then sixteen
            // are added when they hold a rare byte.
            while end &- index >= 32 {
                let first = ByteVectors.load(base, index), second = ByteVectors.load(base, index &+ 16)
                if ByteVectors.any(rare(first) .| rare(second)) {
                    if ByteVectors.any(rare(first)) { add(first, at: index, lanes: Mask(repeating: true), judging: judging) }
                    if ByteVectors.any(rare(second)) { add(second, at: index &+ 16, lanes: Mask(repeating: true), judging: judging) }
                    if invalid { return }
                }
                index &+= 32
            }
            if end &- index >= 16 {
                let vector = ByteVectors.load(base, index)
                if ByteVectors.any(rare(vector)) { add(vector, at: index, lanes: Mask(repeating: true), judging: judging) }
                if invalid { return }
                index &+= 16
            }
            guard index < end else { return }
            if bytes.count >= 16 {
                // The last bytes: the sixteen that end at `end`, without the lanes before `index`.
                let offset = end &- 16
                let lanes = ByteVectors.lanes .>= Vector(repeating: UInt8(truncatingIfNeeded: index &- offset))
                add(ByteVectors.load(base, offset), at: offset, lanes: lanes, judging: judging)
            } else {
                // A text of fewer than sixteen bytes, copied into a vector.
                var vector = Vector()
                withUnsafeMutableBytes(of: &vector) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[index..<end])) }
                add(vector, at: index, lanes: ByteVectors.lanes .< Vector(repeating: UInt8(truncatingIfNeeded: end &- index)), judging: judging)
            }
        }

        /// Adds the `lanes` of the sixteen bytes at `offset`, which hold a control character or a non-ASCII byte.
        mutating func add(_ vector: Vector, at offset: Int, lanes: Mask, judging: Bool) {
            let low = vector .< Vector(repeating: 0x20) .& lanes
            if ByteVectors.any(low) {
                let lineFeed = vector .== Vector(repeating: 0x0A) .& lanes
                let carriageReturn = vector .== Vector(repeating: 0x0D) .& lanes
                let formFeed = vector .== Vector(repeating: 0x0C) .& lanes
                let others = low .& .!(lineFeed .| carriageReturn .| formFeed .| (vector .== Vector(repeating: 0x09)))
                note(lineFeed, at: offset)
                if ByteVectors.any(carriageReturn) { carriageReturns += Self.count(carriageReturn) }
                if ByteVectors.any(formFeed) { formFeeds = true }
                if ByteVectors.any(others) {
                    otherControls = true
                    if judging {
                        controls += Self.count(others)
                        if ByteVectors.any(vector .== Vector() .& lanes) { nuls = true }
                    }
                }
            }
            if judging {
                let deletes = vector .== Vector(repeating: 0x7F) .& lanes
                if ByteVectors.any(deletes) { controls += Self.count(deletes) }
            }
            let high = vector .>= Vector(repeating: 0x80) .& lanes
            if ByteVectors.any(high) {
                nonASCII = true
                if validating { check(high, at: offset) }
            }
        }

        /// Notes the line feeds `mask` marks in the sixteen bytes at `offset`.
        mutating func note(_ mask: Mask, at offset: Int) {
            let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            for half in 0..<2 {
                var rest = words[half] & ByteWords.highs
                while rest != 0 {
                    lineFeeds.append(offset &+ 8 &* half &+ rest.trailingZeroBitCount / 8)
                    rest &= rest &- 1
                }
            }
        }

        /// Checks the UTF-8 sequences that start at the non-ASCII bytes `mask` marks in the sixteen
        /// bytes at `offset` (a byte before `checkedUpTo` continues a sequence already checked).
        mutating func check(_ mask: Mask, at offset: Int) {
            let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            for half in 0..<2 {
                var rest = words[half] & ByteWords.highs
                while rest != 0 {
                    let index = offset &+ 8 &* half &+ rest.trailingZeroBitCount / 8
                    rest &= rest &- 1
                    guard index >= checkedUpTo else { continue }
                    guard let length = TextDecoding.sequenceLength(bytes, at: index) else {
                        invalid = true
                        return
                    }
                    if simpleScalars { simpleScalars = SimpleText.isSimple(UTF8Bytes.scalar(bytes, at: index).0) }
                    checkedUpTo = index &+ length
                }
            }
        }

        /// The lanes `mask` sets.
        static func count(_ mask: Mask) -> Int {
            ByteVectors.sum(Vector() &- ByteVectors.ones(mask))
        }
    }
}
