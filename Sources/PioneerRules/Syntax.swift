/// The syntax tree of one rules file: immutable values, each with its source location.
/// Passes (resolve, format) are `switch`es over these enums in their own files.

/// Comments and spacing around one statement, kept for the formatter.
public struct Trivia: Sendable, Hashable {
    /// Comments on their own lines before the statement (and any found inside it).
    public var leading: [Comment] = []
    /// A comment after the statement on its last line.
    public var trailing: Comment?
    /// True when a blank line precedes the statement.
    public var blankLineBefore = false
    /// True when a blank line separates the leading comments from the statement.
    public var blankLineAfterComments = false
}

/// A statement inside a block with its comments.
public struct Node<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
    public var trivia: Trivia
}

public struct Identifier: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    public var end: SourceLocation
}

public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var isMultiline: Bool
    public var location: SourceLocation
    public var end: SourceLocation
}

public struct NumberLiteral: Sendable, Hashable {
    public var value: Double
    /// The digits as written.
    public var text: String
    public var location: SourceLocation
    public var end: SourceLocation
}

/// expr := and_expr ("or" and_expr)* ; and_expr := unary ("and" unary)* ; unary := "not" unary | primary
public indirect enum Expression: Sendable, Hashable {
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

    public var location: SourceLocation {
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

/// clause := "weight" NUMBER | "guidance" STRING | "evidence" expr | unit | strong | minimum
///         | "scope" "heading" expr | example
public enum Clause: Sendable, Hashable {
    case weight(NumberLiteral)
    case guidance(StringLiteral)
    case evidence(Expression)
    case unit(Identifier)
    case strong(Expression)
    case minimum(NumberLiteral)
    case scopeHeading(Expression)
    case example(verdict: Identifier, text: StringLiteral)
}

/// A `consideration` or a `principle`.
public struct ConsiderationSyntax: Sendable, Hashable {
    public var isPrinciple: Bool
    public var id: Identifier
    public var title: StringLiteral
    public var clauses: [Node<Clause>]
    public var endComments: [Comment]
}

/// A member of a `criterion` or `principles` block.
public enum GroupMember: Sendable, Hashable {
    case weight(NumberLiteral)
    case consideration(ConsiderationSyntax)
}

public struct GroupSyntax: Sendable, Hashable {
    /// Where the `criterion` or `principles` keyword is.
    public var location: SourceLocation
    /// Nil for the `principles` group.
    public var id: Identifier?
    public var title: StringLiteral
    public var members: [Node<GroupMember>]
    public var endComments: [Comment]
}

public struct TermsSyntax: Sendable, Hashable {
    public var isSignal: Bool
    public var id: Identifier
    public var title: StringLiteral?
    public var phrases: [Node<StringLiteral>]
    public var afterFirst: [Node<StringLiteral>]?
    public var afterFirstTrivia: Trivia
    public var afterFirstEndComments: [Comment]
    public var endComments: [Comment]
}

/// A field of a simple block: keyword plus values.
public enum Field: Sendable, Hashable {
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
public struct BlockSyntax: Sendable, Hashable {
    public var keyword: String
    /// Where the keyword is.
    public var location: SourceLocation
    public var id: Identifier?
    public var title: StringLiteral?
    public var fields: [Node<Field>]
    public var endComments: [Comment]
}

/// item := ruleset | include | document | terms | signal | spellings | negation | defaults
///       | criterion | principles | gate | scoring
public enum Item: Sendable, Hashable {
    case include(StringLiteral)
    case terms(TermsSyntax)
    case criterion(GroupSyntax)
    case principles(GroupSyntax)
    /// ruleset, document, spellings, negation, defaults, gate, scoring.
    case block(BlockSyntax)
}

/// One parsed rules file.
public struct SourceFileSyntax: Sendable, Hashable {
    public var file: String
    public var items: [Node<Item>]
    public var endComments: [Comment]
}
