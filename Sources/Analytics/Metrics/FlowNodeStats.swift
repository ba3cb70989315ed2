/// One flow node of one arm: conversations arriving, how its replies were sorted, where conversations stopped.
public struct FlowNodeStats: Sendable, Hashable {
    public var variantID: Int64
    public var node: String
    /// Conversations with ≥ 1 message at the node.
    public var arrivals: Int64
    /// Conversations whose last message was here and that ended by expiry, opt-out or failure, or never ended.
    public var droppedOff: Int64
    /// Of those, the ones the flow's expiry ended.
    public var expired: Int64
    /// Inbound texts at the node by category (router category or keyword word), most frequent first.
    public var categories: [CategoryCount]

    public init(
        variantID: Int64,
        node: String,
        arrivals: Int64,
        droppedOff: Int64,
        expired: Int64,
        categories: [CategoryCount] = []
    ) {
        self.variantID = variantID
        self.node = node
        self.arrivals = arrivals
        self.droppedOff = droppedOff
        self.expired = expired
        self.categories = categories
    }
}

/// Drawn intent × routed category counts of simulated replies: how well the flow understood customers.
public struct IntentConfusion: Sendable, Hashable {
    public var intents: [String]
    public var categories: [String]
    /// `counts[intent][category]`.
    public var counts: [[Int64]]

    public init(cells: [(intent: String, category: String, count: Int64)]) {
        intents = Array(Set(cells.map(\.intent))).sorted()
        categories = Array(Set(cells.map(\.category))).sorted()
        var counts = [[Int64]](repeating: [Int64](repeating: 0, count: categories.count), count: intents.count)
        let intentIndex = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        for cell in cells {
            counts[intentIndex[cell.intent]!][categoryIndex[cell.category]!] += cell.count
        }
        self.counts = counts
    }

    public var isEmpty: Bool { intents.isEmpty }

    /// The category that is the right answer for `intent`, when one is recognisably so: the same letters
    /// ("not_now" ↔ "Not now"), a category containing the intent ("buy" ↔ "Ready to buy"), or the keyword layer's
    /// word for the STOP/HELP intents.
    public func expectedCategory(for intent: String) -> Int? {
        let key = Self.letters(intent)
        let keywordWords = ["stop": "(opt-out)", "optout": "(opt-out)", "help": "(help)", "start": "(opt-in)"]
        if let word = keywordWords[key], let index = categories.firstIndex(of: word) { return index }
        if let exact = categories.firstIndex(where: { Self.letters($0) == key }) { return exact }
        guard key.count >= 3 else { return nil }
        return categories.firstIndex { Self.letters($0).contains(key) }
    }

    static func letters(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars
        where ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            kept.append(scalar)
        }
        return String(kept)
    }

    /// Correctly routed replies ÷ replies whose intent has an expected category, leaving out "(ignored)" replies
    /// that no router saw (a one-way arm's, or a conversation's after it ended).
    public var accuracy: Rate {
        let ignored = categories.firstIndex(of: "(ignored)")
        var right: Int64 = 0
        var total: Int64 = 0
        for (row, intent) in intents.enumerated() {
            guard let expected = expectedCategory(for: intent) else { continue }
            right += counts[row][expected]
            total += counts[row].reduce(0, +) - (ignored.map { counts[row][$0] } ?? 0)
        }
        return Rate(right, of: total)
    }
}

/// Replies sorted into one category.
public struct CategoryCount: Sendable, Hashable {
    public var category: String
    public var replies: Int64

    public init(_ category: String, replies: Int64) {
        self.category = category
        self.replies = replies
    }
}
