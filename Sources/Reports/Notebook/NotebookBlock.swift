/// One runnable fenced block of a notebook: ```sql (a query) or ```replylab (one command), with its options.
public struct NotebookBlock: Sendable, Hashable {
    /// The fence languages a notebook runs; every other fence is left alone.
    public enum Language: String, Sendable, Hashable {
        case sql
        case replylab
    }

    /// 1-based position among the document's runnable blocks: "block 3" in messages.
    public let ordinal: Int
    public let language: Language
    /// The fence's info string after the language word: the block's options, e.g. `chart=bar x=variant`.
    public let optionText: String
    /// The lines between the fences, the fence's own indentation removed, joined with "\n".
    public let body: String
    /// 1-based line of the opening fence.
    public let line: Int
    /// Index (0-based) of the closing fence line.
    let closingIndex: Int
    /// Indices of the lines holding the current output: from the line after the closing fence through the end
    /// marker; nil when the block has no output yet.
    let outputIndices: ClosedRange<Int>?

    /// The block's options, read and checked against what its language accepts.
    public func options() throws(NotebookBlockError) -> NotebookOptions {
        try NotebookOptions(parsing: optionText, for: language)
    }
}
