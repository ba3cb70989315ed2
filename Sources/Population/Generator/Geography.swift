import Messaging
import Sampling

/// Where customers live: a state weighted by the spec (resident population by default), then one of that state's
/// real area codes (evenly: assumption), then one of the area code's time zones (split as the spec's
/// `time_zone_splits` says, evenly otherwise), all from Messaging's `AreaCodeDirectory`.
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
    /// Per area code (0…999) that spans several zones, how its customers split across `zonesByAreaCode`.
    let zoneSplits: [AliasTable?]

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
                    file: spec.sourceFile,
                    path: "$.states.weights.\(code)",
                    reason: "no US area code for state '\(code)' in the area-code directory"
                )
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
        var zoneSplits = [AliasTable?](repeating: nil, count: 1_000)
        do {
            stateTable = try AliasTable(weights: spec.states.map(\.weight))
            for entry in entries where (0..<1_000).contains(entry.areaCode) && entry.timeZones.count > 1 {
                zoneSplits[entry.areaCode] = try AliasTable(weights: entry.timeZones.map { _ in 1 })
            }
        } catch {
            throw PopulationError.invalid(file: spec.sourceFile, path: "$.states.weights", reason: error.description)
        }
        for split in spec.timeZoneSplits {
            let path = "$.time_zone_splits[\"\(split.areaCode)\"]"
            guard let info = directory.lookup(split.areaCode), info.timeZones.count > 1 else {
                throw PopulationError.invalid(
                    file: spec.sourceFile,
                    path: path,
                    reason: "area code \(split.areaCode) does not span several time zones in the area-code directory"
                )
            }
            var weights = [Double](repeating: 0, count: info.timeZones.count)
            for zone in split.zones {
                guard let index = info.timeZones.firstIndex(of: zone.name) else {
                    throw PopulationError.invalid(
                        file: spec.sourceFile,
                        path: "\(path)[\"\(zone.name)\"]",
                        reason: "area code \(split.areaCode) is not in '\(zone.name)'; its zones are "
                            + info.timeZones.joined(separator: ", ")
                    )
                }
                weights[index] = zone.weight
            }
            do {
                zoneSplits[split.areaCode] = try AliasTable(weights: weights)
            } catch {
                throw PopulationError.invalid(file: spec.sourceFile, path: path, reason: error.description)
            }
        }
        self.zoneSplits = zoneSplits
        stateCodes = spec.states.map(\.code)
        self.areaCodesByState = areaCodesByState
        timeZoneNames = sortedZones
        self.zonesByAreaCode = zonesByAreaCode
    }
}
