/// Dates: years 1990–2039 ("2014", "2013/14"), quarters ("Q1 2014"), months with a day or year or
/// after "by", "from", "until"…, "dd/mm/yyyy", and "financial year".
extension Substance {
    static let dateLeadWords: Set<String> = [
        "by", "from", "until", "till", "before", "after", "since", "during", "end", "early", "late", "mid", "in", "of",
        "between", "and", "to", "each", "every", "next", "last", "this", "throughout",
    ]

    /// The end of a date starting at `index`, or `nil`.
    func date(at index: Int, in range: Range<Int>) -> Int? {
        let current = entry(index)
        if current.isNumber {
            if isSlashed(index + 1, in: range), isSlashed(index + 2, in: range) { return index + 3 }
            if current.marks.contains(.year) {
                return isSlashed(index + 1, in: range) ? index + 2 : index + 1
            }
            if isMonth(index + 1, in: range) {
                return isYearToken(index + 2, in: range) ? index + 3 : index + 2
            }
            return nil
        }
        if marks(index, in: range).contains(.q), index + 1 < range.upperBound, entry(index + 1).marks.contains(.quarterDigit) {
            return isYearToken(index + 2, in: range) ? index + 3 : index + 2
        }
        if marks(index, in: range).contains(.financial), marks(index + 1, in: range).contains(.yearWord) {
            return isYearToken(index + 2, in: range) ? index + 3 : index + 2
        }
        if isMonth(index, in: range) {
            let followed = index + 1 < range.upperBound && entry(index + 1).isNumber
            if followed { return isYearToken(index + 2, in: range) && !isYearToken(index + 1, in: range) ? index + 3 : index + 2 }
            if marks(index - 1, in: range).contains(.dateLead) { return index + 1 }
            if tokens[index].capitalised, !current.flags.contains(.ambiguousMonth) { return index + 1 }
        }
        return nil
    }

    func isYearToken(_ index: Int, in range: Range<Int>) -> Bool {
        marks(index, in: range).contains(.year)
    }

    /// A month name; "may" and "march" only when capitalised and not the first word of the unit.
    func isMonth(_ index: Int, in range: Range<Int>) -> Bool {
        guard range.contains(index) else { return false }
        let flags = entry(index).flags
        guard flags.contains(.month) else { return false }
        if flags.contains(.ambiguousMonth) { return tokens[index].capitalised && index != range.lowerBound }
        return true
    }

    /// A number directly after a '/' ("2013/14", "31/03/2014").
    func isSlashed(_ index: Int, in range: Range<Int>) -> Bool {
        range.contains(index) && entry(index).isNumber && tokens[index].slashBefore
    }
}
