import EventLog
import Foundation
import Messaging
import Testing

@testable import Ingest

/// The mapping file: other column names, who wrote each text, variants by number, column or customer list.
@Suite struct MappingTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    /// Two arms on two sending numbers; a support line whose every text is an agent's; a holdout nobody texted.
    static let log = """
        Message Id,Sender,Recipient,Text,State,Sent,Way,Written By,Arm
        SM00000000000000000000000000000001,+18885550100,+14155550101,Hi! Your cart is waiting.,delivered,2025-11-29T17:00:00Z,outbound-api,,
        SM00000000000000000000000000000002,+18775550100,+14155550102,Your cart is waiting.,delivered,2025-11-29T17:00:00Z,outbound-api,,
        SM00000000000000000000000000000003,+14155550101,+18885550100,is it waterproof?,received,2025-11-29T17:01:00Z,inbound,,
        SM00000000000000000000000000000004,+18885550100,+14155550101,Yes it is.,delivered,2025-11-29T17:01:02Z,outbound-api,Human,
        SM00000000000000000000000000000005,+18665550100,+14155550103,We are on it.,delivered,2025-11-29T18:00:00Z,outbound-api,,
        SM00000000000000000000000000000006,+18885550100,+14155550104,Hello,delivered,2025-11-29T19:00:00Z,outbound-api,,column-arm

        """

    static let mappingJSON = """
        {
          "note": "test mapping",
          "messages": {
            "columns": {"sid": "Message Id", "from": "Sender", "to": "Recipient", "body": "Text", "status": "State",
                        "sent_at": "Sent", "direction": "Way"},
            "conversation_gap_hours": 24,
            "auto_reply_seconds": 5,
            "kind_column": "Written By",
            "kind_values": {"human": "agent", "bot": "auto"},
            "variant_column": "Arm",
            "numbers": {"+18885550100": {"variant": "two-way"}, "(877) 555-0100": {"variant": "one-way"},
                        "+18665550100": {"kind": "agent", "variant": "support"}},
            "customers": {"+14155550199": {"variant": "holdout", "assigned_at": "2025-11-29T17:00:00Z"}},
            "variants": {"two-way": {"share": 0.45, "flow": "flows/cart.json"}, "one-way": {"share": 0.45},
                         "holdout": {"share": 0.1, "holdout": true}}
          }
        }
        """

    @Test func columnsKindsAndVariantsComeFromTheMapping() throws {
        let mapping = try ImportMapping(parsing: Array(Self.mappingJSON.utf8), file: "mapping.json")
        let (report, events) = try scratch.load(try scratch.file("log.csv", Self.log), mapping: mapping)
        #expect(report.messages.loaded == 6)
        #expect(report.messages.unusedColumns.isEmpty)
        let byBody = Dictionary(uniqueKeysWithValues: events.messages.map { ($0.body, $0) })
        #expect(byBody["Yes it is."]?.kind == .agent)  // the column says so, though it came 2 s after the question
        #expect(byBody["We are on it."]?.kind == .agent)  // the number says so
        #expect(byBody["Hi! Your cart is waiting."]?.kind == .campaign)
        #expect(events.variants.map(\.name) == ["two-way", "one-way", "holdout", "support", "column-arm"])
        #expect(events.variants.map(\.share) == [0.45, 0.45, 0.1, 0.2, 0.2])
        #expect(events.variants.map(\.isHoldout) == [false, false, true, false, false])
        #expect(events.variants[0].flow == "flows/cart.json")
        func variant(ofCustomerTexted body: String) -> String? {
            let customer = byBody[body]?.customerID
            let variantID = events.assignments.first { $0.customerID == customer }?.variantID
            return events.variants.first { $0.variantID == variantID }?.name
        }
        #expect(variant(ofCustomerTexted: "Hi! Your cart is waiting.") == "two-way")
        #expect(variant(ofCustomerTexted: "Your cart is waiting.") == "one-way")
        #expect(variant(ofCustomerTexted: "We are on it.") == "support")
        #expect(variant(ofCustomerTexted: "Hello") == "column-arm")
        // The holdout customer has no texts but is a customer of the run, assigned when the mapping says.
        let holdout = try #require(events.assignments.first { $0.variantID == 3 })
        #expect(holdout.assignedAt == Instant(year: 2025, month: 11, day: 29, hour: 17).epochMilliseconds)
        #expect(events.customers.first { $0.customerID == holdout.customerID }?.maskedPhone == "+1 415 ***-**99")
        #expect(events.runs.first?.configJSON.contains("\"conversation_gap_hours\":24") == true)
    }

    @Test func writtenMappingsReadBackTheSame() throws {
        let mapping = try ImportMapping(parsing: Array(Self.mappingJSON.utf8), file: "mapping.json")
        let text = mapping.jsonText
        let again = try ImportMapping(parsing: Array(text.utf8), file: "written.json")
        #expect(again == mapping)
        #expect(again.jsonText == text)
        #expect(text.contains("\"assigned_at\": \"2025-11-29T17:00:00.000Z\""))
    }

    @Test(arguments: [
        (
            #"{"messages": {"conversation_gap_hour": 24}}"#,
            #"m.json: $.messages.conversation_gap_hour: found the unknown key "conversation_gap_hour"; expected "conversation_gap_hours" (did you mean it?)"#
        ),
        (
            #"{"messages": {"numbers": {"+18885550100": {"kind": "robot"}}}}"#,
            #"m.json: $.messages.numbers["+18885550100"].kind: found the string "robot"; expected one of campaign, auto, agent, compliance"#
        ),
        (
            #"{"messages": {"numbers": {"not a number!": {}}}}"#,
            #"m.json: $.messages.numbers["not a number!"]: found the key "not a number!"; expected a phone number, a short code or a sender ID"#
        ),
        (
            #"{"orders": {"value_unit": "euros"}}"#,
            #"m.json: $.orders.value_unit: found the string "euros"; expected one of dollars, cents"#
        ),
        (
            #"{"messages": {"columns": {"sender": "From"}}}"#,
            #"m.json: $.messages.columns.sender: found the unknown key "sender"; expected one of the keys sid, from"#
        ),
        (
            #"{"messages": {"customers": {"+14155550199": {"variant": "a", "assigned_at": "2025-11-29 17:00"}}}}"#,
            #"m.json: $.messages.customers["+14155550199"].assigned_at: found "2025-11-29 17:00"; expected an ISO 8601 time with a zone"#
        ),
    ])
    func mistakesNameTheFileAndJSONPath(json: String, message: String) {
        let error = #expect(throws: IngestError.self) { try ImportMapping(parsing: Array(json.utf8), file: "m.json") }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
    }

    @Test func aMappedColumnMissingFromTheLogIsAnError() throws {
        var mapping = ImportMapping()
        mapping.kindColumn = "Agent"
        let error = #expect(throws: IngestError.self) {
            try scratch.load(Scratch.fixture("api-export.csv"), mapping: mapping)
        }
        #expect(error?.description.contains("'Agent' (named in the mapping file)") == true)
    }
}
