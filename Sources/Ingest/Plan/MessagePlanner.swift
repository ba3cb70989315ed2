import EventLog
import Messaging

/// Turns a parsed log into the event log's shape: messages in time order, customers, conversations, who wrote each
/// text, why it was sent, what each reply meant for consent, and which variant each customer was in.
///
/// The documented rules (README of the import command; all thresholds in `ImportMapping`):
/// - **Order.** Messages are numbered by time, ties in file order; customers by their first message.
/// - **Threads.** A conversation is the texts between one business number and one customer with no silence longer
///   than the gap (48 h by default). It is closed (`ended_at` = its last text, outcome `inactive`, or
///   `opted_out` when the customer opted out in it) once the gap has passed before the log's last text; otherwise
///   it is still open. `conversations.flow` holds the business number: an imported log names no flow.
/// - **Kind.** Inbound texts are `customer`. An outbound text is, in this order: the kind the mapping's kind
///   column gives; the kind the mapping gives its business number; `compliance` when it answers, within the
///   auto-reply window (60 s), a STOP/HELP/START the keyword layer acted on; `auto` when Twilio logged it as a
///   TwiML reply (`outbound-reply`); when the customer has written earlier in the conversation, `auto` if it
///   came within the window of the customer's latest text and `agent` if later; otherwise `campaign`. A
///   non-campaign text worded as Messaging's opt-out confirmation (`ComplianceReplies`, any brand) to a customer
///   the log does not show opted out is `compliance` unless the mapping gave its kind.
/// - **Decided opt-outs.** That confirmation is the log's only trace of an opt-out a reviewer or agent decided on
///   a reply held for review: it records an opt-out (scope `all`, the wording's "no more messages") at the text's
///   time, with the held reply's keyword, and closes the conversation as `opted_out`.
/// - **Hand-offs.** A message log has no queue, so hand-offs are rebuilt from agents' texts: one per conversation
///   an agent wrote in, queued at the customer's latest non-keyword text before the first agent text (queue
///   `review` when that text was held for review, else `agent`), picked up at the first agent text and closed,
///   `resolved`, at the last agent text or the decided-opt-out confirmation after it. No agent id (the log names
///   none). A hand-off no agent ever answered leaves no trace and is not rebuilt; an agent's wrap-up after the
///   last text is not in the log, so imported time-to-resolution ends at the last text.
/// - **Purpose.** campaign → marketing; auto and agent → transactional; compliance → compliance.
/// - **Keywords.** Each inbound text meets Messaging's `KeywordPolicy`: a carrier keyword or clear revocation is
///   an opt-out (scope `all` for a carrier keyword, which blocks the number at Twilio; for a phrase the mapping's
///   `opt_out_phrase_scope`, `marketing` by default),
///   category "(opt-out)", or "(ignored)" when the customer had already opted out; HELP/INFO is a help event,
///   "(help)"; START/UNSTOP, and YES from a customer opted out in this log, is an opt-in, "(opt-in)"; an
///   ambiguous reply is a review hold, "(review)"; anything else has no category (an import knows no router).
/// - **Variants.** A customer's variant comes from the mapping's `customers` list, else the variant column on
///   the customer's first text that has one, else the mapping's entry for the business number of the customer's
///   first text, else `default_variant` ("all"). `assigned_at` is the mapping's time, else the customer's first
///   outbound text, else the first text. A customer's segment is the mapping's, else "unknown".
struct MessagePlanner {
    let mapping: ImportMapping
    let phoneHashKey: UInt64
    let runID: Int64

    /// Category codes per row; 0 is none.
    static let categoryWords = ["", "(opt-out)", "(help)", "(opt-in)", "(review)", "(ignored)"]

    struct Plan {
        /// Row indexes in message-id order: message id = position + 1.
        var order: [Int32] = []
        var customerOfRow: [Int32] = []
        var conversationOfRow: [Int32] = []
        var kindOfRow: [MessageKind] = []
        var categoryOfRow: [UInt8] = []
        var customers = CustomerDirectory()
        var conversations: [ConversationRecord] = []
        var consentEvents: [ConsentEventRecord] = []
        var handoffs: [HandoffRecord] = []
        var variants: [VariantRecord] = []
        var assignments: [AssignmentRecord] = []
        var kindCounts: [MessageKind: Int] = [:]
        var consentCounts: [ConsentEventKind: Int] = [:]
        /// Customers whose texts came from numbers the mapping puts in different variants.
        var customersOnSeveralVariants = 0
    }

    func plan(_ log: ParsedMessageLog) -> Plan {
        var plan = Plan()
        let rows = log.rows
        plan.order = Array(0..<Int32(rows.count))
        plan.order.sort { left, right in
            let a = rows[Int(left)]
            let b = rows[Int(right)]
            return a.at != b.at ? a.at < b.at : a.ordinal < b.ordinal
        }
        plan.customerOfRow = Array(repeating: -1, count: rows.count)
        plan.conversationOfRow = Array(repeating: -1, count: rows.count)
        plan.kindOfRow = Array(repeating: .customer, count: rows.count)
        plan.categoryOfRow = Array(repeating: 0, count: rows.count)
        let lastAt = plan.order.last.map { rows[Int($0)].at } ?? 0
        let gap = mapping.conversationGapMilliseconds
        let window = mapping.autoReplyMilliseconds
        let numberRules = log.businessNumbers.map { mapping.numbers[$0] }

        var threads: [Int64: Int32] = [:]
        var threadStates: [ThreadState] = []
        var customerStates: [CustomerState] = []
        var openConversations: [OpenConversation] = []
        for position in 0..<plan.order.count {
            let index = Int(plan.order[position])
            let row = rows[index]
            let customer = plan.customers.index(
                of: row.customer,
                key: phoneHashKey,
                runID: runID,
                whenNew: { customerStates.append(CustomerState()) }
            )
            plan.customerOfRow[index] = customer
            let threadKey = Int64(row.business) << 40 | row.customer
            let thread: Int
            if let found = threads[threadKey] {
                thread = Int(found)
            } else {
                thread = threadStates.count
                threads[threadKey] = Int32(thread)
                threadStates.append(ThreadState())
            }
            // A new conversation after the gap.
            if threadStates[thread].conversation < 0 || row.at - threadStates[thread].lastAt > gap {
                threadStates[thread] = ThreadState(conversation: Int32(openConversations.count), lastAt: row.at)
                openConversations.append(
                    OpenConversation(customer: customer, business: row.business, startedAt: row.at, lastAt: row.at)
                )
            }
            let conversation = Int(threadStates[thread].conversation)
            plan.conversationOfRow[index] = Int32(conversation)
            openConversations[conversation].lastAt = row.at
            threadStates[thread].lastAt = row.at

            var state = customerStates[Int(customer)]
            if state.variantFromColumn < 0, row.variant >= 0 { state.variantFromColumn = row.variant }
            if state.firstBusiness < 0 { state.firstBusiness = row.business }
            if let variant = numberRules[Int(row.business)]?.variant {
                if let seen = state.numberVariant, seen != variant { state.severalVariants = true }
                state.numberVariant = state.numberVariant ?? variant
            }
            if row.direction.isInbound {
                let category = consent(row, log, customer: customer, &state, &plan)
                plan.categoryOfRow[index] = category
                if category == 1 { openConversations[conversation].optedOut = true }
                if category == 3 { openConversations[conversation].optedOut = false }
                threadStates[thread].lastInboundAt = row.at
                threadStates[thread].lastInboundWasKeyword = category >= 1 && category <= 3
                if category == 0 || category == 4 {
                    threadStates[thread].lastQuestionAt = row.at
                    threadStates[thread].lastQuestionHeld = category == 4
                    threadStates[thread].lastQuestionKeyword = row.keywordText
                }
                plan.kindOfRow[index] = .customer
            } else {
                if state.firstOutboundAt == nil { state.firstOutboundAt = row.at }
                let rule = numberRules[Int(row.business)]
                var kind = inferKind(row, threadStates[thread], rule, window: window)
                if kind != .campaign, !state.optedOut, log.arena.withBytes(row.body, ConfirmationWording.optOut.matches)
                {
                    // The confirmation with no keyword before it: someone decided a held reply was an opt-out.
                    if row.kindOverride == nil && rule?.kind == nil { kind = .compliance }
                    state.optedOut = true
                    let question = threadStates[thread]
                    recordConsent(
                        .optOut,
                        scope: .all,
                        keyword: question.lastQuestionHeld && question.lastQuestionKeyword >= 0
                            ? log.keywords[Int(question.lastQuestionKeyword)] : nil,
                        customer: customer,
                        at: row.at,
                        &plan
                    )
                    openConversations[conversation].optedOut = true
                    if openConversations[conversation].handoff >= 0 {
                        plan.handoffs[Int(openConversations[conversation].handoff)].closedAt = row.at
                    }
                }
                if kind == .agent {
                    rebuildHandoff(
                        at: row.at,
                        threadStates[thread],
                        conversation: conversation,
                        customer: customer,
                        &openConversations,
                        &plan
                    )
                }
                plan.kindOfRow[index] = kind
            }
            if state.firstAt == nil { state.firstAt = row.at }
            customerStates[Int(customer)] = state
            plan.kindCounts[plan.kindOfRow[index], default: 0] += 1
        }
        plan.conversations = openConversations.enumerated().map { number, open in
            let closed = open.optedOut || lastAt - open.lastAt > gap
            return ConversationRecord(
                runID: runID,
                conversationID: Int64(number + 1),
                customerID: Int64(open.customer) + 1,
                flow: log.businessNumbers[Int(open.business)],
                startedAt: open.startedAt,
                endedAt: closed ? open.lastAt : nil,
                outcome: closed ? (open.optedOut ? "opted_out" : "inactive") : nil,
                path: ""
            )
        }
        assignVariants(log, customerStates, &plan)
        return plan
    }

    // MARK: Rules

    private func inferKind(
        _ row: ParsedMessage,
        _ thread: ThreadState,
        _ rule: ImportMapping.NumberRule?,
        window: Int64
    ) -> MessageKind {
        if let kind = row.kindOverride, kind != .customer { return kind }
        if let kind = rule?.kind { return kind }
        let sinceReply = thread.lastInboundAt.map { row.at - $0 }
        if let sinceReply, thread.lastInboundWasKeyword, sinceReply <= window { return .compliance }
        if row.direction == .outboundReply { return .auto }
        if let sinceReply { return sinceReply <= window ? .auto : .agent }
        return .campaign
    }

    /// An agent's text: opens the conversation's hand-off (queued at the customer's latest question, picked up
    /// now) or moves its close to now.
    private func rebuildHandoff(
        at: Int64,
        _ thread: ThreadState,
        conversation: Int,
        customer: Int32,
        _ conversations: inout [OpenConversation],
        _ plan: inout Plan
    ) {
        if conversations[conversation].handoff >= 0 {
            plan.handoffs[Int(conversations[conversation].handoff)].closedAt = at
            return
        }
        conversations[conversation].handoff = Int32(plan.handoffs.count)
        plan.handoffs.append(
            HandoffRecord(
                runID: runID,
                handoffID: Int64(plan.handoffs.count + 1),
                conversationID: Int64(conversation + 1),
                customerID: Int64(customer) + 1,
                queue: thread.lastQuestionHeld ? "review" : "agent",
                queuedAt: thread.lastQuestionAt ?? at,
                pickedUpAt: at,
                closedAt: at,
                resolution: .resolved,
                agentID: nil
            )
        )
    }

    private func recordConsent(
        _ kind: ConsentEventKind,
        scope: ConsentScope?,
        keyword: String?,
        customer: Int32,
        at: Int64,
        _ plan: inout Plan
    ) {
        plan.consentEvents.append(
            ConsentEventRecord(
                runID: runID,
                eventID: Int64(plan.consentEvents.count + 1),
                customerID: Int64(customer) + 1,
                at: at,
                kind: kind,
                keyword: keyword,
                source: ConsentSource.keyword.rawValue,
                scope: scope
            )
        )
        plan.consentCounts[kind, default: 0] += 1
    }

    /// The keyword layer on one inbound text; returns its category code and records the consent event.
    private func consent(
        _ row: ParsedMessage,
        _ log: ParsedMessageLog,
        customer: Int32,
        _ state: inout CustomerState,
        _ plan: inout Plan
    ) -> UInt8 {
        let keyword = row.keywordText >= 0 ? log.keywords[Int(row.keywordText)] : nil
        func record(_ kind: ConsentEventKind, scope: ConsentScope? = nil) {
            recordConsent(kind, scope: scope, keyword: keyword, customer: customer, at: row.at, &plan)
        }
        switch row.keyword {
        case .optOutExact, .optOutPhrase:
            if state.optedOut { return 5 }
            state.optedOut = true
            record(.optOut, scope: row.keyword == .optOutExact ? .all : mapping.optOutPhraseScope)
            return 1
        case .help:
            record(.help)
            return 2
        case .optIn:
            guard keyword?.uppercased() != "YES" || state.optedOut else { return 0 }
            state.optedOut = false
            record(.optIn)
            return 3
        case .needsReview:
            record(.reviewHold)
            return 4
        case .none:
            return 0
        }
    }

    private func assignVariants(_ log: ParsedMessageLog, _ states: [CustomerState], _ plan: inout Plan) {
        var names: [String] = mapping.variants.map(\.name)
        func variantIndex(_ name: String) -> Int {
            if let found = names.firstIndex(of: name) { return found }
            names.append(name)
            return names.count - 1
        }
        var chosen: [(customer: Int32, variant: Int, at: Int64?)] = []
        for (customer, state) in states.enumerated() {
            let national = plan.customers.phones[customer].nationalNumber
            let rule = mapping.customers[national]
            if let segment = rule?.segment { plan.customers.setSegment(segment, ofIndex: Int32(customer)) }
            let name =
                rule?.variant ?? (state.variantFromColumn >= 0 ? log.variantNames[Int(state.variantFromColumn)] : nil)
                ?? state.numberVariant ?? mapping.defaultVariant
            if state.severalVariants && rule == nil && state.variantFromColumn < 0 {
                plan.customersOnSeveralVariants += 1
            }
            chosen.append(
                (Int32(customer), variantIndex(name), rule?.assignedAt ?? state.firstOutboundAt ?? state.firstAt)
            )
        }
        // Customers the mapping assigns who never texted (a holdout): customers of the run all the same.
        for rule in mapping.customers.values.sorted(by: { $0.phone < $1.phone })
        where plan.customers.existingIndex(of: rule.phone.nationalNumber) == nil {
            let customer = plan.customers.index(of: rule.phone.nationalNumber, key: phoneHashKey, runID: runID)
            if let segment = rule.segment { plan.customers.setSegment(segment, ofIndex: customer) }
            chosen.append((customer, variantIndex(rule.variant), rule.assignedAt))
        }
        var counts = Array(repeating: 0, count: names.count)
        for entry in chosen { counts[entry.variant] += 1 }
        let total = max(chosen.count, 1)
        plan.variants = names.enumerated().map { number, name in
            let declared = mapping.variants.first { $0.name == name }
            return VariantRecord(
                runID: runID,
                variantID: Int64(number + 1),
                name: name,
                flow: declared?.flow ?? "imported from \(log.file)",
                share: declared?.share ?? Double(counts[number]) / Double(total),
                isHoldout: declared?.isHoldout ?? false
            )
        }
        plan.assignments = chosen.map {
            AssignmentRecord(
                runID: runID,
                customerID: Int64($0.customer) + 1,
                variantID: Int64($0.variant + 1),
                assignedAt: $0.at
            )
        }
    }

    private struct ThreadState {
        var conversation: Int32 = -1
        var lastAt: Int64 = 0
        var lastInboundAt: Int64?
        var lastInboundWasKeyword = false
        /// The customer's latest text in the conversation that was not a STOP/HELP/START keyword.
        var lastQuestionAt: Int64?
        /// Whether that text was held for review, and its index in `ParsedMessageLog.keywords` (-1 for none).
        var lastQuestionHeld = false
        var lastQuestionKeyword: Int32 = -1
    }

    private struct CustomerState {
        var optedOut = false
        var variantFromColumn: Int32 = -1
        var numberVariant: String?
        var severalVariants = false
        var firstBusiness: Int32 = -1
        var firstOutboundAt: Int64?
        var firstAt: Int64?
    }

    private struct OpenConversation {
        var customer: Int32
        var business: Int32
        var startedAt: Int64
        var lastAt: Int64
        var optedOut = false
        /// Index into `Plan.handoffs`, -1 while no agent has written.
        var handoff: Int32 = -1
    }
}

/// The customers of one run, by phone and by keyed hash: ids are positions + 1.
struct CustomerDirectory {
    private(set) var phones: [PhoneNumber] = []
    private(set) var records: [CustomerRecord] = []
    private var byNational: [Int64: Int32] = [:]
    private(set) var byHash: [Int64: Int32] = [:]
    /// Ids already used in the run before this load (adding orders to an earlier run).
    var firstID: Int64 = 1

    func existingIndex(of national: Int64) -> Int32? { byNational[national] }

    /// Gives the customer at `index` the segment a mapping names.
    mutating func setSegment(_ segment: String, ofIndex index: Int32) { records[Int(index)].segment = segment }

    /// The index of the customer with ten-digit number `national`, adding a customer row when new.
    mutating func index(of national: Int64, key: UInt64, runID: Int64, whenNew: () -> Void = {}) -> Int32 {
        if let found = byNational[national] { return found }
        let phone = try! PhoneNumber(nationalNumber: national, allowFictional: true)
        let index = Int32(records.count)
        let hash = Int64(bitPattern: phone.keyedHash(key: key))
        let info = AreaCodeDirectory.nanp.lookup(phone.areaCode)
        records.append(
            CustomerRecord(
                runID: runID,
                customerID: firstID + Int64(index),
                maskedPhone: phone.masked,
                phoneHash: hash,
                timeZone: info?.timeZones.first ?? "",
                state: info?.state ?? "",
                segment: "unknown",
                attributesJSON: "{}",
                fictionalPhone: phone.isFictional ? phone.e164 : nil
            )
        )
        phones.append(phone)
        byNational[national] = index
        byHash[hash] = index
        whenNew()
        return index
    }
}
