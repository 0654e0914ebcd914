/// Proper names: runs of capitalised words ("Northshire County Council", "Dr Amara Okafor",
/// "Health and Wellbeing Board"), judged on the text's own casing.
extension Substance {
    /// The tokens of a proper name starting at `index` (after any leading "The"), or `nil`.
    ///
    /// A run of at least two capitalised words counts, not counting a capitalised first word of the
    /// unit unless the run names an organisation; a lone organisation acronym ("CCG") or
    /// "Healthwatch" counts on its own. Leading "The", "We", "Our"… are not part of a name.
    func properName(at index: Int, in range: Range<Int>) -> Range<Int>? {
        properNameOrSkip(at: index, in: range).name
    }

    /// `properName(at:in:)`, and where to look next when there is none: past the leading capitalised
    /// stopwords ("The", "Our") it skipped, since every one of them would skip to the same word and
    /// be turned down the same way. So a run of thousands of them ("The The The …") is read once,
    /// not once from each of its words.
    func properNameOrSkip(at index: Int, in range: Range<Int>) -> (name: Range<Int>?, next: Int) {
        guard !standsAlone(index, in: range), isCapitalisedWord(index),
              index == range.lowerBound || tokens[index].separatedBefore || !isCapitalisedWord(index - 1) || isStopword(index - 1) else {
            return (nil, index + 1)
        }
        var start = index
        while start < range.upperBound, isStopword(start), isCapitalisedWord(start) { start += 1 }
        let next = max(index + 1, start)
        guard start < range.upperBound, isCapitalisedWord(start) else { return (nil, next) }
        var end = start + 1
        var capitalised = 1
        var organisation = entry(start).flags.contains(.organisation)
        while end < range.upperBound, !tokens[end].separatedBefore {
            if isCapitalisedWord(end) {
                capitalised += 1
                organisation = organisation || entry(end).flags.contains(.organisation)
                end += 1
            } else if entry(end).flags.contains(.nameConnector), end + 1 < range.upperBound, isCapitalisedWord(end + 1),
                      !tokens[end + 1].separatedBefore, !(organisation && entry(end).marks.contains(.and)) {
                // "Health and Wellbeing Board" is one name; "Northshire CCG and Northshire Council" two.
                end += 1
            } else {
                break
            }
        }
        let counted = start == range.lowerBound ? capitalised - 1 : capitalised
        if counted >= 2 || (organisation && capitalised >= 2) { return (start..<end, end) }
        if capitalised == 1, isStandaloneOrganisation(start) { return (start..<end, end) }
        return (nil, next)
    }

    /// Whether the word at `index` can only be a one-word run that names nothing: not a stopword (which a
    /// name may follow), not an organisation, and not followed by a capitalised word or a name connector.
    /// Most capitalised words are such ("We", "Services"), and `properName` turns them down at once.
    func standsAlone(_ index: Int, in range: Range<Int>) -> Bool {
        let flags = entry(index).flags
        guard flags.isDisjoint(with: [.nameStopword, .organisation]) else { return false }
        let next = index + 1
        return next >= range.upperBound || tokens[next].separatedBefore
            || (!isCapitalisedWord(next) && !entry(next).flags.contains(.nameConnector))
    }

    func isCapitalisedWord(_ index: Int) -> Bool {
        let entry = entry(index)
        return tokens[index].capitalised && !entry.isNumber && !entry.isSymbol
    }

    func isStopword(_ index: Int) -> Bool { entry(index).flags.contains(.nameStopword) }

    func isStandaloneOrganisation(_ index: Int) -> Bool {
        let entry = entry(index)
        guard entry.flags.contains(.organisation) else { return false }
        if entry.marks.contains(.healthwatch) { return true }
        let start = Int(tokens[index].start), end = Int(tokens[index].end)
        guard end - start >= 2, end <= bytes.count else { return false }
        return bytes[start..<end].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
}
