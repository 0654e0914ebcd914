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
    /// The unit (index into `units`) each match lies in.
    var matchUnits: [Int32] = []
    /// The units holding a match of each phrase: `phraseUnits[phraseUnitStarts[p]..<phraseUnitStarts[p + 1]]`,
    /// in reading order, possibly repeated.
    var phraseUnitStarts: [Int32] = []
    var phraseUnits: [Int32] = []

    init(words: WordTable = WordTable()) {
        self.words = words
    }

    /// The units holding a match of `phrase`, in reading order.
    func units(matching phrase: Int32) -> ArraySlice<Int32> {
        let index = Int(phrase)
        guard index >= 0, index + 1 < phraseUnitStarts.count else { return [] }
        return phraseUnits[Int(phraseUnitStarts[index])..<Int(phraseUnitStarts[index + 1])]
    }

    /// Indexes the matches by phrase (a counting sort, so each phrase's units stay in reading order).
    mutating func indexMatches(phraseCount: Int) {
        var starts = [Int32](repeating: 0, count: phraseCount + 1)
        for match in matches where Int(match.phrase) < phraseCount { starts[Int(match.phrase) + 1] += 1 }
        for index in 0..<phraseCount { starts[index + 1] += starts[index] }
        var next = starts
        var units = [Int32](repeating: 0, count: Int(starts[phraseCount]))
        for (position, match) in matches.enumerated() where Int(match.phrase) < phraseCount {
            units[Int(next[Int(match.phrase)])] = matchUnits[position]
            next[Int(match.phrase)] += 1
        }
        phraseUnitStarts = starts
        phraseUnits = units
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
