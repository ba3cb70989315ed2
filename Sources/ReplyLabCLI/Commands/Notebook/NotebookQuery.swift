import Reports
import Store

/// A ```sql block's one query, run on a read-only connection that also refuses to compile anything but reading.
enum NotebookQuery {
    /// The query's result; `shownAs` is the database path as the notebook wrote it, for messages.
    static func run(_ sql: String, at path: String, shownAs: String) throws(NotebookBlockError) -> NotebookTable {
        let database: Database
        do {
            database = try Database(path: path, mode: .readOnly)
        } catch StoreError.noSuchDatabase {
            throw NotebookBlockError(
                "no database at '\(shownAs)'; a replylab block above this one should write it (e.g. replylab "
                    + "simulate … --db \(shownAs)), or pass --db"
            )
        } catch {
            throw NotebookBlockError("cannot read '\(shownAs)': \(ReplyLab.describe(error))")
        }
        database.allowOnlyReading()
        do {
            let statements = try database.prepareEach(sql)
            guard let statement = statements.first else {
                throw NotebookBlockError("the block holds no SQL; write one query, e.g. SELECT count(*) FROM runs")
            }
            guard statements.count == 1 else {
                throw NotebookBlockError(
                    "a sql block holds one query, and this one holds \(statements.count) statements; put each in its "
                        + "own block"
                )
            }
            let columns = (0..<statement.columnCount).map { statement.columnName(at: $0) }
            var rows: [[NotebookTable.Cell]] = []
            while try statement.step() {
                rows.append(
                    try (0..<statement.columnCount).map { index throws(SQLiteError) in
                        switch try statement.column(index, as: SQLiteValue.self) {
                        case .null: .null
                        case .integer(let value): .integer(value)
                        case .real(let value): .real(value)
                        case .text(let value): .text(value)
                        case .blob(let value): .blob(bytes: value.count)
                        }
                    }
                )
            }
            return NotebookTable(columns: columns, rows: rows)
        } catch let error as NotebookBlockError {
            throw error
        } catch let error as SQLiteError {
            if let refused = database.lastRefusal {
                throw refusal("\(refused) is not a query")
            }
            if error.primaryCode == 8 {
                throw refusal("SQLite refused a write: \(error.message)")
            }
            throw NotebookBlockError("SQLite: \(error.message)")
        } catch {
            throw NotebookBlockError(ReplyLab.describe(error))
        }
    }

    private static func refusal(_ what: String) -> NotebookBlockError {
        NotebookBlockError(
            "refused: sql blocks only read the database (\(what)); change data with a replylab block such as "
                + "replylab simulate or replylab import"
        )
    }
}
