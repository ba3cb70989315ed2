import EventLog
import Foundation
import Ingest
import Messaging
import Reports
import Store

/// `replylab export twilio --db FILE --run ID --out FILE.csv [--orders FILE.csv] [--mapping FILE.json]`.
struct ExportTwilio: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "twilio",
            abstract: "Write a run in Twilio's Console CSV format, with its orders and variant mapping.",
            discussion: """
                Columns: From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction,\
                Price,PriceUnit,SenderType; SentDate is ISO 8601 UTC with milliseconds. Automated and compliance \
                replies are written as outbound-reply, campaigns and agents' texts as outbound-api. SenderType says \
                who wrote each text the way Conversations/Flex exports name a message's author (campaign, bot, \
                agent, system, customer); the mapping file tells 'import twilio' to read it. Numbers come from \
                customers.fictional_phone and messages.business_number, so only runs with fictional customers \
                (simulations) can be exported; cells starting with = + - @ are neutralised with a leading ', \
                which 'import twilio' undoes. --orders writes orders and abandoned carts; --mapping writes each \
                customer's variant and segment and the SenderType reading, so 'import twilio FILE --orders … --mapping …' gives the run back.
                """,
            options: [
                .option("db", value: "file", help: "The event-log SQLite file."),
                .option("run", value: "id", help: "The run to export (see 'replylab db info FILE')."),
                .option("out", short: "o", value: "file.csv", help: "Where to write the message log."),
                .option("orders", value: "file.csv", help: "Also write the run's orders and abandoned carts here."),
                .option("mapping", value: "file.json", help: "Also write the variant mapping 'import twilio' reads."),
            ]
        )
    }

    static let header = [
        "From", "To", "Body", "Status", "SentDate", "ApiVersion", "NumSegments", "ErrorCode", "AccountSid", "Sid",
        "Direction", "Price", "PriceUnit", senderTypeColumn,
    ]
    static let senderTypeColumn = "SenderType"
    /// Who wrote a text, in the words a messaging platform's author field uses; the mapping maps them back.
    static let senderTypes: [(MessageKind, String)] = [
        (.campaign, "campaign"), (.auto, "bot"), (.agent, "agent"), (.compliance, "system"), (.customer, "customer"),
    ]
    static let ordersHeader = ["order_id", "customer_phone", "created_at", "value_cents", "cart_id", "abandoned"]

    let database: String
    let runID: Int64
    let out: String
    let orders: String?
    let mapping: String?

    init(arguments: ParsedArguments) throws {
        database = try arguments.required("db")
        runID = try ExportedRun.runID(arguments)
        guard let out = arguments.value("out") else { throw UsageError("say where to write: --out messages.csv") }
        self.out = out
        orders = arguments.value("orders")
        mapping = arguments.value("mapping")
    }

    func run(_ console: Console) throws -> Int32 {
        let (database, _) = try ExportedRun.open(database: self.database, runID: runID)
        try checkNumbers(database)
        let rows = try writeMessages(database)
        console.out("wrote \(DatabaseInfo.grouped(Int64(rows))) messages of run \(runID) to \(out)")
        if let orders {
            let (orderCount, cartCount) = try writeOrders(database, to: orders)
            console.out("wrote \(orderCount) orders and \(cartCount) abandoned carts to \(orders)")
        }
        if let mapping {
            let customers = try writeMapping(database, to: mapping)
            console.out("wrote the variants of \(DatabaseInfo.grouped(Int64(customers))) customers to \(mapping)")
        }
        return ExitStatus.success
    }

    /// Refuses a run whose customers or sending numbers are not stored in full.
    private func checkNumbers(_ database: Database) throws {
        let realNumbers = try count(
            database,
            """
            SELECT count(*) FROM customers c WHERE c.run_id = ?1 AND c.fictional_phone IS NULL
              AND (EXISTS (SELECT 1 FROM messages m WHERE m.run_id = ?1 AND m.customer_id = c.customer_id)
                   OR (?2 AND EXISTS (SELECT 1 FROM orders o WHERE o.run_id = ?1 AND o.customer_id = c.customer_id))
                   OR (?2 AND EXISTS (SELECT 1 FROM carts k WHERE k.run_id = ?1 AND k.customer_id = c.customer_id))
                   OR (?3 AND EXISTS (SELECT 1 FROM assignments a WHERE a.run_id = ?1 AND a.customer_id = c.customer_id)))
            """,
            flags: [orders != nil, mapping != nil]
        )
        if realNumbers > 0 { throw ExportError.realNumbers(runID: runID, customers: realNumbers) }
        let noSender = try count(
            database,
            "SELECT count(*) FROM messages WHERE run_id = ?1 AND business_number IS NULL",
            flags: []
        )
        if noSender > 0 { throw ExportError.noBusinessNumber(runID: runID, messages: noSender) }
    }

    private func count(_ database: Database, _ sql: String, flags: [Bool]) throws -> Int64 {
        let statement = try database.prepare(sql)
        try statement.bind(runID, at: 1)
        for (offset, flag) in flags.enumerated() { try statement.bind(flag, at: Int32(offset + 2)) }
        _ = try statement.step()
        return try statement.column(0)
    }

    private func writeMessages(_ database: Database) throws -> Int {
        let file = try CSVFileWriter(path: out, header: Self.header)
        let statement = try database.prepare(
            """
            SELECT m.message_id, m.direction, m.kind, m.at, m.body, m.segments, m.status, m.cost_microdollars,
                   m.business_number, m.external_id, m.error_code, c.fictional_phone
            FROM messages m JOIN customers c ON c.run_id = m.run_id AND c.customer_id = m.customer_id
            WHERE m.run_id = ? ORDER BY m.message_id
            """
        )
        try statement.bind(runID, at: 1)
        let account = "AC" + SHA256.hex(Array("replylab run \(runID)".utf8)).prefix(32)
        while try statement.step() {
            let messageID: Int64 = try statement.column(0)
            let direction: MessageDirection = try statement.column(1)
            let kind: MessageKind = try statement.column(2)
            let business: String = try statement.column(8)
            let customer: String = try statement.column(11)
            let inbound = direction == .inbound
            let cost: Int64 = try statement.column(7)
            let sid: String? = try statement.column(9)
            let errorCode: Int64? = try statement.column(10)
            let status: MessageStatus = try statement.column(6)
            try file.writeRow([
                .text(inbound ? customer : business),
                .text(inbound ? business : customer),
                .text(try statement.column(4)),
                .text(status.rawValue),
                .text(ISOTime.format(try statement.column(3))),
                .text("2010-04-01"),
                .integer(try statement.column(5)),
                errorCode.map { .integer($0) } ?? .empty,
                .text(String(account)),
                .text(sid ?? "SM" + SHA256.hex(Array("replylab:\(runID):\(messageID)".utf8)).prefix(32)),
                .text(inbound ? "inbound" : (kind == .auto || kind == .compliance ? "outbound-reply" : "outbound-api")),
                .decimal(cost == 0 ? 0 : -Double(cost) / 1_000_000, places: cost % 10 == 0 ? 5 : 6),
                .text("USD"),
                .text(Self.senderTypes.first { $0.0 == kind }?.1 ?? kind.rawValue),
            ])
        }
        try file.close()
        return file.rowCount
    }

    /// Orders, then abandoned carts (flag `yes`, no order id), in the shape `import twilio --orders` reads.
    private func writeOrders(_ database: Database, to path: String) throws -> (Int, Int) {
        let file = try CSVFileWriter(path: path, header: Self.ordersHeader)
        let orders = try database.prepare(
            """
            SELECT COALESCE(o.external_id, 'order-' || o.order_id), c.fictional_phone, o.at, o.value_cents, o.cart_id
            FROM orders o JOIN customers c ON c.run_id = o.run_id AND c.customer_id = o.customer_id
            WHERE o.run_id = ? ORDER BY o.order_id
            """
        )
        try orders.bind(runID, at: 1)
        var orderCount = 0
        while try orders.step() {
            let cart: String? = try orders.column(4)
            try file.writeRow([
                .text(try orders.column(0)), .text(try orders.column(1)), .text(ISOTime.format(try orders.column(2))),
                .integer(try orders.column(3)), cart.map { .text($0) } ?? .empty, .text("no"),
            ])
            orderCount += 1
        }
        let carts = try database.prepare(
            """
            SELECT k.cart_id, c.fictional_phone, k.abandoned_at, k.value_cents
            FROM carts k JOIN customers c ON c.run_id = k.run_id AND c.customer_id = k.customer_id
            WHERE k.run_id = ? ORDER BY k.abandoned_at, k.cart_id
            """
        )
        try carts.bind(runID, at: 1)
        var cartCount = 0
        while try carts.step() {
            try file.writeRow([
                .empty, .text(try carts.column(1)), .text(ISOTime.format(try carts.column(2))),
                .integer(try carts.column(3)), .text(try carts.column(0)), .text("yes"),
            ])
            cartCount += 1
        }
        try file.close()
        return (orderCount, cartCount)
    }

    /// Each assigned customer's variant and assignment time, and the variants' shares and holdout flags.
    private func writeMapping(_ database: Database, to path: String) throws -> Int {
        let reader = try EventLogReader(database: database)
        var mapping = ImportMapping()
        mapping.kindColumn = Self.senderTypeColumn
        // Simulated flows run with FlowRuntime's default opt-out scope: a revocation phrase stops every message.
        mapping.optOutPhraseScope = .all
        mapping.kindValues = Dictionary(uniqueKeysWithValues: Self.senderTypes.map { ($0.1, $0.0) })
        let variants = try reader.variants(ofRun: runID)
        mapping.variants = variants.map {
            ImportMapping.VariantRule(name: $0.name, share: $0.share, isHoldout: $0.isHoldout, flow: $0.flow)
        }
        let names = Dictionary(uniqueKeysWithValues: variants.map { ($0.variantID, $0.name) })
        let statement = try database.prepare(
            """
            SELECT c.fictional_phone, a.variant_id, a.assigned_at, c.segment
            FROM assignments a JOIN customers c ON c.run_id = a.run_id AND c.customer_id = a.customer_id
            WHERE a.run_id = ? ORDER BY a.customer_id
            """
        )
        try statement.bind(runID, at: 1)
        while try statement.step() {
            let phone = try PhoneNumber.parse(try statement.column(0) as String, allowFictional: true)
            let variant = names[try statement.column(1)] ?? "all"
            mapping.customers[phone.nationalNumber] = ImportMapping.CustomerRule(
                phone: phone,
                variant: variant,
                assignedAt: try statement.column(2),
                segment: try statement.column(3)
            )
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(mapping.jsonText.utf8)) else {
            throw ReportError.cannotWrite(path: path, reason: "the file cannot be created (does the folder exist?)")
        }
        return mapping.customers.count
    }
}
