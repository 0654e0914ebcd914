/// For each canonical phrase, the atoms (`ConditionProgram.Atom`: phrases and term sets the
/// conditions test) that a match of it makes hold. Built once per `Assessor`.
struct AtomIndex: Sendable {
    struct Entry: Sendable, Hashable {
        var atom: Int32
        /// The term set of which a main phrase must match earlier for this match to count
        /// (an after-first phrase); -1 when it always counts.
        var afterFirst: Int32
    }

    let atomCount: Int
    /// The entries of phrase p: `entries[starts[p]..<starts[p + 1]]`.
    private let entries: [Entry]
    private let starts: [Int32]

    init(atoms: [ConditionProgram.Atom], phraseCount: Int, termSets: [CanonicalTermSet]) {
        atomCount = atoms.count
        var byPhrase = FlatLists<Entry>()
        func add(_ phrase: Int32, _ entry: Entry) {
            byPhrase.append(entry, to: phrase)
        }
        for (number, atom) in atoms.enumerated() {
            let number = Int32(truncatingIfNeeded: number)
            switch atom.kind {
            case .phrase:
                add(atom.index, Entry(atom: number, afterFirst: -1))
            case .termSet where atom.index >= 0 && Int(atom.index) < termSets.count:
                for phrase in termSets[Int(atom.index)].phrases { add(phrase, Entry(atom: number, afterFirst: -1)) }
                for phrase in termSets[Int(atom.index)].afterFirst { add(phrase, Entry(atom: number, afterFirst: atom.index)) }
            default:
                continue
            }
        }
        (entries, starts) = byPhrase.layout(keyCount: phraseCount)
    }

    /// Calls `body` with the entries and the starts, read in place.
    func withLists<Result>(_ body: (UnsafeBufferPointer<Entry>, UnsafeBufferPointer<Int32>) -> Result) -> Result {
        entries.withUnsafeBufferPointer { entries in starts.withUnsafeBufferPointer { body(entries, $0) } }
    }
}

/// Which atoms each unit and paragraph of one document holds, two bits per atom: a counting match
/// that is not negated, and any counting match. Built once per document from its matches, so that
/// testing a term set on a unit is reading one bit, however many matches the unit has.
///
/// Rows: `analysis.units` first, then `analysis.paragraphs` (when asked for).
struct UnitAtoms {
    private var words: [UInt64]
    /// Whether each row holds a negated match (when not, negated matches cannot change a verdict there).
    private var negated: [Bool]
    /// 64-bit words per row.
    private let rowWords: Int
    private let unitCount: Int
    /// Units, then paragraphs when recorded.
    let rowCount: Int

    init(analysis: DocumentAnalysis, index: AtomIndex, paragraphs: Bool) {
        rowWords = (2 * index.atomCount + 63) / 64
        unitCount = analysis.units.count
        rowCount = unitCount + (paragraphs ? analysis.paragraphs.count : 0)
        words = [UInt64](repeating: 0, count: rowCount * rowWords)
        negated = [Bool](repeating: false, count: rowCount)
        guard rowWords > 0 else { return }
        for row in analysis.units.indices {
            fill(row: row, matches: analysis.units[row].matches, analysis: analysis, index: index)
        }
        if paragraphs { fillParagraphs(analysis, index: index) }
    }

    /// The row of unit `position` of `analysis.units`.
    func unitRow(_ position: Int) -> Int { position }

    /// The row of paragraph `position` of `analysis.paragraphs` (-1 when paragraphs were not recorded).
    func paragraphRow(_ position: Int) -> Int {
        unitCount + position < rowCount ? unitCount + position : -1
    }

    /// Whether the unit of `row` holds a negated match of some phrase.
    func hasNegatedMatch(row: Int) -> Bool {
        row >= 0 && row < negated.count && negated[row]
    }

    /// Whether the unit of `row` holds a counting match of `atom` (not negated, unless `countingNegated`).
    @inline(__always)
    func holds(_ atom: Int32, row: Int, countingNegated: Bool) -> Bool {
        guard atom >= 0, row >= 0, row < rowCount else { return false }
        let bit = 2 * Int(atom) + (countingNegated ? 1 : 0)
        let word = row * rowWords + bit >> 6
        return word < words.count && words[word] >> UInt64(bit & 63) & 1 != 0
    }

    /// Sets the bits of the atoms the matches `matches` make hold in `row`.
    private mutating func fill(row: Int, matches: Range<Int>, analysis: DocumentAnalysis, index: AtomIndex) {
        let base = row * rowWords
        guard !matches.isEmpty, base >= 0, base + rowWords <= words.count else { return }
        let rowWords = rowWords
        var anyNegated = false
        // Everything read in place: this runs for every match of the document.
        words.withUnsafeMutableBufferPointer { words in
            let rowBits = UnsafeMutableBufferPointer(rebasing: words[base..<base + rowWords])
            analysis.matches.withUnsafeBufferPointer { matchList in
                analysis.firstMainMatch.withUnsafeBufferPointer { first in
                    index.withLists { entries, starts in
                        for position in max(0, matches.lowerBound)..<max(0, min(matchList.count, matches.upperBound)) {
                            let match = matchList[position]
                            anyNegated = anyNegated || match.negated
                            let phrase = Int(match.phrase)
                            guard phrase >= 0, phrase + 1 < starts.count else { continue }
                            let lower = Int(starts[phrase]), upper = min(entries.count, Int(starts[phrase + 1]))
                            for entryPosition in lower..<max(lower, upper) {
                                let entry = entries[entryPosition]
                                if entry.afterFirst >= 0 {
                                    guard Int(entry.afterFirst) < first.count, first[Int(entry.afterFirst)] < match.start else { continue }
                                }
                                let bit = 2 * Int(entry.atom)
                                guard (bit + 1) >> 6 < rowBits.count else { continue }
                                rowBits[(bit + 1) >> 6] |= 1 << UInt64((bit + 1) & 63)
                                if !match.negated { rowBits[bit >> 6] |= 1 << UInt64(bit & 63) }
                            }
                        }
                    }
                }
            }
        }
        if anyNegated { negated[row] = true }
    }

    /// Paragraph rows: the union of their units' rows. A paragraph's matches are those of the units
    /// of its block; one whose units do not account for all its matches is filled from them directly.
    private mutating func fillParagraphs(_ analysis: DocumentAnalysis, index: AtomIndex) {
        var covered = [Int](repeating: 0, count: analysis.paragraphs.count)
        for (position, unit) in analysis.units.enumerated() where !unit.matches.isEmpty {
            let paragraph = unit.paragraph
            guard paragraph >= 0, paragraph < analysis.paragraphs.count else { continue }
            let range = analysis.paragraphs[paragraph].matches
            guard range.lowerBound <= unit.matches.lowerBound, unit.matches.upperBound <= range.upperBound else { continue }
            covered[paragraph] += unit.matches.count
            negated[unitCount + paragraph] = negated[unitCount + paragraph] || negated[position]
            let from = position * rowWords
            let to = (unitCount + paragraph) * rowWords
            for word in 0..<rowWords { words[to + word] |= words[from + word] }
        }
        for (position, paragraph) in analysis.paragraphs.enumerated() where covered[position] != paragraph.matches.count {
            fill(row: unitCount + position, matches: paragraph.matches, analysis: analysis, index: index)
        }
    }
}
