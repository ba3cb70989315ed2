/// Corrections across several metrics × variants, so "one of twelve metrics moved" is not read as a finding.
public enum MultipleComparisons {
    /// Holm's step-down adjustment (controls the family-wise error rate, uniformly more powerful than Bonferroni):
    /// sort ascending, p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)). Holm, "A simple sequentially rejective
    /// multiple test procedure", Scandinavian Journal of Statistics 6 (1979). Returned in the input order; NaN
    /// p-values (tests that could not run) stay NaN and do not count towards m.
    /// - Complexity: O(m log m).
    public static func holm(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted {
            (pValues[$0], $0) < (pValues[$1], $1)
        }
        let m = order.count
        var adjusted = pValues
        var runningMax = 0.0
        for (rank, index) in order.enumerated() {
            runningMax = max(runningMax, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = runningMax
        }
        return adjusted
    }

    public static let holmName = "Holm–Bonferroni step-down"

    /// Benjamini–Hochberg false-discovery-rate adjustment: sort descending, p̃_(i) = min_{j ≥ i} min(1, m·p_(j)/j).
    /// Benjamini & Hochberg, JRSS B 57 (1995). Same order and NaN handling as `holm`.
    /// - Complexity: O(m log m).
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted {
            (pValues[$0], $0) < (pValues[$1], $1)
        }
        let m = order.count
        var adjusted = pValues
        var runningMin = 1.0
        for rank in stride(from: m - 1, through: 0, by: -1) {
            let index = order[rank]
            runningMin = min(runningMin, Double(m) * pValues[index] / Double(rank + 1))
            adjusted[index] = runningMin
        }
        return adjusted
    }

    public static let benjaminiHochbergName = "Benjamini–Hochberg"

    /// A correction by name, for reports that let the analyst choose.
    public enum Correction: String, Sendable, Hashable, CaseIterable {
        case none
        case holm
        case benjaminiHochberg = "benjamini-hochberg"

        public var name: String {
            switch self {
            case .none: "no correction"
            case .holm: MultipleComparisons.holmName
            case .benjaminiHochberg: MultipleComparisons.benjaminiHochbergName
            }
        }
    }

    /// Adjusted p-values with the correction that made them, in the input order.
    public struct Adjusted: Sendable, Hashable {
        public let correction: Correction
        public let raw: [Double]
        public let adjusted: [Double]
        public var method: String { correction.name }
    }

    public static func adjust(_ pValues: [Double], by correction: Correction) -> Adjusted {
        let adjusted: [Double]
        switch correction {
        case .none: adjusted = pValues
        case .holm: adjusted = holm(pValues)
        case .benjaminiHochberg: adjusted = benjaminiHochberg(pValues)
        }
        return Adjusted(correction: correction, raw: pValues, adjusted: adjusted)
    }
}
