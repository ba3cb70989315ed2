/// One named reduction over the event-log schema, kept as text so `--print-sql` can show exactly what ran.
///
/// The texts are portable SQL: ANSI joins, `CASE` sums, `COALESCE`, window functions with `ROW_NUMBER()`,
/// integer epoch milliseconds compared by subtraction; no SQLite-only functions, so the same text runs on DuckDB
/// (and, with the table names, on a warehouse). The run id and the windows are written into the text as integer
/// literals rather than bound, so a printed query runs as it is.
public struct MetricQuery: Sendable, Hashable {
    /// Stable name, e.g. "customer_totals".
    public var name: String
    /// What one result row is, e.g. "one row per variant: sufficient statistics of every customer metric".
    public var purpose: String
    /// The text with `{run}`, `{reply_ms}`, `{conversion_ms}` and `{opt_out_ms}` placeholders.
    public var template: String

    public init(name: String, purpose: String, template: String) {
        self.name = name
        self.purpose = purpose
        self.template = template
    }

    /// The text for one run and window, placeholders replaced by integer literals.
    public func sql(run: Int64, window: AttributionWindow) -> String {
        var text = template
        for (key, value) in [
            ("{run}", run), ("{reply_ms}", window.replyMilliseconds),
            ("{conversion_ms}", window.conversionMilliseconds), ("{opt_out_ms}", window.optOutMilliseconds),
        ] {
            text = text.replacingEvery(key, with: String(value))
        }
        return text
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free, for query templates).
    func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
