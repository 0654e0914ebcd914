/// The headings open at a point of the document, innermost last: a heading closes every open
/// heading of the same or a deeper level.
struct SectionStack: Sendable {
    private var open: [(level: Int, section: Int)] = []

    /// The innermost open section, -1 before any heading.
    var current: Int { open.last?.section ?? -1 }

    /// Opens a section for the heading unit `heading` and returns its index in `sections`.
    mutating func open(level: Int, heading: Int, in sections: inout [Section]) -> Int {
        while let top = open.last, top.level >= level { open.removeLast() }
        let section = sections.count
        sections.append(Section(heading: heading, parent: current, level: level))
        open.append((level, section))
        return section
    }
}
