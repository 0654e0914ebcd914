/// Paragraph spacing in twips (`w:spacing`); `nil` fields are inherited.
struct WordSpacing: Sendable, Hashable {
    var before: Int?
    var after: Int?
    /// Line pitch: 240ths of a line when `lineIsAuto`, else twips.
    var line: Int?
    var lineIsAuto: Bool?

    /// Fills unset fields from `fallback`.
    func inheriting(_ fallback: WordSpacing) -> WordSpacing {
        WordSpacing(before: before ?? fallback.before, after: after ?? fallback.after,
                    line: line ?? fallback.line, lineIsAuto: lineIsAuto ?? fallback.lineIsAuto)
    }
}

/// The properties of a paragraph or a paragraph style that the reader uses; `nil` means inherited.
struct ParagraphProperties: Sendable, Hashable {
    var styleID: String?
    /// `w:outlineLvl`, 0-based; 9 means body text.
    var outlineLevel: Int?
    /// `w:numPr/w:ilvl`, 0-based.
    var listLevel: Int?
    /// `w:numPr/w:numId`; "0" removes numbering.
    var numberingID: String?
    var spacing = WordSpacing()
    /// `w:pageBreakBefore`; `nil` when inherited.
    var pageBreakBefore: Bool?
    /// Font size in half-points (`w:sz`).
    var fontSize: Int?

    /// True when the paragraph is numbered or bulleted.
    var isListItem: Bool { numberingID.map { $0 != "0" } ?? (listLevel != nil) }

    /// Records one property element found inside `w:pPr` or `w:rPr`.
    mutating func apply(_ name: XMLName, attributes: [String: String]) {
        guard name.namespace == .word else { return }
        let value = attributes["val"]
        switch name.local {
        case "pStyle": styleID = value
        case "outlineLvl": outlineLevel = value.flatMap { Int($0) }
        case "ilvl": listLevel = value.flatMap { Int($0) }.map { min(max($0, 0), 8) }
        case "numId": numberingID = value
        case "pageBreakBefore": pageBreakBefore = Self.isOn(value)
        case "sz": fontSize = value.flatMap { Int($0) }.map { min(max($0, 2), 3276) }
        case "spacing": applySpacing(attributes)
        default: break
        }
    }

    /// `w:val` of an on/off property: absent, "1", "true" and "on" mean on.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off"].contains(value)
    }
}

private extension ParagraphProperties {
    mutating func applySpacing(_ attributes: [String: String]) {
        func twips(_ key: String) -> Int? { attributes[key].flatMap { Int($0) }.map { min(max($0, 0), 31_680) } }
        if let before = twips("before") { spacing.before = before }
        if let after = twips("after") { spacing.after = after }
        if Self.isOn(attributes["beforeAutospacing"]), attributes["beforeAutospacing"] != nil { spacing.before = 280 }
        if Self.isOn(attributes["afterAutospacing"]), attributes["afterAutospacing"] != nil { spacing.after = 280 }
        if let line = twips("line") {
            spacing.line = max(line, 1)
            spacing.lineIsAuto = (attributes["lineRule"] ?? "auto") == "auto"
        }
    }
}
