/// Area code → state and time zones, the defensible proxy for where a mobile recipient is (compliance.md §3.3).
public struct AreaCodeDirectory: Sendable {
    /// Every entry, sorted by area code.
    public let all: [AreaCodeInfo]
    /// Index into `all` by area code (−1 when absent), so a look-up is one array read.
    private let slots: [Int16]
    /// Every zone used in each state or province, sorted by state: where a known resident of it may be.
    private let zonesByState: [StateZones]

    private struct StateZones: Sendable {
        let state: String
        let zones: [String]
    }

    /// Builds a directory from `entries`; a later entry for the same area code replaces an earlier one.
    public init(_ entries: [AreaCodeInfo]) {
        var byCode: [Int: AreaCodeInfo] = [:]
        for entry in entries { byCode[entry.areaCode] = entry }
        all = byCode.keys.sorted().compactMap { byCode[$0] }
        var slots = [Int16](repeating: -1, count: 1000)
        for (index, entry) in all.enumerated() where (0..<1000).contains(entry.areaCode) {
            slots[entry.areaCode] = Int16(index)
        }
        self.slots = slots
        var zonesOfState: [String: Set<String>] = [:]
        for entry in all { zonesOfState[entry.state, default: []].formUnion(entry.timeZones) }
        zonesByState = zonesOfState.keys.sorted().map {
            StateZones(state: $0, zones: zonesOfState[$0, default: []].sorted())
        }
    }

    /// The geographic US and Canadian area codes of datasets/nanp-area-codes.csv (libphonenumber metadata via the
    /// `phonenumbers` package 9.0.43), compiled into the binary.
    public static let nanp = AreaCodeDirectory(embeddedRows)

    /// The entry for `areaCode`, or nil for a non-geographic or unknown code (toll-free, 5XX, 900…).
    /// - Complexity: O(1).
    public func lookup(_ areaCode: Int) -> AreaCodeInfo? {
        guard (0..<1000).contains(areaCode) else { return nil }
        let slot = slots[areaCode]
        return slot < 0 ? nil : all[Int(slot)]
    }

    /// Every distinct IANA zone the directory mentions, sorted.
    public var timeZoneNames: [String] {
        Array(Set(all.flatMap(\.timeZones))).sorted()
    }

    /// Every zone any area code of `state` uses, sorted (empty for an unknown state): the candidate zones of a
    /// person known to live there, since the directory cannot say where in the state.
    /// - Complexity: O(log s) in the number of states and provinces.
    public func timeZones(inState state: String) -> [String] {
        var low = 0
        var high = zonesByState.count
        while low < high {
            let mid = (low + high) / 2
            if zonesByState[mid].state < state { low = mid + 1 } else { high = mid }
        }
        return low < zonesByState.count && zonesByState[low].state == state ? zonesByState[low].zones : []
    }
}
