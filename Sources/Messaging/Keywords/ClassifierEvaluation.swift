/// How the keyword layer judges a labelled set of replies (`datasets/replies/labelled.csv`): opt-out recall and the
/// share of replies not about messages that it holds back, the two numbers issue 13 sets goals for.
///
/// Recall counts an opt-out as caught only when it is classed as an opt-out (exact or phrase): a review hold
/// suppresses marketing but leaves a revocation waiting for a person, which the 10-business-day rule does not
/// excuse. A false hold is a help, opt-in or ordinary reply classed as opt-out or review.
public struct ClassifierEvaluation: Sendable {
    /// One labelled reply and what the policy made of it.
    public struct Row: Sendable, Hashable {
        /// Where the reply sits in its file (the CSV row's line), for fixing it.
        public var line: Int
        public var text: String
        public var expected: KeywordClass
        public var actual: KeywordMatch

        public init(line: Int, text: String, expected: KeywordClass, actual: KeywordMatch) {
            self.line = line
            self.text = text
            self.expected = expected
            self.actual = actual
        }

        /// True when the label is an opt-out and the policy did not class it as one.
        public var isMissedOptOut: Bool { expected.isOptOut && !actual.keywordClass.isOptOut }
        /// True when the reply is not about messages but the policy held marketing because of it.
        public var isFalseHold: Bool { !expected.suppressesMarketing && actual.keywordClass.suppressesMarketing }
    }

    /// Issue 13: no opt-out is ever missed.
    public static let recallGoal = 1.0
    /// Issue 13: at most 2% of replies that are not about messages are held for review (or opted out).
    public static let falseHoldGoal = 0.02

    public let rows: [Row]

    /// Classifies every labelled reply with `policy`.
    /// - Complexity: O(n) classifications.
    public init(policy: KeywordPolicy = .standard, labelled: [(line: Int, text: String, expected: KeywordClass)]) {
        rows = labelled.map {
            Row(line: $0.line, text: $0.text, expected: $0.expected, actual: policy.classify($0.text))
        }
    }

    /// Replies labelled opt-out (exact or phrase).
    public var optOuts: Int { rows.count { $0.expected.isOptOut } }
    /// Of those, classed as an opt-out.
    public var optOutsCaught: Int { rows.count { $0.expected.isOptOut && $0.actual.keywordClass.isOptOut } }
    /// Of those, at least held (opt-out or review): marketing stops either way.
    public var optOutsHeld: Int { rows.count { $0.expected.isOptOut && $0.actual.keywordClass.suppressesMarketing } }
    /// `optOutsCaught / optOuts`; 1 for an empty set.
    public var optOutRecall: Double { ratio(optOutsCaught, optOuts, empty: 1) }

    /// Replies labelled help, opt-in or none: not about stopping messages.
    public var notAboutMessages: Int { rows.count { !$0.expected.suppressesMarketing } }
    /// Of those, classed as opt-out or review.
    public var falseHolds: Int { rows.count(where: \.isFalseHold) }
    /// `falseHolds / notAboutMessages`; 0 for an empty set.
    public var falseHoldRate: Double { ratio(falseHolds, notAboutMessages, empty: 0) }

    /// Replies labelled needs-review, and how many the policy held (as review or opt-out).
    public var reviewLabelled: Int { rows.count { $0.expected == .needsReview } }
    public var reviewHeld: Int {
        rows.count { $0.expected == .needsReview && $0.actual.keywordClass.suppressesMarketing }
    }

    /// Replies whose class is exactly the label.
    public var agreements: Int { rows.count { $0.expected == $0.actual.keywordClass } }

    /// Counts by expected class (rows) and actual class (columns), both in `KeywordClass.allCases` order.
    public var confusion: [[Int]] {
        let classes = KeywordClass.allCases
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: classes.count)
        for row in rows {
            let expected = classes.firstIndex(of: row.expected) ?? 0
            let actual = classes.firstIndex(of: row.actual.keywordClass) ?? 0
            matrix[expected][actual] += 1
        }
        return matrix
    }

    /// True when recall and false holds meet the goals.
    public var meetsGoals: Bool { optOutRecall >= Self.recallGoal && falseHoldRate <= Self.falseHoldGoal }

    private func ratio(_ part: Int, _ whole: Int, empty: Double) -> Double {
        whole == 0 ? empty : Double(part) / Double(whole)
    }
}

extension KeywordClass {
    /// True for the two opt-out classes.
    public var isOptOut: Bool { self == .optOutExact || self == .optOutPhrase }
}
