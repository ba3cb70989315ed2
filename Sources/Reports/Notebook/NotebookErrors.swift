/// A notebook whose structure cannot be run safely (an unclosed block, an output marker without its end): the
/// whole file is refused, with the line to fix, so nothing the author wrote is overwritten by guesswork.
public struct NotebookSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the problem.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// One block that cannot run as written (unknown option, refused command, chart columns that do not exist): the
/// message is written in place of the block's output, and the other blocks still run.
public struct NotebookBlockError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
