/// How every number was made: each metric's numerator, denominator and window, each test, the data's origin.
public struct MethodsFooter: Sendable, Hashable {
    public struct Definition: Sendable, Hashable {
        public var metric: String
        public var numerator: String
        public var denominator: String
        /// "72 h after first send"; "—" when the metric has no window.
        public var window: String
        /// Unique or not, what is excluded, the unit of analysis.
        public var notes: String?

        public init(metric: String, numerator: String, denominator: String, window: String, notes: String? = nil) {
            self.metric = metric
            self.numerator = numerator
            self.denominator = denominator
            self.window = window
            self.notes = notes
        }
    }

    /// A named method and its formula, e.g. ("Wilson interval", "centre = (p̂ + z²/2n) / (1 + z²/n), …").
    public struct Method: Sendable, Hashable {
        public var name: String
        public var text: String

        public init(_ name: String, _ text: String) {
            self.name = name
            self.text = text
        }
    }

    public var definitions: [Definition]
    public var methods: [Method]
    /// Data origin: run id, seed, source file and its SHA-256, row counts, attribution preset.
    public var provenance: [KeyValueList.Item]
    public var notes: [String]

    public init(
        definitions: [Definition] = [],
        methods: [Method] = [],
        provenance: [KeyValueList.Item] = [],
        notes: [String] = []
    ) {
        self.definitions = definitions
        self.methods = methods
        self.provenance = provenance
        self.notes = notes
    }
}
