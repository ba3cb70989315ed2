import EventLog
import Foundation
import Messaging
import Store
import Testing

@testable import Ingest

/// A hand-written Console export (newest first, BOM, CRLF, one body with a line break, WhatsApp numbers,
/// neutralised cells, every kind of bad row) loaded end to end into a real SQLite file.
@Suite struct ConsoleExportTests {
    let scratch: Scratch
    let report: ImportReport
    let events: EventBatch

    init() throws {
        scratch = try Scratch()
        (report, events) = try scratch.load(Scratch.fixture("console-export.csv"))
    }

    func message(_ sidNumber: Int) throws -> MessageRecord {
        let sid = "SM00005ca1ab1e" + String(format: "%020x", sidNumber)
        return try #require(events.messages.first { $0.externalID == sid })
    }

    @Test func countsWhatWasLoadedSkippedAndRefused() {
        #expect(report.runID == 1)
        #expect(report.messages.rowsRead == 28)
        #expect(report.messages.loaded == 20)
        #expect(report.messages.duplicatesInFile == 1)
        #expect(report.messages.quarantinedTotal == 7)
        #expect(report.messages.naiveDates == 1)
        #expect(report.whatsApp == 3)
        #expect(report.customers == 7)
        #expect(report.conversations == 8)
        #expect(events.messages.count == 20)
        #expect(report.messages.unusedColumns == ["ApiVersion", "AccountSid"])
    }

    @Test func quarantineKeepsEachBadRowWithItsPhysicalLineAndReason() {
        let byLine = Dictionary(uniqueKeysWithValues: events.quarantine.map { ($0.line, $0) })
        // The line-break body on line 12 pushes every later row one line down.
        #expect(Set(byLine.keys) == [24, 25, 26, 27, 28, 29, 30])
        #expect(byLine[24]?.reason.hasPrefix("the row has 12 fields, the header 13") == true)
        #expect(byLine[25]?.reason.contains("'29/11/2025 16:00' is not a date") == true)
        #expect(byLine[26]?.reason.contains("spreadsheet") == true)
        #expect(byLine[27]?.reason.contains("Direction 'outbound-fax'") == true)
        #expect(byLine[28]?.reason == "the Sid is empty; every Twilio message has one")
        #expect(byLine[29]?.reason.contains("is not UTF-8") == true)
        #expect(byLine[29]?.rawText.contains("tr\u{FFFD}s bien") == true)
        #expect(byLine[30]?.reason.contains("-0.0079O") == true)
        #expect(events.quarantine.allSatisfy { $0.file == Scratch.fixture("console-export.csv") })
        #expect(byLine[26]?.rawText.hasPrefix("+18885550100,1.41556E+10,") == true)
        let labels = Dictionary(uniqueKeysWithValues: report.messages.quarantined.map { ($0.label, $0.rows) })
        #expect(
            labels == [
                "ragged row": 1, "bad date": 1, "bad customer number": 1, "unknown direction": 1, "no Sid": 1,
                "invalid UTF-8": 1, "bad price": 1,
            ]
        )
    }

    @Test func messagesAreNumberedByTimeNotFileOrder() {
        #expect(events.messages.map(\.messageID) == Array(1...20))
        #expect(events.messages.map(\.at) == events.messages.map(\.at).sorted())
        #expect(events.messages.first?.externalID?.hasSuffix("b") == true)
    }

    @Test func datesInEveryFormatLandOnTheSameClock() throws {
        #expect(try message(11).at == Instant(year: 2025, month: 11, day: 29, hour: 17).epochMilliseconds)
        // "2025-11-29T12:20:00-05:00"
        #expect(try message(22).at == Instant(year: 2025, month: 11, day: 29, hour: 17, minute: 20).epochMilliseconds)
        // "Sat, 29 Nov 2025 19:00:00 +0000"
        #expect(try message(27).at == Instant(year: 2025, month: 11, day: 29, hour: 19).epochMilliseconds)
        // fractions kept to the millisecond
        #expect(
            try message(21).at
                == Instant(year: 2025, month: 11, day: 29, hour: 17, minute: 12).epochMilliseconds + 250
        )
        // naive, taken as UTC
        #expect(try message(24).at == Instant(year: 2025, month: 11, day: 29, hour: 17, minute: 30).epochMilliseconds)
    }

    @Test func directionStatusPriceErrorAndSegmentsAreRead() throws {
        let campaign = try message(11)
        #expect(campaign.direction == .outbound)
        #expect(campaign.status == .delivered)
        #expect(campaign.costMicrodollars == 15_800)
        #expect(campaign.segments == 2)
        #expect(campaign.encoding == "UCS-2")
        #expect(campaign.businessNumber == "+18885550100")
        let undelivered = try message(14)
        #expect(undelivered.status == .undelivered)
        #expect(undelivered.errorCode == 30_003)
        let inbound = try message(18)
        #expect(inbound.direction == .inbound)
        #expect(inbound.status == .received)
        #expect(inbound.purpose == nil)
        #expect(
            try message(20).body
                == "Yes! We have size 10 in blue.\nReply YES to reserve, \"Blue\" or \"Black\" for the colour."
        )
    }

    @Test func kindsFollowTheDocumentedRule() throws {
        #expect(try message(11).kind == .campaign)
        #expect(try message(11).purpose == .marketing)
        #expect(try message(19).kind == .auto)  // 2 s after the question
        #expect(try message(19).purpose == .transactional)
        #expect(try message(20).kind == .agent)  // 4½ min after it
        #expect(try message(23).kind == .compliance)  // the opt-out confirmation
        #expect(try message(23).purpose == .compliance)
        #expect(try message(26).kind == .compliance)  // the HELP answer over WhatsApp
        #expect(try message(30).kind == .campaign)  // a new conversation four days later
        #expect(report.kinds == [.campaign: 8, .auto: 1, .agent: 1, .compliance: 3, .customer: 7])
    }

    @Test func keywordsBecomeConsentEventsAndCategories() throws {
        #expect(try message(22).category == "(opt-out)")
        #expect(try message(25).category == "(help)")
        #expect(try message(27).category == "(review)")
        #expect(try message(28).category == "(opt-in)")
        #expect(try message(21).category == nil)  // "yes" from a subscribed customer answers the agent
        #expect(try message(18).category == nil)
        let kinds = events.consentEvents.map(\.kind)
        #expect(kinds == [.optOut, .help, .reviewHold, .optIn])
        let optOut = events.consentEvents[0]
        #expect(optOut.keyword == "STOP")
        #expect(optOut.scope == .all)
        #expect(optOut.source == "keyword")
        #expect(optOut.customerID == (try message(22)).customerID)
        #expect(events.consentEvents[2].keyword == "no thanks")
    }

    @Test func customersAreMaskedHashedAndPlacedByAreaCode() throws {
        let customer = try #require(events.customers.first { $0.customerID == (try? message(11))?.customerID })
        let phone = try PhoneNumber.parse("+14155550101")
        #expect(customer.maskedPhone == "+1 415 ***-**01")
        #expect(customer.phoneHash == Int64(bitPattern: phone.keyedHash(key: Scratch.key)))
        #expect(customer.timeZone == "America/Los_Angeles")
        #expect(customer.state == "CA")
        #expect(customer.fictionalPhone == "+14155550101")
        let whatsApp = try #require(events.customers.first { $0.customerID == (try? message(13))?.customerID })
        #expect(whatsApp.maskedPhone == "+1 312 ***-**03")
        let nonGeographic = try #require(events.customers.first { $0.customerID == (try? message(17))?.customerID })
        #expect(nonGeographic.timeZone == "")
        #expect(nonGeographic.state == "")
    }

    @Test func neutralisedCellsAreRestored() throws {
        let reply = try message(24)
        #expect(reply.body == "-) thanks, will do")
        let customer = try #require(events.customers.first { $0.customerID == reply.customerID })
        #expect(customer.fictionalPhone == "+17135550106")
        #expect(try message(16).customerID == reply.customerID)
    }

    @Test func conversationsThreadOnBusinessAndCustomerNumberWithTheGap() throws {
        let first = try message(17)
        let later = try message(30)
        #expect(first.customerID == later.customerID)
        #expect(first.conversationID != later.conversationID)
        let optedOutAndBack = events.messages.filter { $0.customerID == (try? message(12))?.customerID }
        #expect(Set(optedOutAndBack.map(\.conversationID)).count == 1)
        let open = events.conversations.filter { $0.endedAt == nil }
        #expect(open.map(\.conversationID) == [later.conversationID])
        let closed = try #require(events.conversations.first { $0.conversationID == first.conversationID })
        #expect(closed.outcome == "inactive")
        #expect(closed.flow == "+18885550100")
        #expect(closed.endedAt == first.at)
    }

    @Test func oneVariantAllWithEveryCustomerAssignedAtTheirFirstSend() throws {
        #expect(events.variants.map(\.name) == ["all"])
        #expect(events.variants[0].share == 1)
        #expect(events.assignments.count == 7)
        let assignment = try #require(events.assignments.first { $0.customerID == (try? message(11))?.customerID })
        #expect(assignment.assignedAt == (try message(11)).at)
    }

    @Test func theRunRecordsTheFileHashAndTheKeySource() throws {
        let run = try #require(events.runs.first)
        #expect(run.kind == "import")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Scratch.fixture("console-export.csv"))))
        #expect(run.sourceSHA256 == SHA256.hex(bytes))
        #expect(run.configJSON.contains("\"phone_hash_key_source\":\"default\""))
        #expect(run.configJSON.contains("\"naive_dates_assumed_utc\":1"))
        #expect(run.configJSON.contains("\"conversation_gap_hours\":48"))
    }
}
