import PioneerDocuments

/// What one worker keeps from one assessment to the next, so that a batch pays once, not once per
/// document, for what does not depend on the document: the description of every distinct word
/// (vocabulary id, rule prefixes, word classes), which a new document mostly shares with the last.
///
/// Assessments made with a workspace are identical to those made without one (word ids never
/// reach an assessment). A workspace holds the words of one assessor's rules: used with another
/// assessor it starts afresh, and so it does after `maximumWords` distinct words, which bounds its
/// memory (about 64 bytes a word) whatever the documents. Not shared between threads: one per worker.
public struct AssessmentWorkspace: Sendable {
    var words: WordTable?
    var owner: Assessor.Identity?

    /// Distinct words a workspace keeps before it starts afresh.
    static let maximumWords = 1 << 18

    public init() {}
}

extension Assessor {
    /// The identity of an assessor and its copies, for `AssessmentWorkspace`.
    final class Identity: Sendable {}

    /// `assess(document, detail:)`, keeping word descriptions in `workspace` for the next document.
    public func assess(_ document: Document, reusing workspace: inout AssessmentWorkspace, detail: AssessmentDetail = .report) -> Assessment {
        var words = workspace.owner === identity ? workspace.words.take() ?? WordTable() : WordTable()
        if words.count > AssessmentWorkspace.maximumWords { words = WordTable() }
        workspace.words = nil
        let (assessment, used) = assess(document, words: consume words, detail: detail)
        workspace.words = used
        workspace.owner = identity
        return assessment
    }
}
