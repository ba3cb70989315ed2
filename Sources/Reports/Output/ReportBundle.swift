import Foundation

/// One file of a written report.
public struct ReportFile: Sendable, Hashable {
    /// File name inside the report folder, e.g. "index.html", "results.csv".
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A report as files: the HTML, every CSV twin with its side-car, and `tables.csv` listing them.
///
/// The same document and options give the same files, byte for byte, in the same order.
public enum ReportBundle {
    public static func files(
        _ document: ReportDocument,
        options: ReportOptions = ReportOptions(),
        htmlName: String = "index.html"
    ) -> [ReportFile] {
        var files = [ReportFile(name: htmlName, bytes: Array(HTMLReport.render(document, options: options).utf8))]
        let tables = ReportCSV.tables(document, options: options)
        for table in tables {
            files.append(ReportFile(name: "\(table.name).csv", bytes: table.csvBytes()))
            files.append(ReportFile(name: "\(table.name).columns.csv", bytes: table.sidecarBytes()))
        }
        files.append(ReportFile(name: "tables.csv", bytes: ReportCSV.manifest(tables).csvBytes()))
        return files
    }

    /// Writes the files into `directory` (created if missing) and returns their paths in order.
    @discardableResult
    public static func write(
        _ document: ReportDocument,
        to directory: String,
        options: ReportOptions = ReportOptions(),
        htmlName: String = "index.html"
    ) throws(ReportError) -> [String] {
        try write(files(document, options: options, htmlName: htmlName), to: directory)
    }

    /// Writes `files` into `directory` (created if missing) and returns their paths in order.
    @discardableResult
    public static func write(_ files: [ReportFile], to directory: String) throws(ReportError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: "the folder cannot be created (\(error.localizedDescription))")
        }
        var paths: [String] = []
        for file in files {
            let path = directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
            guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes)) else {
                throw .cannotWrite(path: path, reason: "the file cannot be created")
            }
            paths.append(path)
        }
        return paths
    }
}
