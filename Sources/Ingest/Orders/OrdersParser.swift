import Messaging

/// The columns of a shop's orders export, by alias (same matching rules as the message log).
///
/// A row is an **order** unless its `abandoned` flag is true; then it is an **abandoned cart**: a checkout the
/// customer started at `at` for `value` and left unpaid (Shopify's "abandoned checkouts" export, or the cart rows
/// `export twilio --orders` writes). A cart row needs a `cart_id`; an order whose `cart_id` names that cart
/// recovered it. Analytics then computes recovery as carts whose customer the campaign messaged and that an
/// order with the same `cart_id` completed within the window after `abandoned_at`, over the carts messaged.
enum OrderColumns {
    static let orderID = "order_id"
    static let customerPhone = "customer_phone"
    static let customerPhoneHash = "customer_phone_hash"
    static let at = "at"
    static let value = "value"
    static let cartID = "cart_id"
    static let abandoned = "abandoned"

    static let all: [ColumnResolver.Column] = [
        .init(key: orderID, aliases: ["order_id", "Order ID", "Order", "Order Number", "id"]),
        .init(key: customerPhone, aliases: ["customer_phone", "Phone", "Phone Number", "Mobile"]),
        .init(key: customerPhoneHash, aliases: ["customer_phone_hash", "phone_hash"]),
        .init(
            key: at,
            aliases: ["at", "ordered_at", "created_at", "Created at", "order_date", "date", "processed_at"]
        ),
        .init(key: value, aliases: ["value", "value_cents", "total", "total_cents", "order_total", "amount"]),
        .init(key: cartID, aliases: ["cart_id", "cart", "checkout_id", "cart_token"]),
        .init(key: abandoned, aliases: ["abandoned", "abandoned_cart", "is_abandoned", "abandoned_checkout"]),
    ]
}

/// One good row of an orders file.
struct ParsedOrder: Sendable {
    var line: Int64
    /// True for an abandoned cart, false for an order.
    var isCart: Bool
    var orderID: String?
    var cartID: String?
    /// The customer's number when the file gives one.
    var phone: PhoneNumber?
    /// The keyed hash when the file gives only that (a ReplyLab export).
    var phoneHash: Int64?
    var at: Int64
    var valueCents: Int64
    var rawText: String
}

/// Everything the pass over an orders file found.
struct ParsedOrders: Sendable {
    var file: String
    var sha256: String
    var rows: [ParsedOrder] = []
    var quarantine: [QuarantinedRow] = []
    var rowsRead = 0
    var duplicatesInFile = 0
    var naiveDates = 0
    var unusedColumns: [String] = []
}

/// Reads an orders file: each row checked, kept or quarantined with its line and reason.
struct OrdersParser {
    let mapping: ImportMapping

    func parse(path: String) throws(IngestError) -> ParsedOrders {
        try parse(CSVReader(path: path, hashing: true))
    }

    func parse(_ reader: CSVReader) throws(IngestError) -> ParsedOrders {
        let file = reader.name
        guard try reader.next() else { throw .emptyFile(path: file) }
        if let problem = reader.problem { throw .badHeader(path: file, reason: problem.description) }
        let header = reader.strings
        let extra = mapping.orderColumns
        let resolver = try ColumnResolver(header: header, columns: OrderColumns.all, extra: extra, file: file)
        func require(_ key: String) throws(IngestError) -> Int {
            try resolver.require(key, in: OrderColumns.all, extra: extra, file: file)
        }
        let atColumn = try require(OrderColumns.at)
        let valueColumn = try require(OrderColumns.value)
        let phoneColumn = resolver.indexes[OrderColumns.customerPhone]
        let hashColumn = resolver.indexes[OrderColumns.customerPhoneHash]
        if phoneColumn == nil && hashColumn == nil { _ = try require(OrderColumns.customerPhone) }
        let orderColumn = resolver.indexes[OrderColumns.orderID]
        let cartColumn = resolver.indexes[OrderColumns.cartID]
        let abandonedColumn = resolver.indexes[OrderColumns.abandoned]
        if orderColumn == nil && abandonedColumn == nil { _ = try require(OrderColumns.orderID) }
        let valueHeader = TwilioColumns.normalised(header[valueColumn])
        let inCents = mapping.orderValueUnit.map { $0 == .cents } ?? valueHeader.hasSuffix("cents")

        var orders = ParsedOrders(file: file, sha256: "")
        orders.unusedColumns = resolver.unused
        var seenOrders: Set<String> = []
        var seenCarts: Set<String> = []
        while try reader.next() {
            orders.rowsRead += 1
            func quarantine(_ label: String, _ reason: String) {
                orders.quarantine.append(
                    QuarantinedRow(line: Int64(reader.line), label: label, reason: reason, rawText: reader.rawText)
                )
            }
            if let problem = reader.problem {
                if case .invalidUTF8 = problem {
                    quarantine("invalid UTF-8", problem.description)
                } else {
                    quarantine("damaged CSV row", problem.description)
                }
                continue
            }
            guard reader.fieldCount == header.count else {
                quarantine("ragged row", "the row has \(reader.fieldCount) fields, the header \(header.count)")
                continue
            }
            var isCart = false
            if let column = abandonedColumn {
                let text = reader.string(column).trimmingSpaces.lowercased()
                switch text {
                case "true", "yes", "y", "1", "t", "abandoned": isCart = true
                case "false", "no", "n", "0", "f", "": isCart = false
                default:
                    quarantine("bad abandoned flag", "abandoned '\(text)' is not yes/no (true/false, 1/0)")
                    continue
                }
            }
            let orderID = orderColumn.map { reader.string($0).trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            let cartID = cartColumn.map { reader.string($0).trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            if isCart && cartID == nil {
                quarantine("cart without id", "an abandoned cart needs a cart_id, so an order can be matched to it")
                continue
            }
            if !isCart && orderID == nil {
                quarantine("no order id", "the order has no order_id, so a second import could not recognise it")
                continue
            }
            var phone: PhoneNumber?
            var phoneHash: Int64?
            if let column = phoneColumn, !reader.withField(column, { TwilioLogParser.trimmed($0).isEmpty }) {
                switch reader.withField(column, { PhoneField.customer(PhoneField.strip($0).0) }) {
                case .success(let number): phone = number
                case .failure(let error):
                    quarantine("bad customer number", "customer phone '\(reader.string(column))': \(error)")
                    continue
                }
            } else if let column = hashColumn {
                let text = reader.string(column).trimmingSpaces
                guard let value = Int64(text) else {
                    quarantine(
                        "no customer",
                        "the row has no customer phone and no phone hash (a signed 64-bit integer)"
                    )
                    continue
                }
                phoneHash = value
            } else {
                quarantine("no customer", "the row has no customer phone")
                continue
            }
            let stamp: Timestamp
            switch reader.withField(atColumn, Timestamp.parse) {
            case .success(let value): stamp = value
            case .failure(let failure):
                quarantine("bad date", Timestamp.reason(failure, column: "order time", text: reader.string(atColumn)))
                continue
            }
            let value: Int64
            let parsed = reader.withField(valueColumn) { DecimalField.parse($0, places: inCents ? 0 : 2) }
            switch parsed {
            case .success(let amount): value = amount
            case .failure:
                let unit = inCents ? "whole cents such as 8450" : "dollars such as 84.50"
                quarantine("bad value", "value '\(reader.string(valueColumn))' is not \(unit)")
                continue
            }
            guard value >= 0 else {
                quarantine("negative value", "value \(reader.string(valueColumn)) is negative; refunds are not orders")
                continue
            }
            if isCart {
                guard seenCarts.insert(cartID!).inserted else {
                    orders.duplicatesInFile += 1
                    continue
                }
            } else {
                guard seenOrders.insert(orderID!).inserted else {
                    orders.duplicatesInFile += 1
                    continue
                }
            }
            if stamp.isNaive { orders.naiveDates += 1 }
            orders.rows.append(
                ParsedOrder(
                    line: Int64(reader.line),
                    isCart: isCart,
                    orderID: isCart ? nil : orderID,
                    cartID: cartID,
                    phone: phone,
                    phoneHash: phoneHash,
                    at: stamp.epochMilliseconds,
                    valueCents: value,
                    rawText: reader.rawText
                )
            )
        }
        orders.sha256 = reader.sha256Hex ?? ""
        return orders
    }
}
