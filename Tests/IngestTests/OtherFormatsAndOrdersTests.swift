import EventLog
import Foundation
import Messaging
import Store
import Testing

@testable import Ingest

/// The REST API's snake_case export, a home-made export with naive dates, and orders files in two shapes.
@Suite struct OtherFormatsAndOrdersTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    @Test func restAPIExportWithRFC2822DatesFailedSendsAndAPhraseOptOut() throws {
        let (report, events) = try scratch.load(Scratch.fixture("api-export.csv"))
        #expect(report.messages.loaded == 4)
        #expect(report.messages.quarantinedTotal == 0)
        let failed = try #require(events.messages.first { $0.externalID?.hasPrefix("SM2f") == true })
        #expect(failed.status == .failed)
        #expect(failed.errorCode == 21_610)
        #expect(failed.costMicrodollars == 0)
        #expect(failed.segments == 0)
        // No sending time: the creation time stands in.
        #expect(failed.at == Instant(year: 2025, month: 12, day: 1, hour: 15).epochMilliseconds)
        let stop = try #require(events.messages.first { $0.body == "Stop texting me" })
        #expect(stop.category == "(opt-out)")
        #expect(events.consentEvents.first?.scope == .marketing)
        #expect(events.consentEvents.first?.keyword == "stop texting")
        let confirmation = try #require(events.messages.last)
        #expect(confirmation.kind == .compliance)
        #expect(confirmation.costMicrodollars == 0)
        #expect(report.nonUSDPrices == 1)
        #expect(report.messages.unusedColumns.contains("messaging_service_sid"))
        #expect(!report.messages.unusedColumns.contains("date_sent"))
    }

    @Test func homeMadeExportWithNaiveDatesAndBlankSegments() throws {
        let (report, events) = try scratch.load(Scratch.fixture("homemade-export.csv"))
        #expect(report.messages.loaded == 3)
        #expect(report.messages.naiveDates == 3)
        #expect(events.messages.map(\.kind) == [.campaign, .customer, .agent])
        let queued = events.messages[2]
        #expect(queued.status == .queued)
        #expect(queued.segments == 1)
        #expect(queued.encoding == "GSM-7")
        #expect(queued.at == Instant(year: 2025, month: 12, day: 2, hour: 17, minute: 45).epochMilliseconds)
    }

    @Test func aMissingColumnNamesWhatWasAccepted() throws {
        let path = try scratch.file(
            "bad.csv",
            "From,To,Body,Status,SentDate,Direction\n+14155550101,+18885550100,x,sent,2025-11-29T00:00:00Z,inbound\n"
        )
        let error = #expect(throws: IngestError.self) { try scratch.load(path) }
        #expect(error?.description.contains("has no sid column; accepted names are Sid, SMS Message SID") == true)
    }

    @Test func ordersAndAbandonedCartsJoinTheLogsCustomersByPhoneHash() throws {
        let (report, events) = try scratch.load(
            Scratch.fixture("console-export.csv"),
            orders: Scratch.fixture("orders.csv")
        )
        let orders = try #require(report.orders)
        #expect(orders.orders == 4)
        #expect(orders.carts == 2)
        #expect(orders.customersNotInLog == 1)
        #expect(orders.file.duplicatesInFile == 1)
        #expect(orders.file.naiveDates == 1)
        let labels = Dictionary(uniqueKeysWithValues: orders.file.quarantined.map { ($0.label, $0.rows) })
        #expect(
            labels == [
                "bad customer number": 1, "negative value": 1, "bad value": 1, "cart without id": 1, "no customer": 1,
                "bad abandoned flag": 1,
            ]
        )
        let ordersQuarantine = events.quarantine.filter { $0.file == Scratch.fixture("orders.csv") }
        #expect(ordersQuarantine.map(\.line).sorted() == [6, 9, 10, 11, 12, 13])
        // The recovered cart: its order names it, and both belong to the customer the campaign texted.
        let cart = try #require(events.carts.first { $0.cartID == "cart-9001" })
        let order = try #require(events.orders.first { $0.externalID == "1042" })
        #expect(order.cartID == "cart-9001")
        #expect(order.valueCents == 8_450)
        #expect(cart.customerID == order.customerID)
        let campaign = try #require(events.messages.first { $0.messageID == 1 })
        #expect(order.customerID == campaign.customerID)
        #expect(cart.abandonedAt == Instant(year: 2025, month: 11, day: 28, hour: 21, minute: 14).epochMilliseconds)
        #expect(events.orders.map(\.orderID) == [1, 2, 3, 4])
        #expect(events.orders.first { $0.externalID == "1043" }?.valueCents == 4_500)
        // The buyer the log never texted is a customer of the run, but in no variant.
        let stranger = try #require(events.orders.first { $0.externalID == "1045" })
        #expect(!events.assignments.contains { $0.customerID == stranger.customerID })
        #expect(
            events.customers.contains { $0.customerID == stranger.customerID && $0.maskedPhone == "+1 303 ***-**50" }
        )
    }

    @Test func aShopExportReadsThroughTheMappingFile() throws {
        let mapping = try ImportMapping.load(path: Scratch.fixture("shop-mapping.json"))
        let (report, events) = try scratch.load(
            Scratch.fixture("api-export.csv"),
            orders: Scratch.fixture("shop-orders.csv"),
            mapping: mapping
        )
        #expect(report.orders?.orders == 2)
        #expect(report.orders?.customersNotInLog == 1)
        let first = try #require(events.orders.first)
        #expect(first.externalID == "#2001")
        #expect(first.valueCents == 5_900)
        #expect(first.at == Instant(year: 2025, month: 12, day: 1, hour: 23, minute: 30).epochMilliseconds)
        #expect(report.orders?.file.unusedColumns == ["Financial Status"])
    }
}

/// Loading the same bytes twice, re-exports that overlap, and orders that arrive after the messages.
@Suite struct IdempotentImportTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    @Test func theSameFileTwiceAddsNothingAndSaysWhichRunHasIt() throws {
        let (first, _) = try scratch.load(Scratch.fixture("console-export.csv"))
        let before = try dump(scratch.path("log.sqlite"))
        let (second, _) = try scratch.load(Scratch.fixture("console-export.csv"))
        #expect(second.messages.alreadyLoadedIn == first.runID)
        #expect(second.addedNothing)
        #expect(try dump(scratch.path("log.sqlite")) == before)
    }

    @Test func aReExportSkipsSidsAnEarlierImportHolds() throws {
        let (first, _) = try scratch.load(Scratch.fixture("console-export.csv"))
        // The first import has nothing earlier to compare Sids with, so it leaves the Sid index to the second.
        let sidIndex = "SELECT count(*) FROM sqlite_master WHERE name = 'messages_by_external_id'"
        #expect(try Database(path: scratch.path("log.sqlite")).integer(sidIndex) == 0)
        // A later export: two messages already imported (one with an updated status) and one new.
        let later = try scratch.file(
            "later.csv",
            """
            From,To,Body,Status,SentDate,Sid,Direction,Price
            +18885550100,+14155550101,"Your cart misses you, Zoë! Tap to finish checkout 👟 Reply STOP to opt out.",delivered,2025-11-29T17:00:00Z,SM00005ca1ab1e0000000000000000000b,outbound-api,-0.01580
            +18885550100,+13055550104,"Your cart misses you, Joe! Reply STOP to opt out.",failed,2025-11-29T17:00:03Z,SM00005ca1ab1e0000000000000000000e,outbound-api,-0.00790
            +14155550101,+18885550100,Thanks!,received,2025-12-05T10:00:00Z,SM00005ca1ab1e000000000000000000ff,inbound,-0.00790

            """
        )
        let (second, events) = try scratch.load(later)
        #expect(second.runID == first.runID + 1)
        #expect(second.messages.duplicatesOfEarlierImports == 2)
        #expect(second.messages.earlierRuns == [first.runID])
        #expect(second.messages.loaded == 1)
        #expect(events.messages.map(\.body) == ["Thanks!"])
        #expect(try Database(path: scratch.path("log.sqlite")).integer(sidIndex) == 1)
    }

    @Test func simulatedRunsSidsAreNotDuplicates() throws {
        let database = try Database(path: scratch.path("log.sqlite"))
        let writer = try EventLogWriter(database: database)
        try writer.append(
            EventBatch(
                runs: [
                    RunRecord(
                        id: 1,
                        kind: .simulation,
                        source: "sim",
                        seed: 1,
                        configJSON: "{}",
                        toolVersion: "t",
                        createdAt: 0
                    )
                ],
                customers: [
                    CustomerRecord(
                        runID: 1,
                        customerID: 1,
                        maskedPhone: "m",
                        phoneHash: 1,
                        timeZone: "",
                        state: "",
                        segment: "new",
                        attributesJSON: "{}"
                    )
                ],
                messages: [
                    MessageRecord(
                        runID: 1,
                        messageID: 1,
                        customerID: 1,
                        conversationID: nil,
                        direction: .outbound,
                        kind: .campaign,
                        at: 0,
                        body: "x",
                        segments: 1,
                        encoding: "GSM-7",
                        status: .sent,
                        costMicrodollars: 0,
                        flowNode: nil,
                        externalID: "SM00005ca1ab1e0000000000000000000b"
                    )
                ]
            )
        )
        try writer.finish()
        let (report, _) = try scratch.load(Scratch.fixture("console-export.csv"))
        #expect(report.runID == 2)
        #expect(report.messages.duplicatesOfEarlierImports == 0)
        #expect(report.messages.loaded == 20)
    }

    @Test func ordersThatArriveLaterJoinTheRunThatHoldsTheLog() throws {
        let (first, _) = try scratch.load(Scratch.fixture("console-export.csv"))
        let (withOrders, events) = try scratch.load(
            Scratch.fixture("console-export.csv"),
            orders: Scratch.fixture("orders.csv")
        )
        #expect(withOrders.messages.alreadyLoadedIn == first.runID)
        #expect(withOrders.runID == first.runID)
        #expect(withOrders.orders?.orders == 4)
        #expect(events.orders.count == 4)
        #expect(events.carts.count == 2)
        #expect(events.customers.count == 8)
        #expect(events.customers.last?.customerID == 8)
        #expect(
            events.runs.first?.configJSON.contains(
                SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: Scratch.fixture("orders.csv")))))
            ) == true
        )
        let before = try dump(scratch.path("log.sqlite"))
        let (again, _) = try scratch.load(Scratch.fixture("console-export.csv"), orders: Scratch.fixture("orders.csv"))
        #expect(again.addedNothing)
        #expect(again.orders?.file.alreadyLoadedIn == first.runID)
        #expect(try dump(scratch.path("log.sqlite")) == before)
    }

    @Test func orderIdsAnEarlierImportHoldsAreSkipped() throws {
        _ = try scratch.load(Scratch.fixture("console-export.csv"), orders: Scratch.fixture("orders.csv"))
        let (report, _) = try scratch.load(Scratch.fixture("api-export.csv"), orders: Scratch.fixture("orders.csv"))
        #expect(report.orders?.orders == 0)
        #expect(report.orders?.file.duplicatesOfEarlierImports == 6)
        #expect(report.orders?.file.earlierRuns == [1])
    }
}
