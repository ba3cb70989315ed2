import EventLog
import Foundation
import Messaging
import Population
import Store

/// Moves populations in and out of the event log: a `runs` row of kind "population" and one `customers` row per
/// customer (masked phone, keyed phone hash, zone, state, segment, attributes JSON).
enum PopulationEventLog {
    /// Customers per `EventBatch` handed to the writer.
    static let batchSize = 10_000

    /// Appends `population` as a new run (id = largest existing id + 1) and returns the run id.
    static func write(
        _ population: Population,
        specPath: String,
        databasePath: String,
        phoneHashKey: UInt64,
        phoneHashKeySource: PhoneHashKey.Source,
        createdAt: Int64
    ) throws -> Int64 {
        let database = try Database(path: databasePath)
        let writer = try EventLogWriter(database: database)
        let runID = try database.integer("SELECT COALESCE(MAX(id), 0) + 1 FROM runs")
        var config: [String: Any] = [
            "count": population.count, "seed": String(population.seed), "spec": specPath,
            "spec_name": population.spec.name,
        ]
        for (key, value) in PhoneHashKey.configEntries(key: phoneHashKey, source: phoneHashKeySource) {
            config[key] = value
        }
        let configJSON = String(
            decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]),
            as: UTF8.self
        )
        try writer.append(
            EventBatch(runs: [
                RunRecord(
                    id: runID,
                    kind: RunKind.population.rawValue,
                    source: specPath,
                    seed: Int64(bitPattern: population.seed),
                    configJSON: configJSON,
                    toolVersion: ReplyLab.version,
                    createdAt: createdAt
                )
            ])
        )
        let attributes = CustomerAttributesWriter(population: population)
        var start = 0
        while start < population.count {
            let end = min(start + batchSize, population.count)
            var customers: [CustomerRecord] = []
            customers.reserveCapacity(end - start)
            for i in start..<end {
                customers.append(try record(population, i, runID: runID, attributes: attributes, key: phoneHashKey))
            }
            try writer.append(EventBatch(customers: customers))
            start = end
        }
        try writer.finish()
        return runID
    }

    /// Customer i as a `customers` row.
    static func record(
        _ population: Population,
        _ i: Int,
        runID: Int64,
        attributes: CustomerAttributesWriter,
        key: UInt64
    ) throws -> CustomerRecord {
        let national =
            Int64(population.areaCode[i]) * 10_000_000 + Int64(population.exchange[i]) * 10_000
            + Int64(population.line[i])
        let phone = try PhoneNumber(nationalNumber: national, allowFictional: true)
        return CustomerRecord(
            runID: runID,
            customerID: Int64(i),
            maskedPhone: phone.masked,
            phoneHash: Int64(bitPattern: phone.keyedHash(key: key)),
            timeZone: population.timeZoneTable[Int(population.timeZone[i])],
            state: population.stateTable[Int(population.state[i])],
            segment: population.segment[i].rawValue,
            attributesJSON: attributes.json(i),
            fictionalPhone: phone.e164
        )
    }

    /// The customers of `runID` (default: the latest population run) as summary rows.
    static func readRows(databasePath: String, runID: Int64?) throws -> (Int64, [PopulationSummary.Row]) {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw PopulationLogError.noDatabase(path: databasePath)
        }
        let reader = try EventLogReader(database: Database(path: databasePath, mode: .readOnly))
        let runs = try reader.runs()
        let chosen: RunRecord
        if let runID {
            guard let run = runs.first(where: { $0.id == runID }) else {
                throw PopulationLogError.noSuchRun(path: databasePath, runID: runID, known: runs.map(\.id))
            }
            chosen = run
        } else {
            guard let latest = runs.filter({ $0.kind == RunKind.population.rawValue }).max(by: { $0.id < $1.id })
            else { throw PopulationLogError.noPopulationRun(path: databasePath) }
            chosen = latest
        }
        // SQLite's JSON functions pick the two attributes out, so a million rows never become Swift objects.
        let statement = try reader.database.prepare(
            """
            SELECT segment, state, time_zone,
                   COALESCE(json_extract(attributes_json, '$.consent_source'), 'unknown'),
                   COALESCE(json_extract(attributes_json, '$.cart.total'), 0)
            FROM customers WHERE run_id = ? ORDER BY customer_id
            """
        )
        try statement.bind(chosen.id, at: 1)
        var rows: [PopulationSummary.Row] = []
        while try statement.step() {
            rows.append(
                PopulationSummary.Row(
                    segment: try statement.column(0),
                    state: try statement.column(1),
                    timeZone: try statement.column(2),
                    consentSource: try statement.column(3),
                    cartTotalCents: try statement.column(4)
                )
            )
        }
        return (chosen.id, rows)
    }
}

/// Why `population describe --db` found nothing to describe.
enum PopulationLogError: Error, CustomStringConvertible {
    case noDatabase(path: String)
    case noSuchRun(path: String, runID: Int64, known: [Int64])
    case noPopulationRun(path: String)

    var description: String {
        switch self {
        case .noDatabase(let path): return "\(path): no such event log"
        case .noSuchRun(let path, let runID, let known):
            let list =
                known.isEmpty ? "it has no runs" : "its runs are " + known.map(String.init).joined(separator: ", ")
            return "\(path): no run \(runID); \(list)"
        case .noPopulationRun(let path):
            return "\(path): no population run; write one with 'replylab population generate SPEC --db \(path)'"
        }
    }
}
