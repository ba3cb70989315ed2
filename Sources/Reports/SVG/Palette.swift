/// Colours for charts: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
///
/// A variant keeps its colour across charts: colours follow the document's variant order, and names not
/// listed there take the next free colours in order of first use within a chart.
struct Palette: Sendable {
    /// Okabe & Ito (2008), "Color Universal Design", plus a dark purple. Bluish green and vermillion come late
    /// because they mean better and worse in results; grey reads as "no data", yellow is weak on white.
    static let series = [
        "#0072B2", "#E69F00", "#CC79A7", "#56B4E9", "#6A3D9A", "#7F7F7F", "#009E73", "#D55E00", "#F0E442",
    ]
    static let better = "#009E73"
    static let worse = "#D55E00"
    static let neutral = "#6B7280"
    static let ink = "#1F2937"
    static let muted = "#4B5563"
    static let grid = "#E5E7EB"
    static let axis = "#9CA3AF"

    let variants: [String]

    init(variants: [String]) { self.variants = variants }

    /// Colours for the named series of one chart, in order.
    func colors(for names: [String]) -> [String] {
        var next = variants.count
        return names.map { name in
            if let index = variants.firstIndex(of: name) { return Palette.series[index % Palette.series.count] }
            defer { next += 1 }
            return Palette.series[next % Palette.series.count]
        }
    }

    /// True when every name is a variant, e.g. the categories of an opt-out-rate-by-variant bar chart.
    func areAllVariants(_ names: [String]) -> Bool { !names.isEmpty && names.allSatisfy(variants.contains) }

    static func verdictColor(_ verdict: ComparisonVerdict) -> String {
        switch verdict {
        case .better: better
        case .worse: worse
        default: neutral
        }
    }
}
