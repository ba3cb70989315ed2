import Foundation

/// The terminal a command talks to: standard output, standard error and standard input.
///
/// Commands never call `print` directly, so tests run them in-process and read what they wrote.
public final class Console {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    private let readInput: () -> String?
    private var capturedOut = ""
    private var capturedErr = ""
    private var pendingInput: [Substring] = []
    private let isCaptured: Bool

    private init(
        captured: Bool,
        input: String = "",
        writeOut: @escaping (String) -> Void = { _ in },
        writeErr: @escaping (String) -> Void = { _ in },
        readInput: @escaping () -> String? = { nil }
    ) {
        self.isCaptured = captured
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readInput = readInput
        self.pendingInput = input.split(separator: "\n", omittingEmptySubsequences: false)
        if input.hasSuffix("\n") { pendingInput.removeLast() }
        if input.isEmpty { pendingInput = [] }
    }

    /// The process's own standard streams.
    public static func standard() -> Console {
        Console(
            captured: false,
            writeOut: { text in print(text, terminator: "") },
            writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) },
            readInput: { Swift.readLine(strippingNewline: true) }
        )
    }

    /// An in-memory console for tests: `input` is served line by line; read back `output` and `errors`.
    public static func captured(input: String = "") -> Console {
        Console(captured: true, input: input)
    }

    /// Everything written to standard output so far (captured consoles only).
    public var output: String { capturedOut }
    /// Everything written to standard error so far (captured consoles only).
    public var errors: String { capturedErr }

    /// Writes `text` and a newline to standard output.
    public func out(_ text: String = "") { write(text + "\n") }

    /// Writes `text` as is to standard output.
    public func write(_ text: String) {
        if isCaptured { capturedOut += text } else { writeOut(text) }
    }

    /// Writes `text` and a newline to standard error.
    public func err(_ text: String) {
        if isCaptured { capturedErr += text + "\n" } else { writeErr(text + "\n") }
    }

    /// Reads one line of standard input without its newline; nil at end of input.
    public func readLine() -> String? {
        if isCaptured {
            return pendingInput.isEmpty ? nil : String(pendingInput.removeFirst())
        }
        return readInput()
    }
}
