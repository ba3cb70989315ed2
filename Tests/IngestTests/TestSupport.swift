import EventLog
import Foundation
import Store

@testable import Ingest

/// Fixture files beside the tests, and scratch databases in a fresh temporary folder.
struct Scratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `text` to a scratch file and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .appendingPathComponent(name).path
    }

    /// The project's documented default phone-hash key (`PhoneHashKey.defaultKey` in the CLI).
    static let key: UInt64 = 0x5265_706C_794C_6162

    static func options(_ mapping: ImportMapping = ImportMapping()) -> TwilioImporter.Options {
        TwilioImporter.Options(
            phoneHashKey: key,
            configEntries: ["phone_hash_key_source": "default"],
            mapping: mapping,
            toolVersion: "test",
            createdAt: 1_764_374_400_000
        )
    }

    /// Imports into `database` (a scratch file by default).
    func load(
        _ log: String,
        orders: String? = nil,
        mapping: ImportMapping = ImportMapping(),
        database name: String = "log.sqlite"
    ) throws -> (ImportReport, EventBatch) {
        let database = try Database(path: path(name))
        let report = try TwilioImporter.load(
            messageLog: log,
            orders: orders,
            into: database,
            options: Self.options(mapping)
        )
        let reader = try EventLogReader(database: database)
        return (report, try reader.events(ofRun: report.runID))
    }
}

/// Every table's rows (and the schema) as text, in a fixed order: two equal dumps mean an unchanged database.
func dump(_ path: String) throws -> String {
    let database = try Database(path: path, mode: .readOnly)
    var text = ""
    let schema = try database.prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
    while try schema.step() {
        text +=
            "\(try schema.column(0) as String) \(try schema.column(1) as String): \(try schema.column(2) as String)\n"
    }
    text += "user_version \(try database.userVersion())\n"
    for table in EventLogSchema.tables {
        let rows = try database.prepare("SELECT * FROM \(table) ORDER BY 1, 2, 3")
        while try rows.step() {
            var cells: [String] = []
            for column in 0..<rows.columnCount {
                if rows.isNull(at: column) {
                    cells.append("NULL")
                } else {
                    cells.append(try rows.column(column) as String)
                }
            }
            text += "\(table): " + cells.joined(separator: "|") + "\n"
        }
    }
    return text
}
