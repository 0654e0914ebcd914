/// Collects `WordStyles` from the events of `word/styles.xml`.
struct WordStylesHandler: XMLEventHandler {
    var styles = WordStyles()
    var failure: WordXMLError?
    private var current: WordStyles.Style?
    private var inDefaults = false
    /// Depth inside a `w:tblStylePr` (conditional table formatting), which is ignored.
    private var skipDepth = 0

    mutating func start(_ name: XMLName, attributes: [String: String]) {
        guard name.namespace == .word else { return }
        if skipDepth > 0 || name.local == "tblStylePr" {
            skipDepth += 1
            return
        }
        switch name.local {
        case "docDefaults": inDefaults = true
        case "style": startStyle(attributes)
        case "name": current?.name = attributes["val"] ?? ""
        case "basedOn": current?.basedOn = attributes["val"]
        default:
            if inDefaults { styles.defaults.apply(name, attributes: attributes) }
            else if name.local != "pStyle" { current?.properties.apply(name, attributes: attributes) }
        }
    }

    mutating func end(_ name: XMLName) {
        guard name.namespace == .word else { return }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        switch name.local {
        case "docDefaults": inDefaults = false
        case "style":
            if let style = current, styles.styles[style.id] == nil { styles.styles[style.id] = style }
            current = nil
        default: break
        }
    }

    mutating func characters(_ text: String) {}
}

private extension WordStylesHandler {
    mutating func startStyle(_ attributes: [String: String]) {
        guard attributes["type"] == "paragraph", let id = attributes["styleId"] else {
            current = nil
            return
        }
        current = WordStyles.Style(id: id)
        if ParagraphProperties.isOn(attributes["default"]), attributes["default"] != nil, styles.defaultStyleID == nil {
            styles.defaultStyleID = id
        }
    }
}
