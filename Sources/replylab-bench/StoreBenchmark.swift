import CSQLite
import EventLog
import Foundation
import Store

/// `replylab-bench store [--rows N] [--runs R] [--commit-every K] [--batch B] [--indexes defer|maintain]`: the event-log writer against
/// hand-written `sqlite3_*` calls loading the same message rows into the same schema with the same pragmas,
/// transaction size and index strategy. Goal: the writer reaches ≥ 90% of the bare calls' rows/s.
///
/// Each sample loads into a fresh temporary file whose schema, run and customers were set up untimed; the
/// timed part is opening, the message load and building the deferred analytics indexes. Writer and bare
/// samples alternate (after one warm-up pair) so drift in the machine hits both alike. `ratio` compares median
/// wall-clock rows/s; `cpu_ratio` compares median process CPU time, which other processes on the box disturb less.
enum StoreBenchmark {
    struct Options {
        var rows = 1_000_000
        var runs = 5
        var commitEvery = 100_000
        var batch = 10_000
        /// Build the analytics indexes after the load (the writer's choice for a fresh log) or maintain them.
        var deferIndexes = true
    }

    static func run(_ arguments: [String]) throws {
        let options = try parse(arguments)
        let customers = max(1, options.rows / 4)
        // Producers hand the writer batches they built themselves, so building them is not the writer's cost.
        // Both loaders read the very same records from these batches.
        let (batches, expected) = {
            let messages = SimulatedMessages.make(rows: options.rows, customers: customers)
            let batches = stride(from: 0, to: messages.count, by: options.batch).map { start in
                EventBatch(messages: Array(messages[start..<min(start + options.batch, messages.count)]))
            }
            return (batches, SimulatedMessages.checksum(messages))
        }()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-bench-store-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var writerSeconds: [Double] = []
        var bareSeconds: [Double] = []
        var writerCPUSeconds: [Double] = []
        var bareCPUSeconds: [Double] = []
        for sample in 0...options.runs {
            // Alternate which loader goes first, so neither always follows the other's file deletion.
            for loader in sample % 2 == 0 ? ["writer", "bare"] : ["bare", "writer"] {
                let path = folder.appendingPathComponent("\(loader)-\(sample).sqlite").path
                try prepareFile(path: path, customers: customers)
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = processCPUSeconds()
                if loader == "writer" {
                    try loadThroughWriter(path: path, batches: batches, options: options)
                } else {
                    try loadThroughBareCalls(path: path, batches: batches, options: options)
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let cpuSeconds = processCPUSeconds() - cpuStart
                let stored = try storedChecksum(path: path)
                guard stored == expected else {
                    throw BenchmarkFailure("\(loader) stored checksum \(stored), expected \(expected)")
                }
                if sample > 0 {
                    if loader == "writer" {
                        writerSeconds.append(seconds)
                        writerCPUSeconds.append(cpuSeconds)
                    } else {
                        bareSeconds.append(seconds)
                        bareCPUSeconds.append(cpuSeconds)
                    }
                }
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let writer = Measurement(samples: writerSeconds)
        let bare = Measurement(samples: bareSeconds)
        let writerCPU = Measurement(samples: writerCPUSeconds).median
        let bareCPU = Measurement(samples: bareCPUSeconds).median
        let writerRate = Double(options.rows) / writer.median
        let bareRate = Double(options.rows) / bare.median
        print(
            Measure.jsonLine([
                "scenario": "store",
                "rows": options.rows,
                "customers": customers,
                "runs": options.runs,
                "commit_every": options.commitEvery,
                "batch": options.batch,
                "schema": "messages WITHOUT ROWID (run_id, message_id) + FK to customers",
                "indexes": options.deferIndexes ? "built after load" : "maintained during load",
                "sqlite_version": String(cString: sqlite3_libversion()),
                "writer_rows_per_second": Int(writerRate.rounded()),
                "bare_rows_per_second": Int(bareRate.rounded()),
                "ratio": (writerRate / bareRate * 1000).rounded() / 1000,
                "cpu_seconds": ["writer": writerCPU, "bare": bareCPU],
                "cpu_ratio": (bareCPU / writerCPU * 1000).rounded() / 1000,
                "writer_seconds": ["median": writer.median, "min": writer.minimum, "max": writer.maximum],
                "bare_seconds": ["median": bare.median, "min": bare.minimum, "max": bare.maximum],
                "checksum": expected,
                "peak_rss_bytes": Measure.peakResidentBytes() ?? -1,
            ])
        )
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            if name == "--indexes", index + 1 < arguments.count, ["defer", "maintain"].contains(arguments[index + 1]) {
                options.deferIndexes = arguments[index + 1] == "defer"
                index += 2
                continue
            }
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1].filter { $0 != "_" }), value > 0
            else { throw BenchmarkFailure("\(name) expects a positive whole number") }
            switch name {
            case "--rows": options.rows = value
            case "--runs": options.runs = value
            case "--commit-every": options.commitEvery = value
            case "--batch": options.batch = value
            default:
                throw BenchmarkFailure(
                    "unknown option \(name); use --rows, --runs, --commit-every, --batch or --indexes defer|maintain"
                )
            }
            index += 2
        }
        return options
    }

    /// The untimed part: the real schema, one run and its customers, so message rows satisfy their foreign key.
    static func prepareFile(path: String, customers: Int) throws {
        let writer = try EventLogWriter(database: try Database(path: path), indexes: .maintain)
        var batch = EventBatch(runs: [
            RunRecord(
                id: 1,
                kind: "simulation",
                source: "bench",
                seed: 7,
                configJSON: "{}",
                toolVersion: "bench",
                createdAt: SimulatedMessages.start
            )
        ])
        batch.customers = (0..<customers).map { index in
            CustomerRecord(
                runID: 1,
                customerID: Int64(index),
                maskedPhone: "+1 415 ***-**\(10 + index % 90)",
                phoneHash: Int64(index) &* -7_046_029_254_386_353_131,
                timeZone: "America/Chicago",
                state: "TX",
                segment: "active",
                attributesJSON: #"{"first_name":"Ana","cart":{"total":8450,"item_count":2}}"#
            )
        }
        try writer.append(batch)
        try writer.finish()
    }

    static func loadThroughWriter(path: String, batches: [EventBatch], options: Options) throws {
        let writer = try EventLogWriter(
            database: try Database(path: path),
            commitEvery: options.commitEvery,
            indexes: options.deferIndexes ? .deferUntilFinish : .maintain
        )
        for batch in batches { try writer.append(batch) }
        try writer.finish()
    }

    /// What a careful hand-written loader does: the same open flags and pragmas, one prepared insert reset per
    /// row, a commit every `commitEvery` rows, the analytics indexes dropped before and built after.
    static func loadThroughBareCalls(path: String, batches: [EventBatch], options: Options) throws {
        var connection: OpaquePointer?
        try check(sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil), connection)
        guard let db = connection else { throw BenchmarkFailure("sqlite3_open_v2 gave no handle") }
        defer { sqlite3_close_v2(db) }
        sqlite3_extended_result_codes(db, 1)
        _ = csqlite_enable_defensive(db)
        sqlite3_busy_timeout(db, 5_000)
        try check(
            sqlite3_exec(
                db,
                "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                    + "PRAGMA cache_size = \(-EventLogWriter.pageCacheKibibytes)",
                nil,
                nil,
                nil
            ),
            db
        )
        if options.deferIndexes {
            let drops = EventLogSchema.analyticsIndexes.map { "DROP INDEX IF EXISTS \($0.name);" }.joined()
            try check(sqlite3_exec(db, "BEGIN IMMEDIATE; \(drops) COMMIT", nil, nil, nil), db)
        }
        var statement: OpaquePointer?
        let sql = """
            INSERT INTO messages (run_id, message_id, customer_id, conversation_id, direction, kind, at, body, \
            segments, encoding, status, cost_microdollars, flow_node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        try check(sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), db)
        guard let insert = statement else { throw BenchmarkFailure("no statement") }
        defer { sqlite3_finalize(insert) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        try check(sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil), db)
        var pending = 0
        for batch in batches {
            for message in batch.messages {
                sqlite3_bind_int64(insert, 1, message.runID)
                sqlite3_bind_int64(insert, 2, message.messageID)
                sqlite3_bind_int64(insert, 3, message.customerID)
                if let conversation = message.conversationID {
                    sqlite3_bind_int64(insert, 4, conversation)
                } else {
                    sqlite3_bind_null(insert, 4)
                }
                sqlite3_bind_text(insert, 5, message.direction.rawValue, -1, transient)
                sqlite3_bind_text(insert, 6, message.kind.rawValue, -1, transient)
                sqlite3_bind_int64(insert, 7, message.at)
                sqlite3_bind_text(insert, 8, message.body, -1, transient)
                sqlite3_bind_int64(insert, 9, message.segments)
                sqlite3_bind_text(insert, 10, message.encoding, -1, transient)
                sqlite3_bind_text(insert, 11, message.status.rawValue, -1, transient)
                sqlite3_bind_int64(insert, 12, message.costMicrodollars)
                if let node = message.flowNode {
                    sqlite3_bind_text(insert, 13, node, -1, transient)
                } else {
                    sqlite3_bind_null(insert, 13)
                }
                let code = sqlite3_step(insert)
                guard code == SQLITE_DONE else {
                    throw BenchmarkFailure("step: \(String(cString: sqlite3_errmsg(db)))")
                }
                sqlite3_reset(insert)
                pending += 1
                if pending >= options.commitEvery {
                    try check(sqlite3_exec(db, "COMMIT; BEGIN IMMEDIATE", nil, nil, nil), db)
                    pending = 0
                }
            }
        }
        try check(sqlite3_exec(db, "COMMIT", nil, nil, nil), db)
        if options.deferIndexes {
            let creates = EventLogSchema.analyticsIndexes.map { $0.sql + ";" }.joined()
            try check(sqlite3_exec(db, "BEGIN IMMEDIATE; \(creates) COMMIT", nil, nil, nil), db)
        }
    }

    /// Sum over stored rows of message id, time and body length, to prove both loaders stored the same rows.
    static func storedChecksum(path: String) throws -> Int {
        let database = try Database(path: path, mode: .readOnly)
        return Int(
            try database.integer(
                "SELECT count(*) + sum(message_id) + sum(at % 1000003) + sum(length(body)) FROM messages"
            )
        )
    }

    /// User plus system CPU time of this process: steadier than wall time when other work shares the cores.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func check(_ code: Int32, _ db: OpaquePointer?) throws {
        guard code == SQLITE_OK else {
            throw BenchmarkFailure("SQLite \(code): \(db.map { String(cString: sqlite3_errmsg($0)) } ?? "")")
        }
    }
}

/// Message rows shaped like a two-way cart campaign: per customer a personalised campaign text, the reply,
/// the flow's answer and a closing message (some by an agent, some compliance), interleaved in time order.
/// Deterministic: every choice is a function of the row index, no random draws.
enum SimulatedMessages {
    static let start: Int64 = 1_764_374_400_000
    static let names = ["Ana", "Marcus", "Zoë", "Priya", "Jordan", "Wei", "Fatima", "Liam", "Sofía", "Noah"]
    static let products = ["trail runners", "rain shell", "merino crew", "duffel bag", "wool socks (3-pack)"]
    static let replies = [
        "YES", "what sizes do you have?", "is it still 20% off", "Yes please!", "STOP", "do you ship to Canada",
        "ok 👍", "2", "Can I change the color?", "no thanks",
    ]
    static let answers = [
        "Great! Your code CART20 is applied: https://shop.example/c/%@ — reply 1 for sizes, 2 for shipping.",
        "We ship to all 50 states and Canada, free over $75. Want me to hold your cart for 24h? Reply YES.",
        "Sizes run true to fit; most customers order their usual size. A stylist will text you shortly.",
    ]

    static func make(rows: Int, customers: Int) -> [MessageRecord] {
        var messages: [MessageRecord] = []
        messages.reserveCapacity(rows)
        // A stride coprime with `customers` visits every customer once per round, in a scrambled order.
        var stride = 7_919 % customers
        while stride == 0 || gcd(stride, customers) != 1 { stride += 1 }
        for index in 0..<rows {
            let round = index / customers
            let position = index % customers
            let customer = (position * stride) % customers
            let name = names[customer % names.count]
            let at = start + Int64(round) * 3_600_000 + Int64(position) * 120
            let conversation = Int64(customer)
            let messageID = Int64(index + 1)
            switch round % 4 {
            case 0:
                let cents = 2_000 + (customer * 37) % 18_000
                let body =
                    "Hi \(name), your \(products[customer % products.count]) ($\(cents / 100).\(String(format: "%02d", cents % 100))) "
                    + "are still in your cart: https://shop.example/c/\(100_000 + customer). Reply YES for 20% off. STOP to opt out"
                let ucs2 = name == "Zoë" || name == "Sofía"
                messages.append(
                    MessageRecord(
                        runID: 1,
                        messageID: messageID,
                        customerID: Int64(customer),
                        conversationID: conversation,
                        direction: .outbound,
                        kind: .campaign,
                        at: at,
                        body: body,
                        segments: ucs2 ? 3 : 1,
                        encoding: ucs2 ? "UCS-2" : "GSM-7",
                        status: customer % 50 == 0 ? .undelivered : .delivered,
                        costMicrodollars: ucs2 ? 24_900 : 8_300,
                        flowNode: "welcome"
                    )
                )
            case 1:
                let reply = replies[(customer + round) % replies.count]
                messages.append(
                    MessageRecord(
                        runID: 1,
                        messageID: messageID,
                        customerID: Int64(customer),
                        conversationID: conversation,
                        direction: .inbound,
                        kind: .customer,
                        at: at,
                        body: reply,
                        segments: 1,
                        encoding: reply.contains("👍") ? "UCS-2" : "GSM-7",
                        status: .received,
                        costMicrodollars: 0,
                        flowNode: "offer"
                    )
                )
            case 2:
                let answer = answers[customer % answers.count].replacingOccurrences(
                    of: "%@",
                    with: String(100_000 + customer)
                )
                messages.append(
                    MessageRecord(
                        runID: 1,
                        messageID: messageID,
                        customerID: Int64(customer),
                        conversationID: conversation,
                        direction: .outbound,
                        kind: .auto,
                        at: at,
                        body: answer,
                        segments: 1,
                        encoding: "GSM-7",
                        status: .delivered,
                        costMicrodollars: 8_300,
                        flowNode: "answer"
                    )
                )
            default:
                let byAgent = customer % 5 == 0
                messages.append(
                    MessageRecord(
                        runID: 1,
                        messageID: messageID,
                        customerID: Int64(customer),
                        conversationID: byAgent ? conversation : nil,
                        direction: .outbound,
                        kind: byAgent ? .agent : .compliance,
                        at: at,
                        body: byAgent
                            ? "Hi \(name), this is Sam from the store. The medium is back in stock, want me to add it?"
                            : "You're unsubscribed from ShopCo texts. No more messages will be sent. Reply START to resume.",
                        segments: 1,
                        encoding: "GSM-7",
                        status: .sent,
                        costMicrodollars: 8_300,
                        flowNode: byAgent ? nil : "stop"
                    )
                )
            }
        }
        return messages
    }

    /// The same sum `storedChecksum` computes in SQL.
    static func checksum(_ messages: [MessageRecord]) -> Int {
        messages.reduce(0) { sum, message in
            sum + 1 + Int(message.messageID) + Int(message.at % 1_000_003) + message.body.count
        }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
