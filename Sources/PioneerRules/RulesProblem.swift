/// Every problem the rules language reports; all message text is produced in one `switch`.
enum RulesProblem: Error, Sendable, Hashable {
    // Files and includes.
    case cannotRead(path: String, reason: String)
    case fileTooLarge(path: String, bytes: Int)
    case includeCycle([String])
    case tooManyFiles
    // Lexical.
    case unexpectedCharacter(String)
    /// A no-break space, control or format character, shown as `U+00A0`.
    case invisibleCharacter(String)
    case unterminatedString
    case unterminatedMultilineString
    case multilineStringOpening
    case insufficientIndentation
    case invalidEscape(String)
    // Syntax.
    case expected(String, after: String?, found: String)
    case expectedDeclaration(found: String)
    case unexpectedInBlock(String, context: String)
    case unclosedBlock(String)
    case expectedOpenBrace(String, found: String)
    case nestedTooDeeply
    case nearShape
    case tooManyErrors
    // Names and structure.
    case unknownTermSet(String)
    case builtinRedeclared(String)
    case duplicate(kind: String, id: String)
    case duplicateBlock(String)
    case duplicateClause(String, context: String)
    case missingRuleset
    case missingDocument
    case missingPageLimit
    case missingEvidence(String)
    case considerationPrefix(id: String, prefix: String)
    case unknownConsideration(String)
    case gateWithoutRequires(String)
    case unknownWord(kind: String, word: String, expected: String)
    // Numbers.
    case notPositive(String)
    case negative(String)
    case notWhole(String, value: String)
    case outOfRange(String, value: String, range: String)
    case countOfRange(count: String, operands: Int)
    case nearOperand
    case thresholdsNotDecreasing(band: String)
    case bandNeedsThreshold(String)
    case notMetLast
    case missingNotMet
    // Phrases.
    case emptyPhrase(String)
    case phraseTooLong(String)
    case tooManyVariants(String)
    case emptySpelling
    case spellingDeclaredTwice(String)
    // Warnings.
    case unusedTermSet(kind: String, id: String)
    case repeatedPhrase(String, set: String)
    case phraseInOtherSet(String, set: String, other: String)
    case noExamples(kind: String, id: String)
    case noGuidance(String)

    var severity: Diagnostic.Severity {
        switch self {
        case .unusedTermSet, .repeatedPhrase, .phraseInOtherSet, .noExamples, .noGuidance: return .warning
        default: return .error
        }
    }

    var message: String {
        switch self {
        case .cannotRead(let path, let reason): return "cannot read '\(path)': \(reason)"
        case .fileTooLarge(let path, let bytes): return "file '\(path)' is too large (\(bytes) bytes; the limit is 4 MiB)"
        case .includeCycle(let chain): return "include cycle: " + chain.map { "'\($0)'" }.joined(separator: " includes ")
        case .tooManyFiles: return "too many included files (the limit is 64)"
        case .unexpectedCharacter(let text): return "unexpected character '\(text)'"
        case .invisibleCharacter(let codePoint): return "unexpected character \(codePoint)"
        case .unterminatedString: return "unterminated string"
        case .unterminatedMultilineString: return "unterminated multi-line string"
        case .multilineStringOpening: return "a multi-line string must start on the line after '\"\"\"'"
        case .insufficientIndentation: return "line is indented less than the closing '\"\"\"' of its multi-line string"
        case .invalidEscape(let text): return "invalid escape sequence '\(text)'"
        case .expected(let what, let after, let found):
            return "expected \(what)" + (after.map { " after '\($0)'" } ?? "") + " but found \(found)"
        case .expectedDeclaration(let found): return "expected a declaration but found \(found)"
        case .unexpectedInBlock(let found, let context): return "unexpected \(found) in \(context)"
        case .unclosedBlock(let context): return "expected '}' to close \(context)"
        case .expectedOpenBrace(let context, let found): return "expected '{' to open \(context) but found \(found)"
        case .nestedTooDeeply: return "nested too deeply (the limit is 64 levels)"
        case .nearShape: return "'near' needs two operands and a distance: near(a, b, 5)"
        case .tooManyErrors: return "too many errors; stopping"
        case .unknownTermSet(let name): return "unknown term set '\(name)'"
        case .builtinRedeclared(let name): return "'\(name)' is a built-in signal and cannot be declared"
        case .duplicate(let kind, let id): return "duplicate \(kind) '\(id)'"
        case .duplicateBlock(let keyword): return "duplicate '\(keyword)' block"
        case .duplicateClause(let clause, let context): return "duplicate '\(clause)' in \(context)"
        case .missingRuleset: return "missing 'ruleset' header"
        case .missingDocument: return "missing 'document' block with 'page_limit'"
        case .missingPageLimit: return "'document' block has no 'page_limit'"
        case .missingEvidence(let context): return "\(context) has no 'evidence'"
        case .considerationPrefix(let id, let prefix): return "id '\(id)' must start with '\(prefix).'"
        case .unknownConsideration(let id): return "unknown consideration '\(id)'"
        case .gateWithoutRequires(let id): return "gate '\(id)' has no 'requires'"
        case .unknownWord(let kind, let word, let expected): return "unknown \(kind) '\(word)'; expected \(expected)"
        case .notPositive(let what): return "\(what) must be greater than 0"
        case .negative(let what): return "\(what) must not be negative"
        case .notWhole(let what, let value): return "\(what) must be a whole number, not '\(value)'"
        case .outOfRange(let what, let value, let range): return "\(what) '\(value)' is out of range (\(range))"
        case .countOfRange(let count, let operands):
            return "'\(count) of' needs a count from 1 to \(operands), the number of operands"
        case .nearOperand: return "operands of 'near' must be term sets, phrases, signals or 'any' of those"
        case .thresholdsNotDecreasing(let band): return "threshold of band '\(band)' must be lower than the band before it"
        case .bandNeedsThreshold(let band): return "band '\(band)' needs a threshold ('at N')"
        case .notMetLast: return "band 'not-met' must be the last band"
        case .missingNotMet: return "scoring needs a last catch-all band 'not-met'"
        case .emptyPhrase(let text): return "phrase '\(text)' has no words"
        case .phraseTooLong(let text): return "phrase '\(text.prefix(40))…' has more than 200 words"
        case .tooManyVariants(let text): return "phrase '\(text)' has more than 64 spelling variants"
        case .emptySpelling: return "spelling has no words"
        case .spellingDeclaredTwice(let text): return "spelling '\(text)' is declared in two spellings lines"
        case .unusedTermSet(let kind, let id): return "\(kind) '\(id)' is never used"
        case .repeatedPhrase(let text, let set): return "phrase '\(text)' is repeated in '\(set)'"
        case .phraseInOtherSet(let text, let set, let other): return "phrase '\(text)' in '\(set)' is also in '\(other)'"
        case .noExamples(let kind, let id): return "\(kind) '\(id)' has no examples"
        case .noGuidance(let id): return "consideration '\(id)' has no 'guidance'"
        }
    }
}
