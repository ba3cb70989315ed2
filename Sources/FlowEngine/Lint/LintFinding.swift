/// One problem the linter found: how bad, where (JSON path), what is wrong and how to fix it.
public struct LintFinding: Sendable, Equatable, Codable {
    /// Errors fail `flow lint` (exit 1); warnings are worth a look but may be deliberate.
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// A stable rule name, e.g. "reserved-keyword-answer", for filtering and tests.
    public var rule: String
    /// `$.nodes[3].router.cases[1]`.
    public var path: String
    public var message: String
    /// What to change.
    public var hint: String

    public init(severity: Severity, rule: String, path: String, message: String, hint: String) {
        self.severity = severity
        self.rule = rule
        self.path = path
        self.message = message
        self.hint = hint
    }
}
