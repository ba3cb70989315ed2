import Messaging
import Sampling

/// Where customers live: a state weighted by the spec (resident population by default), then one of that state's
/// real area codes, then one of the area code's time zones, all from Messaging's `AreaCodeDirectory`.
struct Geography: Sendable {
    /// Postal codes in the spec's (sorted) order.
    let stateCodes: [String]
    let stateTable: AliasTable
    /// Area codes per state, ascending.
    let areaCodesByState: [[Int16]]
    /// Every IANA zone any chosen area code uses, sorted, so indexes are stable.
    let timeZoneNames: [String]
    /// Zone indexes per area code (0…999), in the directory's order.
    let zonesByAreaCode: [[UInt16]]

    /// - Complexity: O(states + area codes).
    init(spec: PopulationSpec, directory: AreaCodeDirectory) throws(PopulationError) {
        let entries = directory.all
        var byState: [String: [AreaCodeInfo]] = [:]
        for entry in entries where entry.country == "US" { byState[entry.state, default: []].append(entry) }
        var zoneNames = Set<String>()
        var areaCodesByState: [[Int16]] = []
        for (code, _) in spec.states {
            guard let infos = byState[code], !infos.isEmpty else {
                throw PopulationError.invalid(
                    file: spec.sourceFile, path: "$.states.weights.\(code)",
                    reason: "no US area code for state '\(code)' in the area-code directory")
            }
            areaCodesByState.append(infos.map { Int16($0.areaCode) }.sorted())
            for info in infos { zoneNames.formUnion(info.timeZones) }
        }
        let sortedZones = zoneNames.sorted()
        var zonesByAreaCode = [[UInt16]](repeating: [], count: 1_000)
        for entry in entries where entry.areaCode >= 0 && entry.areaCode < 1_000 {
            zonesByAreaCode[entry.areaCode] = entry.timeZones.compactMap { zone in
                sortedZones.firstIndex(of: zone).map { UInt16($0) }
            }
        }
        do {
            stateTable = try AliasTable(weights: spec.states.map(\.weight))
        } catch {
            throw PopulationError.invalid(file: spec.sourceFile, path: "$.states.weights", reason: error.description)
        }
        stateCodes = spec.states.map(\.code)
        self.areaCodesByState = areaCodesByState
        timeZoneNames = sortedZones
        self.zonesByAreaCode = zonesByAreaCode
    }
}
