/// What a run produced, per arm: the numbers `replylab simulate` prints at the end.
public struct RunSummary: Sendable, Equatable {
    public struct Arm: Sendable, Equatable {
        public var name: String
        public var isHoldout: Bool
        public var customers = 0
        /// Outbound texts of every kind (campaign, auto, agent, compliance).
        public var messages = 0
        public var delivered = 0
        /// Inbound texts, keywords included.
        public var replies = 0
        public var handoffs = 0
        public var abandonedHandoffs = 0
        public var orders = 0
        public var revenueCents: Int64 = 0
        public var optOuts = 0
        public var suppressions = 0
        public var costMicrodollars: Int64 = 0
    }

    public var runID: Int64
    public var seed: UInt64
    public var arms: [Arm]
    /// Events the kernel processed, over both phases.
    public var events: UInt64 = 0
    /// Customers who met an agent (simulated in the shared agents' phase).
    public var customersWithAgents = 0

    public var customers: Int { arms.reduce(0) { $0 + $1.customers } }
}
