/// Approximate advance widths for fonts without /Widths (the standard 14 fonts), in 1/1000 em.
/// Close enough to place word gaps; exact metrics are not needed for text extraction.
enum StandardWidths {
    enum Family { case courier, helvetica, times }

    static func family(of fontName: String) -> Family {
        if fontName.contains("Courier") { return .courier }
        return fontName.contains("Helvetica") || fontName.contains("Arial") ? .helvetica : .times
    }

    static func width(family: Family, text: String) -> Double {
        if family == .courier { return 600 }
        guard let scalar = text.unicodeScalars.first else { return 500 }
        let helvetica = family == .helvetica
        switch scalar {
        case " ": return 250 + (helvetica ? 28 : 0)
        case "i", "j", "l", "I", ".", ",", ":", ";", "!", "|", "'": return 278
        case "f", "t", "r", "(", ")", "[", "]", "-", "/": return 333
        case "m", "M", "W": return helvetica ? 833 : 889
        case "w": return 722
        case "A"..."Z": return helvetica ? 667 : 667
        case "0"..."9": return 556
        default: return helvetica ? 556 : 500
        }
    }
}
