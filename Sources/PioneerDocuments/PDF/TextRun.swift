/// A piece of text shown by one text operator, positioned in page space.
struct TextRun: Sendable {
    var x: Double
    var y: Double
    /// Where the pen ended: the x after the last glyph.
    var endX: Double
    var fontSize: Double
    var text: String
}
