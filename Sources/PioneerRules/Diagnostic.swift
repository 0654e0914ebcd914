/// A problem found in a rules file, as a value: what is wrong, where, and how sure we are.
///
/// Rendered like a compiler message by `DiagnosticRenderer`:
/// `rules/criteria.rules:42:17: error: unknown term set 'helthwatch'`.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// A remark attached to a diagnostic, such as `did you mean 'healthwatch'?`.
    public struct Note: Sendable, Hashable {
        public var message: String
        /// Where the note points; `nil` means the diagnostic's own location.
        public var location: SourceLocation?

        public init(message: String, location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem starts; `nil` for problems with no place (such as "too many errors").
    /// A location with line 0 names only a file.
    public var location: SourceLocation?
    /// One past the last character of the offending text, for the `^~~~` range.
    public var end: SourceLocation?
    public var notes: [Note]

    public init(severity: Severity, message: String, location: SourceLocation?, end: SourceLocation? = nil,
                notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.end = end
        self.notes = notes
    }

    /// A diagnostic for one of the language's known problems.
    init(_ problem: RulesProblem, at location: SourceLocation?, end: SourceLocation? = nil, notes: [Note] = []) {
        self.init(severity: problem.severity, message: problem.message, location: location, end: end, notes: notes)
    }

    public var isError: Bool { severity == .error }
}

/// Lets `[Diagnostic]` be the failure of a `Result`, as `RulesFormatter.format` returns.
extension Array: @retroactive Error where Element == Diagnostic {}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error (warnings alone do not stop a rule set).
    public var hasErrors: Bool { contains { $0.isError } }
}

/// Diagnostics collected by one compilation, capped so a hopeless file cannot flood the output.
struct DiagnosticBag: Sendable {
    static let limit = 1_000

    private(set) var items: [Diagnostic] = []
    /// True once the limit was reached: later diagnostics are dropped and passes should stop.
    private(set) var isFull = false

    mutating func add(_ diagnostic: Diagnostic) {
        guard !isFull else { return }
        if items.count >= Self.limit {
            items.append(Diagnostic(.tooManyErrors, at: nil))
            isFull = true
            return
        }
        items.append(diagnostic)
    }

    mutating func add(_ problem: RulesProblem, at location: SourceLocation?, end: SourceLocation? = nil,
                      notes: [Diagnostic.Note] = []) {
        add(Diagnostic(problem, at: location, end: end, notes: notes))
    }

    var hasErrors: Bool { items.hasErrors }
}
