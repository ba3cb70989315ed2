/// Picks one of n weighted categories (segment, state, product) in O(1) per draw, whatever n is.
///
/// Vose's alias method (Vose, "A Linear Algorithm for Generating Random Numbers with a Given Distribution",
/// IEEE TSE 17(9), 1991, https://doi.org/10.1109/32.92917): two draws per sample, a column by `nextBounded`, then
/// a coin against that column's threshold.
public struct AliasTable: Sendable {
    /// The probability of keeping the column's own category.
    public let threshold: [Double]
    /// The category a column hands over to when the coin says so.
    public let alias: [Int32]
    /// The weights normalised to sum to 1, in the order given.
    public let probabilities: [Double]

    /// - Complexity: O(n).
    public init(weights: [Double]) throws(SamplingError) {
        try SamplingError.require(!weights.isEmpty, "Categorical", "weights", "must not be empty")
        for (index, weight) in weights.enumerated() {
            try SamplingError.require(
                weight >= 0 && weight.isFinite,
                "Categorical",
                "weights[\(index)]",
                "must be 0 or more, got \(weight)"
            )
        }
        try SamplingError.require(
            weights.contains { $0 > 0 } && weights.count <= Int(Int32.max),
            "Categorical",
            "weights",
            "must have at least one positive weight"
        )
        let total = weights.reduce(0, +)
        let n = weights.count
        probabilities = weights.map { $0 / total }
        var scaled = probabilities.map { $0 * Double(n) }
        var threshold = [Double](repeating: 1, count: n)
        var alias = [Int32](repeating: 0, count: n)
        var small: [Int] = []
        var large: [Int] = []
        for index in 0..<n {
            if scaled[index] < 1 { small.append(index) } else { large.append(index) }
        }
        while let less = small.popLast(), let more = large.popLast() {
            threshold[less] = scaled[less]
            alias[less] = Int32(more)
            scaled[more] = (scaled[more] + scaled[less]) - 1
            if scaled[more] < 1 { small.append(more) } else { large.append(more) }
        }
        for index in large {
            threshold[index] = 1
            alias[index] = Int32(index)
        }
        for index in small {
            threshold[index] = 1
            alias[index] = Int32(index)
        }
        self.threshold = threshold
        self.alias = alias
    }

    /// One category index in 0..<count (two draws).
    /// - Complexity: O(1).
    public func sample<Source: RandomSource>(_ source: inout Source) -> Int {
        let column = source.nextIndex(threshold.count)
        return source.nextUnit() < threshold[column] ? column : Int(alias[column])
    }

    public var count: Int { threshold.count }
}
