import PioneerDocuments
import PioneerText

/// One word of the document, by index into the `WordTable`.
struct DocToken: Sendable, Hashable {
    var word: Int32
    /// Byte offsets in the block's normalised text.
    var start: Int32
    var end: Int32
    /// The word begins with a capital letter in the text.
    var capitalised: Bool
    /// A ';' or ':' lies between the previous token and this one: a clause break.
    var breakBefore: Bool
    /// A '/' lies directly before this token ("2013/14").
    var slashBefore: Bool
    /// Punctuation other than a hyphen or apostrophe lies between the previous token and this one.
    var separatedBefore: Bool
}

/// A document read for assessment: normalised blocks, tokens, units, sections, phrase matches
/// (with negation) and signals. Built once per document by `DocumentAnalyser`.
struct DocumentAnalysis: Sendable {
    var blocks: [NormalisedText] = []
    var words: WordTable
    var tokens: [DocToken] = []
    /// Headings, sentences, list items and table cells in reading order.
    var units: [TextUnit] = []
    /// One unit per non-heading block (for `unit paragraph`).
    var paragraphs: [TextUnit] = []
    var sections: [Section] = []
    var matches: [PhraseMatch] = []
    /// The most tokens one match covers (set by `indexMatches`): how far before a token a match that
    /// reaches it can start.
    var longestMatch: Int32 = 0
    /// The units holding a match of each phrase: `phraseUnits[phraseUnitStarts[p]..<phraseUnitStarts[p + 1]]`,
    /// in reading order, possibly repeated.
    var phraseUnitStarts: [Int32] = []
    var phraseUnits: [Int32] = []

    init(words: consuming WordTable = WordTable()) {
        self.words = words
    }

    /// Indexes the matches by phrase (a counting sort, so each phrase's units stay in reading order), and
    /// returns where each phrase first occurs: the start of its first match (`Int32.max` when none).
    mutating func indexMatches(phraseCount: Int) -> [Int32] {
        var starts = [Int32](repeating: 0, count: phraseCount + 1)
        var longest: Int32 = 0
        for match in matches {
            longest = max(longest, match.end &- match.start)
            if match.phrase >= 0 && Int(match.phrase) < phraseCount { starts[Int(match.phrase) + 1] += 1 }
        }
        longestMatch = longest
        for phrase in 0..<phraseCount { starts[phrase + 1] += starts[phrase] }
        var placed = [Int32](repeating: 0, count: Int(starts[phraseCount]))
        var firstStarts = [Int32](repeating: .max, count: phraseCount)
        // Each phrase's units are placed from its start on, `starts[p]` moving along to the end of the
        // phrase's units, which is the start of the next phrase's.
        placed.withUnsafeMutableBufferPointer { placed in
            starts.withUnsafeMutableBufferPointer { starts in
                firstStarts.withUnsafeMutableBufferPointer { firstStarts in
                    for (index, unit) in units.enumerated() {
                        for match in matches[unit.matches] where match.phrase >= 0 && Int(match.phrase) < phraseCount {
                            let phrase = Int(match.phrase)
                            let slot = Int(starts[phrase])
                            // Always true: every match lies in one unit and was counted once.
                            guard slot < placed.count else { continue }
                            placed[slot] = Int32(truncatingIfNeeded: index)
                            starts[phrase] += 1
                            firstStarts[phrase] = min(firstStarts[phrase], match.start)
                        }
                    }
                }
            }
        }
        // Moved one phrase on: back to where each phrase's units start.
        starts.removeLast()
        starts.insert(0, at: 0)
        phraseUnitStarts = starts
        phraseUnits = placed
        return firstStarts
    }
    var signals: [SignalSpan] = []
    /// For each term set, the first token where one of its main phrases occurs (Int32.max when none).
    var firstMainMatch: [Int32] = []

    /// The unit's text, spaces trimmed.
    func text(of unit: TextUnit) -> String {
        blocks[unit.block].text(unit.bytes)
    }

    /// The headings (unit indices) above a unit, innermost first.
    func headingChain(of unit: TextUnit) -> [Int] {
        var chain: [Int] = []
        var section = unit.section
        var steps = 0
        while section >= 0, section < sections.count, steps < 256 {
            chain.append(sections[section].heading)
            section = sections[section].parent
            steps += 1
        }
        return chain
    }
}
