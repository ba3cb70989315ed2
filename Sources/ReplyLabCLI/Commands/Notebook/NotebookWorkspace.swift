import Foundation

/// Where a notebook run's files really go.
///
/// A normal run uses every path as written. Under `--check`, every database and every written path goes into a
/// scratch folder instead, a database copied there on first use when it already exists, so a check needs nothing
/// made beforehand, leaves nothing behind and writes nothing beside the notebook. What commands print is rewritten
/// back to the paths as written (and the current directory's absolute path to a relative one), so a run and a
/// check print the same bytes on any machine.
final class NotebookWorkspace {
    private let scratch: URL?
    /// Standardised path as written → where it really lives.
    private var locations: [String: String] = [:]
    /// Real location → the path as written, for rewriting output.
    private var spellings: [(real: String, written: String)] = []
    private let currentDirectory = FileManager.default.currentDirectoryPath

    init(check: Bool) throws {
        guard check else {
            scratch = nil
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replylab-notebook-\(UUID().uuidString)",
            isDirectory: true
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        scratch = folder
    }

    deinit {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Where the database written as `path` lives; under `--check` a scratch copy of it (made when `copying` and
    /// the file exists), the same copy for every later block.
    func database(_ path: String, copying: Bool = true) throws -> String {
        try locate(path) { real in
            guard copying, FileManager.default.fileExists(atPath: path) else { return }
            try FileManager.default.copyItem(atPath: path, toPath: real)
            if FileManager.default.fileExists(atPath: path + "-wal") {
                try FileManager.default.copyItem(atPath: path + "-wal", toPath: real + "-wal")
            }
        }
    }

    /// Where a file or folder a command writes, written as `path`, goes.
    func writtenPath(_ path: String) throws -> String {
        try locate(path) { _ in }
    }

    /// Deletes a database and its side files (`-wal`, `-shm`, `-journal`) at its real location.
    func removeDatabase(at real: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: real + suffix) {
            try FileManager.default.removeItem(atPath: real + suffix)
        }
    }

    /// `text` with scratch locations spelled as written and the current directory's absolute prefix dropped.
    func normalise(_ text: String) -> String {
        var result = text
        for spelling in spellings.sorted(by: { $0.real.count > $1.real.count }) {
            result = result.replacingOccurrences(of: spelling.real, with: spelling.written)
        }
        if currentDirectory.count > 1 {
            result = result.replacingOccurrences(of: currentDirectory + "/", with: "")
        }
        return result
    }

    private func locate(_ path: String, prepare: (String) throws -> Void) throws -> String {
        guard let scratch else { return path }
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = locations[key] { return real }
        let folder = scratch.appendingPathComponent(String(locations.count + 1), isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let real = folder.appendingPathComponent(name.isEmpty ? "file" : name).path
        try prepare(real)
        locations[key] = real
        spellings.append((real, path))
        let resolved = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
        if resolved != real { spellings.append((resolved, path)) }
        return real
    }
}
