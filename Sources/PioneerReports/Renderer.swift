import PioneerAssessment
import PioneerRules

/// What a renderer may depend on besides the report itself.
public struct RenderContext: Sendable {
    /// ANSI colour (the CLI decides: a terminal, and `NO_COLOR` unset).
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }
}

/// Renders one assessed document (`pioneer check`).
public protocol AssessmentRenderer: Sendable {
    static var identifier: String { get }
    init()
    func render(_ assessment: Assessment, context: RenderContext) -> String
    /// `render`'s text as UTF-8 bytes, which is what the CLI writes out. A renderer that builds bytes
    /// (JSON) returns them as they are, without making a `String` and checking its UTF-8 again.
    func renderUTF8(_ assessment: Assessment, context: RenderContext) -> [UInt8]
}

extension AssessmentRenderer {
    public func renderUTF8(_ assessment: Assessment, context: RenderContext) -> [UInt8] {
        Array(render(assessment, context: context).utf8)
    }
}

/// Renders a ranked batch (`pioneer batch`).
public protocol BatchRenderer: Sendable {
    static var identifier: String { get }
    /// How much of each assessment the renderer shows, so that a batch writes out no more than that.
    static var detail: AssessmentDetail { get }
    init()
    func render(_ report: BatchReport, context: RenderContext) -> String
    /// `render`'s text as UTF-8 bytes (see `AssessmentRenderer.renderUTF8`).
    func renderUTF8(_ report: BatchReport, context: RenderContext) -> [UInt8]
}

extension BatchRenderer {
    public func renderUTF8(_ report: BatchReport, context: RenderContext) -> [UInt8] {
        Array(render(report, context: context).utf8)
    }

    /// A ranking table shows scores, bands and flags, never reasons or evidence.
    public static var detail: AssessmentDetail { .ranking }
}

/// Every renderer, in one place: the CLI's `--format` values come from here.
public enum Renderers {
    public static let assessment: [any AssessmentRenderer.Type] = [TextReportRenderer.self, MarkdownReportRenderer.self, JSONReportRenderer.self]
    public static let batch: [any BatchRenderer.Type] = [TableBatchRenderer.self, CSVBatchRenderer.self, JSONBatchRenderer.self,
                                                        MarkdownBatchRenderer.self, HTMLBatchRenderer.self]

    public static func assessment(named name: String) -> (any AssessmentRenderer.Type)? {
        assessment.first { $0.identifier == name }
    }

    public static func batch(named name: String) -> (any BatchRenderer.Type)? {
        batch.first { $0.identifier == name }
    }
}

/// ANSI styling that is a no-op when colour is off.
struct Style {
    var enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    func verdict(_ verdict: Verdict, _ text: String) -> String {
        switch verdict {
        case .met: return green(text)
        case .partial: return yellow(text)
        case .missing: return red(text)
        }
    }

    func band(_ band: Band, _ text: String) -> String {
        switch band {
        case .meets: return green(text)
        case .siftIn: return yellow(text)
        case .notMet: return red(text)
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
