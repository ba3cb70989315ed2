/// The event-log schema and its migrations, keyed by `PRAGMA user_version`.
///
/// Version N of the schema is the result of running migrations 1…N in order, each in one transaction that
/// also sets `user_version`. Opening an up-to-date file changes nothing; a file from a newer ReplyLab is
/// refused rather than misread.
///
/// Keys: every table carries `run_id`. Per-run ids (customer, message, conversation, …) are numbered by the
/// producer, so a shard or an import never needs the database to hand out ids. Every event row references its
/// run and customer; links between events (message → conversation, hand-off → conversation, order → message)
/// are plain columns, because producers close those records in a different order than they open them.
///
/// Messages are the big table (10^6 rows per run is normal). It is clustered on `(run_id, message_id)`
/// (`WITHOUT ROWID`): one b-tree, appended in key order, a run's messages contiguous, and orders can name a
/// message by its per-run id. The secondary indexes analytics reads by (customer, time) are listed in
/// `analyticsIndexes`, so a bulk load can build them after the rows are in (see `EventLogWriter`).
public enum EventLogSchema {
    /// The version this build writes and understands.
    public static var currentVersion: Int64 { Int64(migrations.count) }

    /// Every table, in the order foreign keys need them created and filled.
    public static let tables = [
        "runs", "variants", "customers", "assignments", "carts", "agent_shifts", "conversations", "messages",
        "handoffs", "orders", "consent_events", "suppressions", "quarantine",
    ]

    /// Secondary indexes for analytics: per run, by customer and time. Kept apart from the tables so a bulk
    /// load can drop them and build each once at the end, which costs far less than maintaining them per row.
    ///
    /// Only indexes a query of ours reads (`EXPLAIN QUERY PLAN` of every `analyze`, `audit` and `export` query):
    /// customers by segment and assignments by variant were built by every load (0.76 s at 10^6 customers)
    /// and read by none, since analysis groups whole runs; logs made before keep them.
    public static let analyticsIndexes: [(name: String, sql: String)] = [
        (
            "conversations_by_customer",
            "CREATE INDEX IF NOT EXISTS conversations_by_customer ON conversations (run_id, customer_id, started_at)"
        ),
        // Covers every column the per-customer reductions read, so analysis walks a customer's messages in time
        // order without touching the wide rows (bodies); schema v3 widened it from (run_id, customer_id, at).
        (
            "messages_by_customer",
            """
            CREATE INDEX IF NOT EXISTS messages_by_customer ON messages (run_id, customer_id, at, direction, kind, \
            status, category, cost_microdollars, segments, conversation_id, flow_node)
            """
        ),
        (
            "handoffs_by_customer",
            "CREATE INDEX IF NOT EXISTS handoffs_by_customer ON handoffs (run_id, customer_id, queued_at)"
        ),
        ("orders_by_customer", "CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (run_id, customer_id, at)"),
        (
            "consent_events_by_customer",
            "CREATE INDEX IF NOT EXISTS consent_events_by_customer ON consent_events (run_id, customer_id, at)"
        ),
        (
            "suppressions_by_customer",
            "CREATE INDEX IF NOT EXISTS suppressions_by_customer ON suppressions (run_id, customer_id, at)"
        ),
        ("carts_by_customer", "CREATE INDEX IF NOT EXISTS carts_by_customer ON carts (run_id, customer_id)"),
    ]

    /// Messages by Sid, for an import's check that an earlier import already holds a row. Only imports look Sids
    /// up, and only once an earlier import exists, so the importer builds it then (`CREATE … IF NOT EXISTS`
    /// inside its transaction) instead of every load paying for it: at 10^6 customers it was 1.05 s of a
    /// simulation's 3 s of index building (random 34-character keys to sort). Logs made before keep theirs.
    public static let sidIndex = (
        name: "messages_by_external_id",
        sql: """
        CREATE INDEX IF NOT EXISTS messages_by_external_id ON messages (external_id) \
        WHERE external_id IS NOT NULL
        """
    )

    /// Migration `i` takes the schema from version `i` to `i + 1`.
    static let migrations: [String] = [version1, version2, version3, version4]

    /// The first schema: every table of DESIGN.md's event log.
    static let version1 = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('simulation', 'import', 'population')),
            source TEXT NOT NULL,
            seed INTEGER,
            config_json TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE variants (
            run_id INTEGER NOT NULL REFERENCES runs (id),
            variant_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            flow TEXT NOT NULL,
            share REAL NOT NULL CHECK (share >= 0 AND share <= 1),
            is_holdout INTEGER NOT NULL CHECK (is_holdout IN (0, 1)),
            PRIMARY KEY (run_id, variant_id)
        );
        CREATE TABLE customers (
            run_id INTEGER NOT NULL REFERENCES runs (id),
            customer_id INTEGER NOT NULL,
            masked_phone TEXT NOT NULL,
            phone_hash INTEGER NOT NULL,
            time_zone TEXT NOT NULL,
            state TEXT NOT NULL,
            segment TEXT NOT NULL,
            attributes_json TEXT NOT NULL,
            PRIMARY KEY (run_id, customer_id)
        );
        CREATE TABLE assignments (
            run_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            variant_id INTEGER NOT NULL,
            PRIMARY KEY (run_id, customer_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id),
            FOREIGN KEY (run_id, variant_id) REFERENCES variants (run_id, variant_id)
        );
        CREATE TABLE conversations (
            run_id INTEGER NOT NULL,
            conversation_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            flow TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            outcome TEXT,
            path TEXT NOT NULL,
            PRIMARY KEY (run_id, conversation_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        CREATE TABLE messages (
            run_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            conversation_id INTEGER,
            direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
            kind TEXT NOT NULL CHECK (kind IN ('campaign', 'auto', 'agent', 'compliance', 'customer')),
            at INTEGER NOT NULL,
            body TEXT NOT NULL,
            segments INTEGER NOT NULL,
            encoding TEXT NOT NULL,
            status TEXT NOT NULL,
            cost_microdollars INTEGER NOT NULL,
            flow_node TEXT,
            PRIMARY KEY (run_id, message_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        ) WITHOUT ROWID;
        CREATE TABLE handoffs (
            run_id INTEGER NOT NULL,
            handoff_id INTEGER NOT NULL,
            conversation_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            queue TEXT NOT NULL,
            queued_at INTEGER NOT NULL,
            picked_up_at INTEGER,
            closed_at INTEGER,
            resolution TEXT NOT NULL CHECK (resolution IN ('resolved', 'abandoned', 'open')),
            agent_id INTEGER,
            PRIMARY KEY (run_id, handoff_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        CREATE TABLE orders (
            run_id INTEGER NOT NULL,
            order_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            value_cents INTEGER NOT NULL,
            cart_id TEXT,
            attributed_message_id INTEGER,
            PRIMARY KEY (run_id, order_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        CREATE TABLE consent_events (
            run_id INTEGER NOT NULL,
            event_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('opt_in', 'opt_out', 'help')),
            keyword TEXT,
            source TEXT NOT NULL,
            PRIMARY KEY (run_id, event_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        CREATE TABLE suppressions (
            run_id INTEGER NOT NULL,
            suppression_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('quiet_hours', 'no_consent', 'opted_out', 'frequency_cap')),
            deferred_until INTEGER,
            subject TEXT NOT NULL,
            PRIMARY KEY (run_id, suppression_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        CREATE TABLE quarantine (
            run_id INTEGER NOT NULL REFERENCES runs (id),
            line INTEGER NOT NULL,
            reason TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            PRIMARY KEY (run_id, line)
        );
        """

    /// The second schema: what the simulator and the importer need to record and the audit to judge.
    ///
    /// - messages: why a text was sent (`purpose`), its cap `subject`, the sending number, the carrier's id
    ///   (Twilio Sid) and error code, and for replies the drawn `intent` and the `category` they were routed to;
    /// - runs: the imported file's SHA-256; customers: a fictional number in full; assignments: when the
    ///   customer entered the experiment; orders: the shop's order id;
    /// - consent events: review holds and releases, and an opt-out's scope; suppressions: every gate cause and
    ///   the rule that applied; quarantine: the source file, so two files in one run keep their own lines
    ///   (these three tables are rebuilt, since SQLite cannot alter a CHECK or a primary key in place);
    /// - new tables `carts` (the recovery rate's denominator) and `agent_shifts` (utilisation's).
    ///
    /// Every v1 row is kept; the new columns read NULL for it.
    static let version2 = """
        ALTER TABLE runs ADD COLUMN source_sha256 TEXT;
        ALTER TABLE customers ADD COLUMN fictional_phone TEXT;
        ALTER TABLE assignments ADD COLUMN assigned_at INTEGER;
        ALTER TABLE messages ADD COLUMN purpose TEXT
            CHECK (purpose IN ('marketing', 'transactional', 'compliance'));
        ALTER TABLE messages ADD COLUMN subject TEXT;
        ALTER TABLE messages ADD COLUMN business_number TEXT;
        ALTER TABLE messages ADD COLUMN external_id TEXT;
        ALTER TABLE messages ADD COLUMN error_code INTEGER;
        ALTER TABLE messages ADD COLUMN intent TEXT;
        ALTER TABLE messages ADD COLUMN category TEXT;
        ALTER TABLE orders ADD COLUMN external_id TEXT;
        CREATE TABLE carts (
            run_id INTEGER NOT NULL,
            cart_id TEXT NOT NULL,
            customer_id INTEGER NOT NULL,
            abandoned_at INTEGER NOT NULL,
            value_cents INTEGER NOT NULL,
            PRIMARY KEY (run_id, cart_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        CREATE TABLE agent_shifts (
            run_id INTEGER NOT NULL REFERENCES runs (id),
            agent_id INTEGER NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
            CHECK (ends_at >= starts_at),
            PRIMARY KEY (run_id, agent_id, starts_at)
        );
        CREATE TABLE consent_events_v2 (
            run_id INTEGER NOT NULL,
            event_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('opt_in', 'opt_out', 'help', 'review_hold', 'review_released')),
            keyword TEXT,
            source TEXT NOT NULL,
            scope TEXT CHECK (scope IN ('marketing', 'all')),
            PRIMARY KEY (run_id, event_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        INSERT INTO consent_events_v2 (run_id, event_id, customer_id, at, kind, keyword, source)
            SELECT run_id, event_id, customer_id, at, kind, keyword, source FROM consent_events;
        DROP TABLE consent_events;
        ALTER TABLE consent_events_v2 RENAME TO consent_events;
        CREATE TABLE suppressions_v2 (
            run_id INTEGER NOT NULL,
            suppression_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN (
                'quiet_hours', 'holiday', 'frequency_cap', 'no_consent', 'opted_out', 'review_hold', 'no_phone',
                'template_gap'
            )),
            deferred_until INTEGER,
            subject TEXT NOT NULL,
            rule TEXT,
            PRIMARY KEY (run_id, suppression_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        INSERT INTO suppressions_v2 (run_id, suppression_id, customer_id, at, reason, deferred_until, subject)
            SELECT run_id, suppression_id, customer_id, at, reason, deferred_until, subject FROM suppressions;
        DROP TABLE suppressions;
        ALTER TABLE suppressions_v2 RENAME TO suppressions;
        CREATE TABLE quarantine_v2 (
            run_id INTEGER NOT NULL REFERENCES runs (id),
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            reason TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            PRIMARY KEY (run_id, file, line)
        );
        INSERT INTO quarantine_v2 (run_id, file, line, reason, raw_text)
            SELECT run_id, '', line, reason, raw_text FROM quarantine;
        DROP TABLE quarantine;
        ALTER TABLE quarantine_v2 RENAME TO quarantine;
        """

    /// v3: `messages_by_customer` covers the analysis columns. The narrow v2 index is dropped here; the last
    /// migration step creates every analytics index in its current form.
    static let version3 = """
        DROP INDEX IF EXISTS messages_by_customer;
        """

    /// v4: the per-row tables check their word columns with `=` … `OR` instead of `IN (…)`. SQLite builds a
    /// temporary b-tree for an `IN` list of more than two constants each time an `INSERT` runs, which made a
    /// message insert cost about 8 µs instead of 4.7 (measured here). The rules are the same, so every row is
    /// copied as it is; the four tables are rebuilt because SQLite cannot alter a CHECK in place. `runs` keeps
    /// its `IN`: one row per run, and other tables' foreign keys point at it.
    static let version4 = """
        CREATE TABLE messages_v4 (
            run_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            conversation_id INTEGER,
            direction TEXT NOT NULL CHECK (direction = 'outbound' OR direction = 'inbound'),
            kind TEXT NOT NULL CHECK (
                kind = 'campaign' OR kind = 'auto' OR kind = 'agent' OR kind = 'compliance' OR kind = 'customer'
            ),
            at INTEGER NOT NULL,
            body TEXT NOT NULL,
            segments INTEGER NOT NULL,
            encoding TEXT NOT NULL,
            status TEXT NOT NULL,
            cost_microdollars INTEGER NOT NULL,
            flow_node TEXT,
            purpose TEXT CHECK (purpose = 'marketing' OR purpose = 'transactional' OR purpose = 'compliance'),
            subject TEXT,
            business_number TEXT,
            external_id TEXT,
            error_code INTEGER,
            intent TEXT,
            category TEXT,
            PRIMARY KEY (run_id, message_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        ) WITHOUT ROWID;
        INSERT INTO messages_v4 (
            run_id, message_id, customer_id, conversation_id, direction, kind, at, body, segments, encoding, status,
            cost_microdollars, flow_node, purpose, subject, business_number, external_id, error_code, intent, category
        )
            SELECT run_id, message_id, customer_id, conversation_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars, flow_node, purpose, subject, business_number, external_id, error_code,
                intent, category
            FROM messages;
        DROP TABLE messages;
        ALTER TABLE messages_v4 RENAME TO messages;
        CREATE TABLE handoffs_v4 (
            run_id INTEGER NOT NULL,
            handoff_id INTEGER NOT NULL,
            conversation_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            queue TEXT NOT NULL,
            queued_at INTEGER NOT NULL,
            picked_up_at INTEGER,
            closed_at INTEGER,
            resolution TEXT NOT NULL CHECK (resolution = 'resolved' OR resolution = 'abandoned' OR resolution = 'open'),
            agent_id INTEGER,
            PRIMARY KEY (run_id, handoff_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        INSERT INTO handoffs_v4 (
            run_id, handoff_id, conversation_id, customer_id, queue, queued_at, picked_up_at, closed_at, resolution,
            agent_id
        )
            SELECT run_id, handoff_id, conversation_id, customer_id, queue, queued_at, picked_up_at, closed_at,
                resolution, agent_id
            FROM handoffs;
        DROP TABLE handoffs;
        ALTER TABLE handoffs_v4 RENAME TO handoffs;
        CREATE TABLE consent_events_v4 (
            run_id INTEGER NOT NULL,
            event_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (
                kind = 'opt_in' OR kind = 'opt_out' OR kind = 'help' OR kind = 'review_hold'
                OR kind = 'review_released'
            ),
            keyword TEXT,
            source TEXT NOT NULL,
            scope TEXT CHECK (scope = 'marketing' OR scope = 'all'),
            PRIMARY KEY (run_id, event_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        INSERT INTO consent_events_v4 (run_id, event_id, customer_id, at, kind, keyword, source, scope)
            SELECT run_id, event_id, customer_id, at, kind, keyword, source, scope FROM consent_events;
        DROP TABLE consent_events;
        ALTER TABLE consent_events_v4 RENAME TO consent_events;
        CREATE TABLE suppressions_v4 (
            run_id INTEGER NOT NULL,
            suppression_id INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            reason TEXT NOT NULL CHECK (
                reason = 'quiet_hours' OR reason = 'holiday' OR reason = 'frequency_cap' OR reason = 'no_consent'
                OR reason = 'opted_out' OR reason = 'review_hold' OR reason = 'no_phone' OR reason = 'template_gap'
            ),
            deferred_until INTEGER,
            subject TEXT NOT NULL,
            rule TEXT,
            PRIMARY KEY (run_id, suppression_id),
            FOREIGN KEY (run_id, customer_id) REFERENCES customers (run_id, customer_id)
        );
        INSERT INTO suppressions_v4 (run_id, suppression_id, customer_id, at, reason, deferred_until, subject, rule)
            SELECT run_id, suppression_id, customer_id, at, reason, deferred_until, subject, rule FROM suppressions;
        DROP TABLE suppressions;
        ALTER TABLE suppressions_v4 RENAME TO suppressions;
        """

    /// What `migrate` did, for `replylab db init` to print.
    public struct MigrationReport: Equatable, Sendable {
        public var fromVersion: Int64
        public var toVersion: Int64
        /// Analytics indexes found missing on an up-to-date file (a bulk load that never finished) and rebuilt.
        public var rebuiltIndexes: [String] = []
        /// True when the file was already at `toVersion` and nothing was written.
        public var wasUpToDate: Bool { fromVersion == toVersion && rebuiltIndexes.isEmpty }
    }

    /// Brings `database` to `currentVersion`, one transaction per migration. Each transaction re-reads the version
    /// once it holds the write lock, so two processes opening a new file at once do not both create the tables;
    /// the report's `fromVersion` is the version this call found under the lock (current when another process
    /// migrated meanwhile).
    ///
    /// - Throws: `StoreError.newerSchema` for a file from a newer ReplyLab (nothing is touched),
    ///   `StoreError.outdatedReadOnlySchema` for an old file opened read-only, `SQLiteError` if a step fails
    ///   (that step is rolled back; earlier steps stay).
    @discardableResult
    public static func migrate(_ database: Database) throws -> MigrationReport {
        let found = try database.userVersion()
        if found > currentVersion {
            throw StoreError.newerSchema(path: database.path, fileVersion: found, supportedVersion: currentVersion)
        }
        if found == currentVersion {
            let missing = database.mode == .readWrite ? try missingIndexes(database) : []
            if !missing.isEmpty {
                try database.transaction { database in
                    for index in analyticsIndexes where missing.contains(index.name) { try database.execute(index.sql) }
                }
            }
            return MigrationReport(fromVersion: found, toVersion: found, rebuiltIndexes: missing)
        }
        if database.mode == .readOnly {
            throw StoreError.outdatedReadOnlySchema(
                path: database.path,
                fileVersion: found,
                supportedVersion: currentVersion
            )
        }
        var firstMigrated: Int64?
        var reached = found
        while reached < currentVersion {
            reached = try database.transaction { database in
                // Read again under the write lock: another process may have migrated since `found` was read.
                let version = try database.userVersion()
                if version > currentVersion {
                    throw StoreError.newerSchema(
                        path: database.path,
                        fileVersion: version,
                        supportedVersion: currentVersion
                    )
                }
                guard version < currentVersion else { return version }
                try database.execute(migrations[Int(version)])
                if version == currentVersion - 1 {
                    for index in analyticsIndexes { try database.execute(index.sql) }
                }
                try database.execute("PRAGMA user_version = \(version + 1)")
                if firstMigrated == nil { firstMigrated = version }
                return version + 1
            }
        }
        return MigrationReport(fromVersion: firstMigrated ?? currentVersion, toVersion: currentVersion)
    }

    /// Analytics indexes absent from `database`, in `analyticsIndexes` order.
    static func missingIndexes(_ database: Database) throws -> [String] {
        let query = try database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")
        var missing: [String] = []
        for index in analyticsIndexes {
            try query.bind(index.name, at: 1)
            if try !query.step() { missing.append(index.name) }
            query.reset()
        }
        return missing
    }

    /// Checks that `database` can be read as this build's event log, without writing (for read-only opens).
    public static func requireCurrent(_ database: Database) throws {
        let found = try database.userVersion()
        if found > currentVersion {
            throw StoreError.newerSchema(path: database.path, fileVersion: found, supportedVersion: currentVersion)
        }
        if found < currentVersion {
            throw StoreError.outdatedReadOnlySchema(
                path: database.path,
                fileVersion: found,
                supportedVersion: currentVersion
            )
        }
    }
}
