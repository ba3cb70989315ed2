import Foundation

/// A `CSVWriter` that streams to a file in chunks of about 1 MB, so a million-row export keeps memory flat.
///
/// ```swift
/// let file = try CSVFileWriter(path: "out/messages.csv", header: ["sid", "body"])
/// try file.writeRow([.text("SM…"), .text(body)])
/// try file.close()
/// ```
public final class CSVFileWriter {
    /// The path being written.
    public let path: String
    private var csv: CSVWriter
    private let handle: FileHandle
    private let chunkSize: Int
    private var isClosed = false

    /// Creates (or truncates) `path` and writes the header row.
    public init(
        path: String,
        header: [String],
        lineEnding: CSVWriter.LineEnding = .crlf,
        chunkSize: Int = 1 << 20
    ) throws(ReportError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .cannotWrite(path: path, reason: "the file cannot be created (does the folder exist?)") }
        self.path = path
        self.handle = handle
        self.chunkSize = chunkSize
        csv = CSVWriter(header: header, lineEnding: lineEnding, reservingCapacity: chunkSize + 4_096)
    }

    deinit { try? handle.close() }

    /// Data rows written so far.
    public var rowCount: Int { csv.rowCount }

    /// Writes one row; flushes to disk whenever a chunk has filled.
    public func writeRow(_ cells: [CSVCell]) throws(ReportError) {
        csv.writeRow(cells)
        if csv.pendingByteCount >= chunkSize { try flush() }
    }

    /// Writes what is buffered and closes the file; later calls do nothing.
    public func close() throws(ReportError) {
        guard !isClosed else { return }
        try flush()
        isClosed = true
        do { try handle.close() } catch { throw .cannotWrite(path: path, reason: error.localizedDescription) }
    }

    private func flush() throws(ReportError) {
        let chunk = csv.takeBytes()
        guard !chunk.isEmpty else { return }
        do { try handle.write(contentsOf: chunk) } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
