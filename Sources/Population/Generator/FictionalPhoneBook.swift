/// Hands out phone numbers no real phone can receive, unique across the population.
///
/// Per area code, the k-th customer gets 555-0100 + k for k < 100 (the NANPA range reserved for fiction), then
/// central-office codes beginning with 0 or 1 (000…199), which the numbering plan never assigns (NXX must be
/// 2–9): 100 + 200 × 10,000 numbers per area code. Numbers are handed out in customer order, so customer i's
/// number depends only on customers before i and never changes when the population grows.
struct FictionalPhoneBook {
    /// Numbers available in one area code.
    static let capacityPerAreaCode = 100 + 200 * 10_000

    private var issued = [Int32](repeating: 0, count: 1_000)

    /// The next unused number in `areaCode` as (exchange, line), or nil when the area code is full.
    /// - Complexity: O(1).
    mutating func next(in areaCode: Int) -> (exchange: UInt16, line: UInt16)? {
        let k = Int(issued[areaCode])
        guard k < Self.capacityPerAreaCode else { return nil }
        issued[areaCode] += 1
        if k < 100 { return (555, UInt16(100 + k)) }
        let rest = k - 100
        return (UInt16(rest / 10_000), UInt16(rest % 10_000))
    }
}
