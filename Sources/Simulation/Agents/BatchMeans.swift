/// A 95% confidence interval for a steady-state mean from one long, autocorrelated run.
///
/// Method of batch means (Law, *Simulation Modeling and Analysis*, 5th ed., §9.5.3): drop a warm-up prefix,
/// cut the rest into k equal consecutive batches, treat the k batch means as independent and normal, and use
/// Student's t with k − 1 degrees of freedom: mean ± t(0.975, k−1)·s/√k. O(n).
public struct BatchMeans: Sendable {
    public let mean: Double
    public let halfWidth: Double
    public let batches: Int
    /// Observations used (after the warm-up was dropped and the remainder trimmed to k equal batches).
    public let observations: Int

    public var low: Double { mean - halfWidth }
    public var high: Double { mean + halfWidth }

    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// t(0.975, df) for df = 1…30 (scipy.stats.t.ppf, agreeing with Law's Table T.1 to the digits printed there).
    static let studentT975: [Double] = [
        12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041, 2.2621572,
        2.2281389, 2.2009852, 2.1788128, 2.1603687, 2.1447867, 2.1314495, 2.1199053, 2.1098156, 2.1009220,
        2.0930241, 2.0859634, 2.0796138, 2.0738731, 2.0686576, 2.0638986, 2.0595386, 2.0555294, 2.0518305,
        2.0484071, 2.0452296, 2.0422725,
    ]

    /// nil when fewer than one observation per batch remains.
    /// - Precondition: 2 ≤ `batches` ≤ 31, 0 ≤ `warmUpFraction` < 1.
    public init?(_ values: some Collection<Double>, batches: Int = 20, warmUpFraction: Double = 0.1) {
        precondition((2...31).contains(batches), "batch means needs 2 to 31 batches")
        precondition(warmUpFraction >= 0 && warmUpFraction < 1, "the warm-up is a fraction of the run")
        let skip = Int(Double(values.count) * warmUpFraction)
        let size = (values.count - skip) / batches
        guard size >= 1 else { return nil }
        var means: [Double] = []
        means.reserveCapacity(batches)
        var iterator = values.dropFirst(skip).makeIterator()
        for _ in 0..<batches {
            var sum = 0.0
            for _ in 0..<size { sum += iterator.next()! }
            means.append(sum / Double(size))
        }
        let grand = means.reduce(0, +) / Double(batches)
        let variance = means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(batches - 1)
        mean = grand
        halfWidth = Self.studentT975[batches - 2] * (variance / Double(batches)).squareRoot()
        self.batches = batches
        observations = size * batches
    }
}
