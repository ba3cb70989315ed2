/// Headline figures as tiles (revenue, cost, ROI), each with how it was computed.
public struct KeyValueList: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var key: String
        public var value: ReportValue
        /// The formula or interval, e.g. "(revenue − cost) ÷ cost".
        public var detail: String?

        public init(_ key: String, _ value: ReportValue, detail: String? = nil) {
            self.key = key
            self.value = value
            self.detail = detail
        }
    }

    public var title: String
    public var items: [Item]
    public var csvName: String?
    public var note: String?

    public init(title: String, items: [Item], csvName: String? = nil, note: String? = nil) {
        self.title = title
        self.items = items
        self.csvName = csvName
        self.note = note
    }
}
