/// Names fixed once per document and shared by every renderer: section anchors and CSV twin file names, so the
/// HTML links point at exactly the files the CSV writer produces.
struct ReportLayout: Sendable {
    /// `id` attribute of each section.
    let sectionIDs: [String]
    /// CSV twin base name (no extension) of each block, nil for blocks without one (text, forest plots).
    let csvNames: [[String?]]
    /// CSV twin of the health banner, when there is one.
    let healthCSV: String?
    /// CSV twin of the methods footer's definitions, when there are any.
    let definitionsCSV: String?

    init(_ document: ReportDocument) {
        var usedIDs: Set<String> = ["health", "contents", "methods"]
        sectionIDs = document.sections.map { ReportLayout.unique(ReportLayout.slug($0.title), in: &usedIDs) }
        var usedNames: Set<String> = ["index", "tables"]
        healthCSV = document.health == nil ? nil : ReportLayout.unique("health", in: &usedNames)
        csvNames = document.sections.map { section in
            section.blocks.map { block in
                guard let requested = ReportLayout.requestedCSVName(block) else { return nil }
                var name = ReportLayout.unique(ReportLayout.slug(requested), in: &usedNames)
                if case .audit = block {
                    // The audit writes two files: findings under `name`, checks under `name-checks`.
                    while usedNames.contains(name + "-checks") {
                        name = ReportLayout.unique(ReportLayout.slug(requested), in: &usedNames)
                    }
                    usedNames.insert(name + "-checks")
                }
                return name
            }
        }
        let hasDefinitions = !(document.methods?.definitions.isEmpty ?? true)
        definitionsCSV = hasDefinitions ? ReportLayout.unique("metric-definitions", in: &usedNames) : nil
    }

    /// The block's own CSV name, or its title; nil for blocks that have no table behind them.
    static func requestedCSVName(_ block: ReportBlock) -> String? {
        switch block {
        case .paragraph, .callout, .forest: nil
        case .comparison(let b): b.csvName ?? b.title
        case .funnel(let b): b.csvName ?? b.title
        case .distribution(let b): b.csvName ?? b.title
        case .line(let b): b.csvName ?? b.title
        case .bars(let b): b.csvName ?? b.title
        case .table(let b): b.csvName ?? b.title
        case .confusion(let b): b.csvName ?? b.title
        case .keyValues(let b): b.csvName ?? b.title
        case .audit(let b): b.csvName ?? b.title
        }
    }

    /// Lowercase ASCII letters and digits joined by single hyphens: "Reply rate (72 h)" → "reply-rate-72-h".
    /// Phone numbers are masked first, always: file names and anchors are never hidden by `showNumbers`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in PhoneMasker.mask(text).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "table" : String(slug.prefix(60))
    }

    private static func unique(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
