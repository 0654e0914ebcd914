/// Paragraph styles and document defaults from `word/styles.xml`, with inheritance through `w:basedOn`.
struct WordStyles: Sendable, Hashable {
    struct Style: Sendable, Hashable {
        var id: String
        var name: String = ""
        var basedOn: String?
        var properties = ParagraphProperties()
    }

    /// Paragraph styles by id.
    var styles: [String: Style] = [:]
    /// The style applied when a paragraph names none.
    var defaultStyleID: String?
    /// `w:docDefaults` (font size and spacing).
    var defaults = ParagraphProperties()

    /// Longest `w:basedOn` chain followed (cycles and hostile chains end here).
    static let maxChain = 16

    /// The heading level (1 = top) of a paragraph with these direct properties, or `nil` for body text.
    func headingLevel(_ direct: ParagraphProperties) -> Int? {
        if let level = direct.outlineLevel { return level < 9 ? level + 1 : nil }
        for style in chain(direct.styleID) {
            if let level = style.properties.outlineLevel { return level < 9 ? level + 1 : nil }
            if let level = Self.headingLevel(named: style.name) { return level }
        }
        return nil
    }

    /// The 1-based list level of a numbered or bulleted paragraph, or `nil`.
    func listLevel(_ direct: ParagraphProperties) -> Int? {
        if direct.isListItem { return (direct.listLevel ?? inherited(direct, \.listLevel) ?? 0) + 1 }
        if direct.numberingID != nil { return nil }
        for style in chain(direct.styleID) where style.properties.numberingID != nil || style.properties.listLevel != nil {
            return style.properties.isListItem ? (style.properties.listLevel ?? 0) + 1 : nil
        }
        return nil
    }

    /// Font size in half-points: direct, then the style chain, then the defaults, then 20 (10 pt, the ECMA-376 default).
    func fontSize(_ direct: ParagraphProperties) -> Int {
        direct.fontSize ?? inherited(direct, \.fontSize) ?? defaults.fontSize ?? 20
    }

    /// Spacing: direct, then the style chain, then the defaults, then Word's built-in 0 / single.
    func spacing(_ direct: ParagraphProperties) -> WordSpacing {
        var spacing = direct.spacing
        for style in chain(direct.styleID) { spacing = spacing.inheriting(style.properties.spacing) }
        return spacing.inheriting(defaults.spacing).inheriting(WordSpacing(before: 0, after: 0, line: 240, lineIsAuto: true))
    }

    /// True when the paragraph starts on a new page (`w:pageBreakBefore`, directly or from its style).
    func pageBreakBefore(_ direct: ParagraphProperties) -> Bool {
        direct.pageBreakBefore ?? inherited(direct, \.pageBreakBefore) ?? false
    }

    /// "heading 3" → 3, "Title" → 1.
    static func headingLevel(named name: String) -> Int? {
        let lower = name.lowercased()
        if lower == "title" { return 1 }
        guard lower.hasPrefix("heading") else { return nil }
        let digits = lower.dropFirst("heading".count).trimmingPrefix(" ")
        return Int(digits).flatMap { (1...9).contains($0) ? $0 : nil }
    }
}

private extension WordStyles {
    /// The named style (or the default style) and its ancestors, at most `maxChain` of them.
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var next = id ?? defaultStyleID
        while let current = next, result.count < Self.maxChain, let style = styles[current] {
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    func inherited<T>(_ direct: ParagraphProperties, _ key: KeyPath<ParagraphProperties, T?>) -> T? {
        for style in chain(direct.styleID) {
            if let value = style.properties[keyPath: key] { return value }
        }
        return nil
    }
}
