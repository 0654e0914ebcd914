/// The syntax tree of one rules file: immutable values, each with its source location.
/// Passes (resolve, format) are `switch`es over these enums in their own files.

/// Comments and spacing around one statement, kept for the formatter.
struct Trivia: Sendable, Hashable {
    /// Comments on their own lines before the statement (and any found inside it).
    var leading: [Comment] = []
    /// A comment after the statement on its last line.
    var trailing: Comment?
    /// True when a blank line precedes the statement.
    var blankLineBefore = false
    /// True when a blank line separates the leading comments from the statement.
    var blankLineAfterComments = false
}

/// A statement inside a block with its comments.
///
/// `Value` is unconstrained and the conformances are conditional: a constraint on the parameter makes
/// the runtime look up `Value: Hashable` (a scan of every conformance record in the binary, about
/// 150 K instructions) the first time each `Node<…>` type's metadata is built in a process.
struct Node<Value> {
    var value: Value
    var location: SourceLocation
    var trivia: Trivia
}

extension Node: Sendable where Value: Sendable {}
extension Node: Equatable where Value: Equatable {}
extension Node: Hashable where Value: Hashable {}

struct Identifier: Sendable, Hashable {
    var name: String
    var location: SourceLocation
    var end: SourceLocation
}

struct StringLiteral: Sendable, Hashable {
    var value: String
    var isMultiline: Bool
    var location: SourceLocation
    var end: SourceLocation
}

struct NumberLiteral: Sendable, Hashable {
    var value: Double
    /// The digits as written.
    var text: String
    var location: SourceLocation
    var end: SourceLocation
}

/// expr := and_expr ("or" and_expr)* ; and_expr := unary ("and" unary)* ; unary := "not" unary | primary
indirect enum Expression: Sendable, Hashable {
    case name(Identifier)
    case phrase(StringLiteral)
    case not(Expression, at: SourceLocation)
    case and([Expression])
    case or([Expression])
    case parenthesized(Expression, at: SourceLocation)
    case any([Expression], at: SourceLocation)
    case all([Expression], at: SourceLocation)
    case countOf(NumberLiteral, [Expression])
    case near(Expression, Expression, NumberLiteral, at: SourceLocation)

    var location: SourceLocation {
        switch self {
        case .name(let identifier): return identifier.location
        case .phrase(let string): return string.location
        case .not(_, let at), .parenthesized(_, let at), .any(_, let at), .all(_, let at), .near(_, _, _, let at):
            return at
        case .and(let operands), .or(let operands):
            return operands.first?.location ?? SourceLocation(file: "", line: 0, column: 0)
        case .countOf(let count, _): return count.location
        }
    }
}

/// clause := "weight" NUMBER | "guidance" STRING | "evidence" expr | "mentions" expr | unit | strong | minimum
///         | "scope" "heading" expr | example
enum Clause: Sendable, Hashable {
    case weight(NumberLiteral)
    case guidance(StringLiteral)
    case evidence(Expression)
    case mentions(Expression)
    case unit(Identifier)
    case strong(Expression)
    case minimum(NumberLiteral)
    case scopeHeading(Expression)
    case example(verdict: Identifier, text: StringLiteral)
}

/// A `consideration` or a `principle`.
struct ConsiderationSyntax: Sendable, Hashable {
    var isPrinciple: Bool
    var id: Identifier
    var title: StringLiteral
    var clauses: [Node<Clause>]
    var endComments: [Comment]
}

/// A member of a `criterion` or `principles` block.
enum GroupMember: Sendable, Hashable {
    case weight(NumberLiteral)
    case consideration(ConsiderationSyntax)
}

struct GroupSyntax: Sendable, Hashable {
    /// Where the `criterion` or `principles` keyword is.
    var location: SourceLocation
    /// Nil for the `principles` group.
    var id: Identifier?
    var title: StringLiteral
    var members: [Node<GroupMember>]
    var endComments: [Comment]
}

struct TermsSyntax: Sendable, Hashable {
    var isSignal: Bool
    var id: Identifier
    var title: StringLiteral?
    var phrases: [Node<StringLiteral>]
    var afterFirst: [Node<StringLiteral>]?
    var afterFirstTrivia: Trivia
    var afterFirstEndComments: [Comment]
    var endComments: [Comment]
}

/// A field of a simple block: keyword plus values.
enum Field: Sendable, Hashable {
    /// `version "1"`, `source "…"`, `message "…"`, `guidance`-like string fields.
    case string(keyword: String, StringLiteral)
    /// `page_limit 10`, `window 4`.
    case number(keyword: String, NumberLiteral)
    /// `over_limit cap not-met`, `requires id`, `over_limit warn`: a keyword and words.
    case words(keyword: String, [Identifier])
    /// `before { "no" "not" }` in a negation block.
    case list(keyword: String, [Node<StringLiteral>], endComments: [Comment])
    /// `"organisation" = "organization"` in a spellings block.
    case equals([StringLiteral])
    /// `met 100` in scoring points.
    case verdictPoints(Identifier, NumberLiteral)
    /// `band meets at 70 criteria_at_least 50`.
    case band(Identifier, at: NumberLiteral?, criteriaAtLeast: NumberLiteral?)
    /// `points { … }` in scoring.
    case points([Node<Field>], endComments: [Comment])
    /// `when missing cap not-met` in a gate.
    case cap(verdict: Identifier, band: Identifier)
    /// A clause in `defaults`.
    case clause(Clause)
}

/// A block such as `document { … }` or `gate id "title" { … }`.
struct BlockSyntax: Sendable, Hashable {
    var keyword: String
    /// Where the keyword is.
    var location: SourceLocation
    var id: Identifier?
    var title: StringLiteral?
    var fields: [Node<Field>]
    var endComments: [Comment]
}

/// item := ruleset | include | document | terms | signal | spellings | negation | defaults
///       | criterion | principles | gate | scoring
enum Item: Sendable, Hashable {
    case include(StringLiteral)
    case terms(TermsSyntax)
    case criterion(GroupSyntax)
    case principles(GroupSyntax)
    /// ruleset, document, spellings, negation, defaults, gate, scoring.
    case block(BlockSyntax)
}

/// One parsed rules file.
struct SourceFileSyntax: Sendable, Hashable {
    var file: String
    var items: [Node<Item>]
    var endComments: [Comment]
}
