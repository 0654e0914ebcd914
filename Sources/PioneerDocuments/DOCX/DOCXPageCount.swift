/// Decides a .docx's page count from three witnesses: `docProps/app.xml` `<Pages>` (what the editor last
/// saved, often a stale template value when another tool wrote the file), the rendered page breaks Word
/// recorded, and the layout estimate.
///
/// app.xml is taken when it agrees with the estimate (|app − estimate| ≤ max(1, 0.35 × estimate)) or exactly
/// with the rendered breaks; it is reported with `exact: false`, because nothing in the file can prove it.
/// Otherwise the estimate is used, with a `stale-app-xml` warning when app.xml said something else.
struct DOCXPageCount: Sendable, Hashable {
    var count: PageCount
    var warning: DocumentWarning?

    /// Largest relative disagreement with the estimate at which app.xml is still believed.
    static let tolerance = 0.35

    init(appPages: Int?, estimate: Double, renderedPages: Int?) {
        let estimate = (estimate * 100).rounded(.up) / 100
        if let app = appPages, app > 0, Self.plausible(app, estimate: estimate) || app == renderedPages {
            count = PageCount(value: Double(app), exact: false, source: .docxAppProperties)
            warning = nil
            return
        }
        count = PageCount(value: estimate, exact: false, source: .docxLayoutEstimate)
        if let app = appPages {
            let shown = estimate.formatted1
            warning = DocumentWarning(code: "stale-app-xml",
                                      message: "app.xml says \(app) page\(app == 1 ? "" : "s"); the content fills about \(shown)")
        }
    }

    static func plausible(_ app: Int, estimate: Double) -> Bool {
        abs(Double(app) - estimate) <= max(1, tolerance * estimate)
    }
}

private extension Double {
    /// One decimal place, without Foundation formatting.
    var formatted1: String {
        let tenths = Int((self * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
