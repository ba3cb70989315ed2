import EventLog
import Foundation
import Ingest
import Messaging
import Store
import Testing

@testable import ReplyLabCLI

/// `replylab import twilio`, `export twilio` and `export tables` end to end through `ReplyLab.run`.
@Suite struct ImportExportCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IngestTests/Fixtures/\(name)").path
    }

    @Test func importPrintsTheLoadReportThenSaysTheSecondLoadAddedNothing() throws {
        let database = path("runs.sqlite")
        let log = Self.fixture("console-export.csv")
        let first = run(["import", "twilio", log, "--orders", Self.fixture("orders.csv"), "--db", database])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.isEmpty)
        let lines = first.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Imported \(log) into run 1 of \(database) (SHA-256 ") == true)
        #expect(
            lines.contains(
                "  messages loaded                           20  (campaign 8, auto 1, agent 1, compliance 3, customer 7)"
            )
        )
        #expect(lines.contains("  duplicates skipped                         1  (1 repeated in the file)"))
        #expect(lines.contains("  quarantined                                7"))
        #expect(lines.contains("    invalid UTF-8                            1"))
        #expect(lines.contains("  times without a zone, taken as UTC         1"))
        #expect(lines.contains("  rows loaded                                6  (4 orders, 2 abandoned carts)"))
        let config = try EventLogReader(database: Database(path: database, mode: .readOnly)).runs()[0].configJSON
        #expect(config.contains("\"phone_hash_key_source\":\"default\""))
        #expect(
            config.contains("\"phone_hash_key_fingerprint\":\"\(PhoneHashKey.fingerprint(PhoneHashKey.defaultKey))\"")
        )

        let second = run(["import", "twilio", log, "--db", database])
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("\(log) is already in run 1 of \(database) (same SHA-256 "))
        #expect(second.output.hasSuffix("…); no messages added.\n"))
    }

    @Test func importErrorsAreOneLineAndUsageErrorsSayWhatToType() {
        let missing = run(["import", "twilio", path("nope.csv"), "--db", path("runs.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.errors.hasPrefix("error: \(path("nope.csv")): cannot read the file:"))
        let noDB = run(["import", "twilio", Self.fixture("console-export.csv")])
        #expect(noDB.status == 64)
        #expect(noDB.errors.contains("--db runs.sqlite"))
        let badMapping = run([
            "import", "twilio", Self.fixture("console-export.csv"), "--db", path("runs.sqlite"), "--mapping",
            Self.fixture("orders.csv"),
        ])
        #expect(badMapping.status == 1)
        #expect(badMapping.errors.contains("orders.csv: $ (line 1, column 1)"))
    }

    // MARK: Export and round trip

    /// A simulated run in miniature: two arms and a holdout, a reply answered by automation then an agent, an
    /// opt-out, an undelivered text, an abandoned cart and the order that recovered it.
    static func simulatedRun() -> EventBatch {
        let business = "+18885550100"
        func phone(_ line: Int) -> PhoneNumber {
            try! PhoneNumber(nationalNumber: 4_155_550_100 + Int64(line), allowFictional: true)
        }
        let t0: Int64 = 1_764_435_600_000  // 2025-11-29T17:00:00Z
        var customers: [CustomerRecord] = []
        for id in 1...4 {
            let number = phone(id)
            customers.append(
                CustomerRecord(
                    runID: 1,
                    customerID: Int64(id),
                    maskedPhone: number.masked,
                    phoneHash: Int64(bitPattern: number.keyedHash(key: PhoneHashKey.defaultKey)),
                    timeZone: "America/Los_Angeles",
                    state: "CA",
                    segment: "active",
                    attributesJSON: "{}",
                    fictionalPhone: number.e164
                )
            )
        }
        func message(
            _ id: Int64,
            _ customer: Int64,
            _ direction: MessageDirection,
            _ kind: MessageKind,
            _ at: Int64,
            _ body: String,
            status: MessageStatus,
            cost: Int64 = 7_900,
            error: Int64? = nil,
            category: String? = nil
        ) -> MessageRecord {
            MessageRecord(
                runID: 1,
                messageID: id,
                customerID: customer,
                conversationID: customer,
                direction: direction,
                kind: kind,
                at: at,
                body: body,
                segments: 1,
                encoding: "GSM-7",
                status: status,
                costMicrodollars: cost,
                flowNode: nil,
                purpose: direction == .inbound
                    ? nil : kind == .campaign ? .marketing : kind == .compliance ? .compliance : .transactional,
                businessNumber: business,
                externalID: "SM" + String(format: "%032x", id),
                errorCode: error,
                category: category
            )
        }
        return EventBatch(
            runs: [
                RunRecord(
                    id: 1,
                    kind: .simulation,
                    source: "cart.json",
                    seed: 7,
                    configJSON: "{}",
                    toolVersion: "t",
                    createdAt: 0
                )
            ],
            variants: [
                VariantRecord(
                    runID: 1,
                    variantID: 1,
                    name: "two-way",
                    flow: "flows/cart.json",
                    share: 0.45,
                    isHoldout: false
                ),
                VariantRecord(runID: 1, variantID: 2, name: "one-way", flow: "blast", share: 0.45, isHoldout: false),
                VariantRecord(runID: 1, variantID: 3, name: "holdout", flow: "", share: 0.1, isHoldout: true),
            ],
            customers: customers,
            assignments: [
                AssignmentRecord(runID: 1, customerID: 1, variantID: 1, assignedAt: t0),
                AssignmentRecord(runID: 1, customerID: 2, variantID: 1, assignedAt: t0),
                AssignmentRecord(runID: 1, customerID: 3, variantID: 2, assignedAt: t0),
                AssignmentRecord(runID: 1, customerID: 4, variantID: 3, assignedAt: t0),
            ],
            carts: [
                CartRecord(runID: 1, cartID: "cart-1", customerID: 1, abandonedAt: t0 - 3_600_000, valueCents: 8_450)
            ],
            messages: [
                message(
                    1,
                    1,
                    .outbound,
                    .campaign,
                    t0,
                    "Your cart misses you! Reply STOP to opt out.",
                    status: .delivered
                ),
                message(
                    2,
                    2,
                    .outbound,
                    .campaign,
                    t0 + 1,
                    "=Your cart misses you! Reply STOP to opt out.",
                    status: .delivered
                ),
                message(3, 3, .outbound, .campaign, t0 + 2, "20% off today.", status: .undelivered, error: 30_003),
                message(4, 1, .inbound, .customer, t0 + 300_000, "Do you have size 9?", status: .received, cost: 0),
                message(5, 1, .outbound, .auto, t0 + 300_000, "Let me check with the team.", status: .delivered),
                message(
                    6,
                    1,
                    .outbound,
                    .agent,
                    t0 + 540_000,
                    "Yes, size 9 is in stock.\nWant it?",
                    status: .delivered,
                    cost: 7_915
                ),
                message(7, 2, .inbound, .customer, t0 + 600_000, "STOP", status: .received, category: "(opt-out)"),
                message(8, 2, .outbound, .compliance, t0 + 600_000, "You are unsubscribed.", status: .delivered),
            ],
            orders: [
                OrderRecord(
                    runID: 1,
                    orderID: 1,
                    customerID: 1,
                    at: t0 + 900_000,
                    valueCents: 8_450,
                    cartID: "cart-1",
                    attributedMessageID: 1
                )
            ],
            consentEvents: [
                ConsentEventRecord(
                    runID: 1,
                    eventID: 1,
                    customerID: 2,
                    at: t0 + 600_000,
                    kind: .optOut,
                    keyword: "STOP",
                    source: "keyword",
                    scope: .all
                )
            ]
        )
    }

    func writeSimulatedRun(to database: String) throws {
        let writer = try EventLogWriter(database: try Database(path: database))
        try writer.append(Self.simulatedRun())
        try writer.finish()
    }

    @Test func exportThenImportGivesTheRunBack() throws {
        let simulated = path("sim.sqlite")
        try writeSimulatedRun(to: simulated)
        let export = run([
            "export", "twilio", "--db", simulated, "--run", "1", "--out", path("log.csv"), "--orders",
            path("orders.csv"), "--mapping", path("mapping.json"),
        ])
        #expect(export.status == 0, "\(export.errors)")
        #expect(
            export.output
                == "wrote 8 messages of run 1 to \(path("log.csv"))\nwrote 1 orders and 1 abandoned carts to "
                + "\(path("orders.csv"))\nwrote the variants of 4 customers to \(path("mapping.json"))\n"
        )
        let csv = try String(contentsOfFile: path("log.csv"), encoding: .utf8)
        #expect(
            csv.hasPrefix(
                "From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction,Price,PriceUnit,SenderType\r\n"
            )
        )
        #expect(
            csv.contains(
                "'+18885550100,'+14155550101,Your cart misses you! Reply STOP to opt out.,delivered,2025-11-29T17:00:00.000Z,2010-04-01,1,,AC"
            )
        )
        #expect(csv.contains(",outbound-api,-0.00790,USD,campaign\r\n"))
        #expect(csv.contains(",outbound-api,-0.007915,USD,agent\r\n"))
        #expect(csv.contains(",outbound-reply,-0.00790,USD,system\r\n"), "who wrote it, for the mapping's kind column")
        #expect(csv.contains("\"Yes, size 9 is in stock.\nWant it?\""))

        let imported = path("imported.sqlite")
        let load = run([
            "import", "twilio", path("log.csv"), "--orders", path("orders.csv"), "--mapping", path("mapping.json"),
            "--db", imported,
        ])
        #expect(load.status == 0, "\(load.errors)")
        #expect(load.output.contains("quarantined                                0"))
        let original = Self.simulatedRun()
        let back = try EventLogReader(database: Database(path: imported, mode: .readOnly)).events(ofRun: 1)
        func comparable(_ message: MessageRecord) -> [String] {
            [
                message.direction.rawValue, message.kind.rawValue, String(message.at), message.body,
                String(message.segments), message.status.rawValue, String(message.costMicrodollars),
                message.businessNumber ?? "", message.externalID ?? "", message.errorCode.map(String.init) ?? "",
                message.purpose?.rawValue ?? "",
            ]
        }
        #expect(back.messages.map(comparable) == original.messages.map(comparable))
        #expect(back.messages.map(\.category) == [nil, nil, nil, nil, nil, nil, "(opt-out)", nil])
        #expect(back.consentEvents.map(\.kind) == [.optOut])
        #expect(back.variants.map(\.name) == ["two-way", "one-way", "holdout"])
        #expect(back.variants.map(\.share) == [0.45, 0.45, 0.1])
        #expect(back.variants.map(\.isHoldout) == [false, false, true])
        #expect(back.customers.map(\.fictionalPhone) == original.customers.map(\.fictionalPhone))
        #expect(back.customers.map(\.phoneHash) == original.customers.map(\.phoneHash))
        #expect(back.assignments.map(\.variantID) == [1, 1, 2, 3])
        #expect(back.assignments.map(\.assignedAt) == original.assignments.map(\.assignedAt))
        #expect(back.orders.map(\.valueCents) == [8_450])
        #expect(back.orders.map(\.cartID) == ["cart-1"])
        #expect(back.orders.map(\.at) == original.orders.map(\.at))
        #expect(back.orders.map(\.externalID) == ["order-1"])
        #expect(back.carts.map(\.abandonedAt) == original.carts.map(\.abandonedAt))
        // The agent's text rebuilds the hand-off: queued at the question, picked up and closed at the answer.
        #expect(back.handoffs.map(\.queuedAt) == [original.messages[3].at])
        #expect(back.handoffs.map(\.pickedUpAt) == [original.messages[5].at])
        #expect(back.handoffs.map(\.closedAt) == [original.messages[5].at])
        #expect(back.handoffs.map(\.resolution) == [.resolved])
    }

    @Test func exportRefusesRunsWithoutFullNumbers() throws {
        let database = path("real.sqlite")
        var run = Self.simulatedRun()
        run.customers[0].fictionalPhone = nil
        let writer = try EventLogWriter(database: try Database(path: database))
        try writer.append(run)
        try writer.finish()
        let export = self.run(["export", "twilio", "--db", database, "--run", "1", "--out", path("log.csv")])
        #expect(export.status == 1)
        #expect(export.errors.contains("run 1 keeps 1 customers' numbers masked and hashed only"))
        let missingRun = self.run(["export", "twilio", "--db", database, "--run", "9", "--out", path("log.csv")])
        #expect(missingRun.errors == "error: \(database): no run 9; its runs are 1\n")
        let noRun = self.run(["export", "tables", "--db", database, "--out", path("t")])
        #expect(noRun.status == 64)
    }

    @Test func exportTablesWritesEveryTableWithASchemaDuckDBReads() throws {
        let database = path("sim.sqlite")
        try writeSimulatedRun(to: database)
        let export = run(["export", "tables", "--db", database, "--run", "1", "--out", path("tables")])
        #expect(export.status == 0, "\(export.errors)")
        for table in EventLogSchema.tables {
            #expect(FileManager.default.fileExists(atPath: path("tables/\(table).csv")), "\(table)")
        }
        let schema = try String(contentsOfFile: path("tables/schema.sql"), encoding: .utf8)
        #expect(schema.contains("CREATE TABLE messages (\n    \"run_id\" BIGINT,\n    \"message_id\" BIGINT,"))
        #expect(schema.contains("    \"at\" BIGINT,"))
        #expect(schema.contains("    \"share\" DOUBLE,"))
        #expect(schema.contains("    \"body\" VARCHAR,"))
        let load = try String(contentsOfFile: path("tables/load.sql"), encoding: .utf8)
        #expect(load.contains("COPY messages FROM 'messages.csv' (HEADER true"))
        #expect(
            load.contains(
                "UPDATE messages SET \"body\" = substr(\"body\", 2) WHERE regexp_matches(\"body\", '^''[=+\\-@\\t\\r]');"
            )
        )
        let messages = try String(contentsOfFile: path("tables/messages.csv"), encoding: .utf8)
        let lines = messages.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "run_id,message_id,customer_id,conversation_id,direction,kind,at,body,segments,encoding,status,cost_microdollars,flow_node,purpose,subject,business_number,external_id,error_code,intent,category"
        )
        #expect(lines[2].contains(",'=Your cart misses you!"))
        #expect(lines.count == 10)
        let variants = try String(contentsOfFile: path("tables/variants.csv"), encoding: .utf8)
        #expect(variants.contains("1,1,two-way,flows/cart.json,0.450000000000,0\r\n"))
    }
}
