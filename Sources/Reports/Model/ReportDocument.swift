/// A whole report: title, the health banner first, ordered sections of blocks, the methods footer.
///
/// Plain values only: analytics results are converted into these by the caller, so the renderers know nothing of
/// how a number was computed and the same model renders to HTML, CSV and markdown.
public struct ReportDocument: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    /// Shown under the title: run id, seed, attribution window, and a "generated at" only when passed in.
    public var facts: [KeyValueList.Item]
    /// The variants in display order; a variant keeps its colour in every chart.
    public var variants: [String]
    public var health: HealthBanner?
    public var sections: [ReportSection]
    public var methods: MethodsFooter?

    public init(
        title: String,
        subtitle: String? = nil,
        facts: [KeyValueList.Item] = [],
        variants: [String] = [],
        health: HealthBanner? = nil,
        sections: [ReportSection] = [],
        methods: MethodsFooter? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.facts = facts
        self.variants = variants
        self.health = health
        self.sections = sections
        self.methods = methods
    }
}

/// A titled part of the report with its blocks in reading order.
public struct ReportSection: Sendable, Hashable {
    public var title: String
    /// A sentence under the heading saying what the section answers.
    public var summary: String?
    public var blocks: [ReportBlock]

    public init(_ title: String, summary: String? = nil, blocks: [ReportBlock]) {
        self.title = title
        self.summary = summary
        self.blocks = blocks
    }
}

/// One piece of a section.
public enum ReportBlock: Sendable, Hashable {
    case paragraph(String)
    case callout(Callout)
    case comparison(ComparisonTable)
    case forest(ForestPlot)
    case funnel(Funnel)
    case distribution(DistributionChart)
    case line(LineChart)
    case bars(BarChart)
    case table(DataTable)
    case confusion(ConfusionTable)
    case keyValues(KeyValueList)
    case audit(AuditReport)
}

/// Choices that change what a rendered report reveals.
public struct ReportOptions: Sendable, Hashable {
    /// Phone numbers found in any text are masked unless this is on (`--show-numbers`).
    public var showNumbers: Bool
    /// Tables link to their CSV twins (relative links to files written beside the HTML).
    public var linkCSVTwins: Bool

    public init(showNumbers: Bool = false, linkCSVTwins: Bool = true) {
        self.showNumbers = showNumbers
        self.linkCSVTwins = linkCSVTwins
    }
}
