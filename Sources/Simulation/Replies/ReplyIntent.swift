/// What a simulated customer means by a reply: the ground truth recorded beside each inbound text
/// (`messages.intent`), so analytics can tabulate intent × routed category per node.
///
/// Raw values are what the event log stores and what the reply corpus names its sections.
public enum ReplyIntent: String, Sendable, CaseIterable, Hashable {
    /// Yes, I want it; send the link.
    case yesBuy = "yes_buy"
    /// No, not now.
    case no
    case questionShipping = "question_shipping"
    case questionPrice = "question_price"
    case questionSizing = "question_sizing"
    case questionDiscount = "question_discount"
    case complaint
    /// Off-menu talk that answers nothing.
    case chatter
    /// Asks for a person.
    case agent
    /// Gives a size when asked for one ("usually an 8", "size nine").
    case size
    /// Revokes consent, as a keyword or in words.
    case stop
    case help
    /// Opts back in after an opt-out.
    case start

    /// The question intents, in the order an off-topic question is drawn from.
    public static let questions: [ReplyIntent] = [.questionShipping, .questionPrice, .questionSizing, .questionDiscount]

    /// Intents an intent mix may weigh ("question" stands for the four question intents).
    public static let mixable: [String] = [
        "yes_buy", "no", "question", "complaint", "chatter", "agent", "size", "help",
    ]

    /// True for the four question intents.
    public var isQuestion: Bool { Self.questions.contains(self) }
}
