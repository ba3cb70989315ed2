import EventLog
import Foundation

/// A small run that touches every event-log table, with nils, emoji and edge values where columns allow them.
enum SampleRun {
    static func batch(runID: Int64 = 1) -> EventBatch {
        EventBatch(
            runs: [
                RunRecord(
                    id: runID,
                    kind: "simulation",
                    source: "datasets/experiments/cart.json",
                    seed: Int64.min,
                    configJSON: #"{"customers":2,"seed":-9223372036854775808}"#,
                    toolVersion: "0.1.0",
                    createdAt: 1_764_374_400_000,
                    sourceSHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                )
            ],
            variants: [
                VariantRecord(
                    runID: runID,
                    variantID: 1,
                    name: "two-way",
                    flow: "flows/cart.json",
                    share: 0.45,
                    isHoldout: false
                ),
                VariantRecord(runID: runID, variantID: 2, name: "holdout", flow: "", share: 0.1, isHoldout: true),
            ],
            customers: [
                CustomerRecord(
                    runID: runID,
                    customerID: 1,
                    maskedPhone: "+1 415 ***-**23",
                    phoneHash: -42,
                    timeZone: "America/Los_Angeles",
                    state: "CA",
                    segment: "vip",
                    attributesJSON: #"{"first_name":"Zoë","cart":{"total":8450}}"#,
                    fictionalPhone: "+14155550123"
                ),
                CustomerRecord(
                    runID: runID,
                    customerID: 2,
                    maskedPhone: "+1 212 ***-**07",
                    phoneHash: Int64.max,
                    timeZone: "America/New_York",
                    state: "",
                    segment: "new",
                    attributesJSON: "{}"
                ),
            ],
            assignments: [
                AssignmentRecord(runID: runID, customerID: 1, variantID: 1, assignedAt: 1_764_374_460_000),
                AssignmentRecord(runID: runID, customerID: 2, variantID: 2),
            ],
            carts: [
                CartRecord(
                    runID: runID,
                    cartID: "c-1",
                    customerID: 1,
                    abandonedAt: 1_764_370_000_000,
                    valueCents: 8_450
                ),
                CartRecord(runID: runID, cartID: "c-2", customerID: 2, abandonedAt: 1_764_370_000_000, valueCents: 0),
            ],
            agentShifts: [
                AgentShiftRecord(
                    runID: runID,
                    agentID: 3,
                    startsAt: 1_764_374_400_000,
                    endsAt: 1_764_403_200_000,
                    concurrency: 3
                ),
                AgentShiftRecord(
                    runID: runID,
                    agentID: 4,
                    startsAt: 1_764_374_400_000,
                    endsAt: 1_764_374_400_000,
                    concurrency: 1
                ),
            ],
            conversations: [
                ConversationRecord(
                    runID: runID,
                    conversationID: 1,
                    customerID: 1,
                    flow: "cart",
                    startedAt: 1_764_374_460_000,
                    endedAt: 1_764_374_900_000,
                    outcome: "completed",
                    path: "welcome>offer:yes>checkout"
                ),
                ConversationRecord(
                    runID: runID,
                    conversationID: 2,
                    customerID: 2,
                    flow: "cart",
                    startedAt: 1_764_374_460_000,
                    endedAt: nil,
                    outcome: nil,
                    path: "welcome"
                ),
            ],
            messages: [
                MessageRecord(
                    runID: runID,
                    messageID: 1,
                    customerID: 1,
                    conversationID: 1,
                    direction: .outbound,
                    kind: .campaign,
                    at: 1_764_374_460_000,
                    body: "Hi Zoë, your cart ($84.50) is waiting 🛒",
                    segments: 1,
                    encoding: "UCS-2",
                    status: .delivered,
                    costMicrodollars: 8_300,
                    flowNode: "welcome",
                    purpose: .marketing,
                    subject: "cart-recovery",
                    businessNumber: "+14155550100",
                    externalID: "SM0123456789abcdef0123456789abcdef"
                ),
                MessageRecord(
                    runID: runID,
                    messageID: 2,
                    customerID: 1,
                    conversationID: 1,
                    direction: .inbound,
                    kind: .customer,
                    at: 1_764_374_520_000,
                    body: "",
                    segments: 1,
                    encoding: "GSM-7",
                    status: .received,
                    costMicrodollars: 0,
                    flowNode: "welcome",
                    intent: "sizing",
                    category: "Other"
                ),
                MessageRecord(
                    runID: runID,
                    messageID: 3,
                    customerID: 2,
                    conversationID: nil,
                    direction: .outbound,
                    kind: .compliance,
                    at: 1_764_374_400_000,
                    body: "You are unsubscribed. Reply START to resume.",
                    segments: 1,
                    encoding: "GSM-7",
                    status: .failed,
                    costMicrodollars: 8_300,
                    flowNode: nil,
                    purpose: .compliance,
                    errorCode: 30_003
                ),
            ],
            handoffs: [
                HandoffRecord(
                    runID: runID,
                    handoffID: 1,
                    conversationID: 1,
                    customerID: 1,
                    queue: "sizing",
                    queuedAt: 1_764_374_530_000,
                    pickedUpAt: 1_764_374_590_000,
                    closedAt: 1_764_374_800_000,
                    resolution: .resolved,
                    agentID: 3
                ),
                HandoffRecord(
                    runID: runID,
                    handoffID: 2,
                    conversationID: 2,
                    customerID: 2,
                    queue: "sizing",
                    queuedAt: 1_764_374_530_000,
                    pickedUpAt: nil,
                    closedAt: nil,
                    resolution: .open,
                    agentID: nil
                ),
            ],
            orders: [
                OrderRecord(
                    runID: runID,
                    orderID: 1,
                    customerID: 1,
                    at: 1_764_375_000_000,
                    valueCents: 8_450,
                    cartID: "c-1",
                    attributedMessageID: 1,
                    externalID: "#1001"
                ),
                OrderRecord(
                    runID: runID,
                    orderID: 2,
                    customerID: 2,
                    at: 1_764_375_000_000,
                    valueCents: 0,
                    cartID: nil,
                    attributedMessageID: nil
                ),
            ],
            consentEvents: [
                ConsentEventRecord(
                    runID: runID,
                    eventID: 1,
                    customerID: 2,
                    at: 1_764_374_390_000,
                    kind: .optOut,
                    keyword: "stop please",
                    source: "keyword",
                    scope: .all
                ),
                ConsentEventRecord(
                    runID: runID,
                    eventID: 2,
                    customerID: 1,
                    at: 1_764_000_000_000,
                    kind: .optIn,
                    keyword: nil,
                    source: "checkout"
                ),
                ConsentEventRecord(
                    runID: runID,
                    eventID: 3,
                    customerID: 1,
                    at: 1_764_374_600_000,
                    kind: .reviewHold,
                    keyword: "not now",
                    source: "keyword"
                ),
            ],
            suppressions: [
                SuppressionRecord(
                    runID: runID,
                    suppressionID: 1,
                    customerID: 2,
                    at: 1_764_374_460_000,
                    reason: .optedOut,
                    deferredUntil: nil,
                    subject: "cart-reminder"
                ),
                SuppressionRecord(
                    runID: runID,
                    suppressionID: 2,
                    customerID: 1,
                    at: 1_764_374_000_000,
                    reason: .quietHours,
                    deferredUntil: 1_764_374_460_000,
                    subject: "cart-reminder",
                    rule: "Federal"
                ),
            ],
            quarantine: [
                QuarantineRecord(runID: runID, file: "orders.csv", line: 7, reason: "no order id", rawText: ",,12.00"),
                QuarantineRecord(
                    runID: runID,
                    file: "twilio.csv",
                    line: 7,
                    reason: "unparseable date 'yesterday'",
                    rawText: "SM123,yesterday,\"Hi, there\""
                ),
            ]
        )
    }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
