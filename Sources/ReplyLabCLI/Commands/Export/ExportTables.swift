import EventLog
import Foundation
import Reports
import Store

/// `replylab export tables --db FILE --run ID --out DIR`: every event-log table of one run as CSV, plus
/// `schema.sql` (column names and SQL types) and `load.sql` that DuckDB runs to rebuild the tables.
struct ExportTables: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "tables",
            abstract: "Write each event-log table of a run as CSV, with a schema DuckDB can load.",
            discussion: """
                DIR gets one <table>.csv per table (header = column names, RFC 4180, CRLF, UTF-8), schema.sql \
                (CREATE TABLE with BIGINT, DOUBLE and VARCHAR columns) and load.sql (COPY each CSV, then undo the \
                leading ' that neutralised cells starting with = + - @). Run it from DIR: \
                duckdb log.duckdb -c '.read schema.sql' -c '.read load.sql'. Empty text reads back as NULL.
                """,
            options: [
                .option("db", value: "file", help: "The event-log SQLite file."),
                .option("run", value: "id", help: "The run to export (see 'replylab db info FILE')."),
                .option("out", short: "o", value: "dir", help: "The folder to write into (created when missing)."),
            ]
        )
    }

    let database: String
    let runID: Int64
    let out: String

    init(arguments: ParsedArguments) throws {
        database = try arguments.required("db")
        runID = try ExportedRun.runID(arguments)
        guard let out = arguments.value("out") else { throw UsageError("say where to write: --out tables/") }
        self.out = out
    }

    /// One column of a table as SQLite declares it.
    struct Column {
        var name: String
        var sqliteType: String

        /// The DuckDB (and ANSI) type for it.
        var portableType: String {
            switch sqliteType.uppercased() {
            case "INTEGER": "BIGINT"
            case "REAL": "DOUBLE"
            default: "VARCHAR"
            }
        }
    }

    func run(_ console: Console) throws -> Int32 {
        let (database, _) = try ExportedRun.open(database: self.database, runID: runID)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ExportError.notAFolder(path: out)
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var schema =
            "-- Event-log tables of run \(runID) from \(self.database), written by replylab \(ReplyLab.version).\n"
        var load = "-- Run from this folder after schema.sql. Empty CSV fields load as NULL.\n"
        var total = 0
        for table in EventLogSchema.tables {
            let columns = try Self.columns(of: table, in: database)
            schema += "CREATE TABLE \(table) (\n"
            schema += columns.map { "    \"\($0.name)\" \($0.portableType)" }.joined(separator: ",\n")
            schema += "\n);\n"
            load += "COPY \(table) FROM '\(table).csv' (HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"');\n"
            for column in columns where column.portableType == "VARCHAR" {
                let name = "\"\(column.name)\""
                load +=
                    "UPDATE \(table) SET \(name) = substr(\(name), 2) WHERE regexp_matches(\(name), '^''[=+\\-@\\t\\r]');\n"
            }
            total += try write(table, columns: columns, from: database)
        }
        try Self.writeText(schema, to: (out as NSString).appendingPathComponent("schema.sql"))
        try Self.writeText(load, to: (out as NSString).appendingPathComponent("load.sql"))
        console.out(
            "wrote \(EventLogSchema.tables.count) tables of run \(runID) (\(DatabaseInfo.grouped(Int64(total))) rows) "
                + "and schema.sql, load.sql to \(out)"
        )
        return ExitStatus.success
    }

    static func columns(of table: String, in database: Database) throws -> [Column] {
        let info = try database.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")
        try info.bind(table, at: 1)
        var columns: [Column] = []
        while try info.step() { columns.append(Column(name: try info.column(0), sqliteType: try info.column(1))) }
        return columns
    }

    /// Streams one table's rows of the run, in primary-key order.
    private func write(_ table: String, columns: [Column], from database: Database) throws -> Int {
        let path = (out as NSString).appendingPathComponent("\(table).csv")
        let file = try CSVFileWriter(path: path, header: columns.map(\.name))
        let runColumn = table == "runs" ? "id" : "run_id"
        let select = try database.prepare(
            "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table) WHERE \(runColumn) = ? ORDER BY 1, 2, 3"
        )
        try select.bind(runID, at: 1)
        var cells: [CSVCell] = []
        while try select.step() {
            cells.removeAll(keepingCapacity: true)
            for (index, column) in columns.enumerated() {
                let at = Int32(index)
                if select.isNull(at: at) {
                    cells.append(.empty)
                    continue
                }
                switch column.portableType {
                case "BIGINT": cells.append(.integer(try select.column(at)))
                case "DOUBLE": cells.append(.decimal(try select.column(at), places: 12))
                default: cells.append(.text(try select.column(at)))
                }
            }
            try file.writeRow(cells)
        }
        try file.close()
        return file.rowCount
    }

    static func writeText(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw ReportError.cannotWrite(path: path, reason: "the file cannot be created")
        }
    }
}
