import PioneerDocuments
import PioneerRules
import PioneerText

/// Reads a `Document` into a `DocumentAnalysis`: normalise each block, tokenise it once, cut it
/// into units and sections, then match phrases, mark negation and detect signals per unit.
struct DocumentAnalyser {
    let matcher: PhraseMatcher
    let negation: Negation
    let index: RuleIndex

    /// The analysis of `blocks`, interning words into `words` (empty, or kept from earlier documents
    /// assessed with the same rules: `AssessmentWorkspace`). The table is consumed, not copied: were
    /// the caller to keep a reference, the first new word would copy the whole table (copy on write).
    func analyse(_ blocks: [Block], words: consuming WordTable = WordTable()) -> DocumentAnalysis {
        var analysis = DocumentAnalysis(words: words)
        // About one token per six bytes of text; a unit per block and per sentence, a match per two
        // tokens or so, a signal per fifty bytes: room enough that the arrays seldom grow.
        let byteCount = blocks.reduce(0) { $0 + $1.text.utf8.count }
        analysis.tokens.reserveCapacity(byteCount / 5)
        analysis.blocks.reserveCapacity(blocks.count)
        analysis.units.reserveCapacity(blocks.count + byteCount / 100)
        analysis.matches.reserveCapacity(byteCount / 12)
        analysis.signals.reserveCapacity(byteCount / 50)
        var sections = SectionStack()
        // One block's units, the array kept from block to block.
        var units: [TextUnit] = []
        // The units of each paragraph, made into `analysis.paragraphs` once the units are examined.
        var paragraphUnits: [Range<Int>] = []
        paragraphUnits.reserveCapacity(blocks.count)
        for (blockIndex, block) in blocks.enumerated() {
            let text = Normaliser.normalise(block.text)
            analysis.blocks.append(text)
            let tokenStart = analysis.tokens.count
            appendTokens(of: text, to: &analysis)
            units.removeAll(keepingCapacity: true)
            Segmenter.appendUnits(of: block, index: blockIndex, text: text, to: &units)
            assignTokens(&units, from: tokenStart, analysis: analysis)
            let firstUnit = analysis.units.count
            for var unit in units {
                if case .heading(let level) = unit.kind {
                    unit.section = sections.open(level: level, heading: analysis.units.count, in: &analysis.sections)
                } else {
                    unit.section = sections.current
                    unit.paragraph = paragraphUnits.count
                }
                analysis.units.append(unit)
            }
            if let first = units.first, !first.isHeading { paragraphUnits.append(firstUnit..<analysis.units.count) }
        }
        examineUnits(in: &analysis)
        analysis.paragraphs = paragraphUnits.map { paragraph(of: analysis.units[$0]) }
        let firstStarts = analysis.indexMatches(phraseCount: index.phraseCount)
        analysis.firstMainMatch = index.firstMainMatches(firstStarts: firstStarts)
        return analysis
    }
}

private extension DocumentAnalyser {
    func appendTokens(of text: NormalisedText, to analysis: inout DocumentAnalysis) {
        if FastTokenizer.appendTokens(of: text, table: &analysis.words, matcher: matcher, to: &analysis.tokens) { return }
        let found = FastTokenizer.tokens(text.bytes, table: &analysis.words, matcher: matcher)
        text.bytes.withUnsafeBufferPointer { bytes in
            var previousEnd = 0
            for token in found {
                var gap = FastTokenizer.Gap()
                for byte in bytes[min(previousEnd, token.start)..<token.start] { gap.add(byte) }
                analysis.tokens.append(DocToken(word: token.word, start: Int32(token.start), end: Int32(token.end),
                                                capitalised: FastTokenizer.isCapitalised(bytes, at: token.start), breakBefore: gap.breaks,
                                                slashBefore: gap.slash && token.start > 0 && bytes[token.start - 1] == 0x2F,
                                                separatedBefore: gap.separated))
                previousEnd = token.end
            }
        }
    }

    /// Gives each unit the tokens whose start lies in its byte range.
    func assignTokens(_ units: inout [TextUnit], from first: Int, analysis: DocumentAnalysis) {
        // The tokens read in place: this looks at every token of the document.
        analysis.tokens.withUnsafeBufferPointer { tokens in
            var cursor = max(0, first)
            for position in units.indices {
                let range = units[position].bytes
                while cursor < tokens.count, Int(tokens[cursor].start) < range.lowerBound { cursor += 1 }
                let start = cursor
                while cursor < tokens.count, Int(tokens[cursor].start) < range.upperBound { cursor += 1 }
                units[position].tokens = start..<cursor
            }
        }
    }

    /// Matches, negation, signals and the bare-list test for every unit. The units, matches and signals
    /// are moved out of `analysis` meanwhile, so that its tokens, words and texts are read in place, not
    /// copied, while they change.
    func examineUnits(in analysis: inout DocumentAnalysis) {
        var units: [TextUnit] = [], matches: [PhraseMatch] = [], signals: [SignalSpan] = []
        swap(&units, &analysis.units)
        swap(&matches, &analysis.matches)
        swap(&signals, &analysis.signals)
        examine(&units, matches: &matches, signals: &signals, reading: analysis)
        swap(&units, &analysis.units)
        swap(&matches, &analysis.matches)
        swap(&signals, &analysis.signals)
    }

    /// `examine(_:view:matches:signals:)` for every unit, block by block, the buffers opened once.
    func examine(_ units: inout [TextUnit], matches: inout [PhraseMatch], signals: inout [SignalSpan], reading analysis: DocumentAnalysis) {
        analysis.tokens.withUnsafeBufferPointer { tokens in
            analysis.words.withEntries { entries, prefixIDs in
                var position = 0
                while position < units.count {
                    let block = units[position].block
                    guard analysis.blocks.indices.contains(block) else { position += 1; continue }
                    analysis.blocks[block].bytes.withUnsafeBufferPointer { bytes in
                        let view = TokenView(tokens: tokens, entries: entries, prefixIDs: prefixIDs, bytes: bytes)
                        repeat {
                            examine(&units[position], view: view, matches: &matches, signals: &signals)
                            position += 1
                        } while position < units.count && units[position].block == block
                    }
                }
            }
        }
    }

    /// Matches, negation, signals and the bare-list test for one unit.
    func examine(_ unit: inout TextUnit, view: TokenView, matches: inout [PhraseMatch], signals: inout [SignalSpan]) {
        let matchStart = matches.count
        matcher.scan(view, range: unit.tokens, into: &matches)
        unit.matches = matchStart..<matches.count
        negation.mark(&matches, in: unit.matches, tokens: view.tokens, unitTokens: unit.tokens)
        let signalStart = signals.count
        unit.signalMask = Substance(view: view).detect(unit.tokens, isListItem: unit.kind == .listItem, into: &signals)
        unit.signals = signalStart..<signals.count
        unit.bare = BareList.isBare(unit, view: view, signals: signals)
    }

    /// The paragraph whose sentences are `units` (never empty).
    func paragraph(of units: ArraySlice<TextUnit>) -> TextUnit {
        guard let first = units.first, let last = units.last else { return TextUnit(kind: .paragraph, block: 0, bytes: 0..<0, page: 1, line: 1) }
        var paragraph = TextUnit(kind: .paragraph, block: first.block, bytes: first.bytes.lowerBound..<last.bytes.upperBound,
                                 page: first.page, line: first.line)
        paragraph.tokens = first.tokens.lowerBound..<last.tokens.upperBound
        paragraph.section = first.section
        paragraph.matches = first.matches.lowerBound..<last.matches.upperBound
        paragraph.signals = first.signals.lowerBound..<last.signals.upperBound
        paragraph.signalMask = units.reduce(0) { $0 | $1.signalMask }
        paragraph.bare = units.allSatisfy(\.bare)
        return paragraph
    }
}
