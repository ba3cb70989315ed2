import Analytics
import EventLog
import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// Simulate → export twilio (with --orders and --mapping) → import twilio → analyse gives the metrics of
/// analysing the simulation directly: every metric a message log can carry is asserted equal, and each one it
/// cannot is named below with the reason (issue 11 item 6).
///
/// What a Twilio message log cannot carry, so the import cannot have it:
/// - **Abandoned hand-offs.** A hand-off no agent picked up leaves no agent text (Flex's task export would show
///   it; a message log does not), so it is not rebuilt: queued and abandoned hand-offs, queue abandonment, and
///   those conversations' resolution (the import counts them as automation, or unresolved when nothing answered).
/// - **An agent's wrap-up.** The simulated agent closes a chat some minutes after the last text; the log ends at
///   the last text, so an imported agent resolution is the last agent text (or the confirmation of an opt-out the
///   agent decided) and agent time-to-resolution is shorter. Queued and picked-up times are exact.
/// - **Agent rota and ids.** No shifts and no agent per text: utilisation has no denominator.
/// - **Flow nodes, router categories and drawn intents.** Twilio's log names no Studio node; intents exist only
///   for simulated replies. So the flow-node drop-off, node categories and intent confusion are simulation-only.
/// - **Gate holds.** Suppressed sends were never sent, so no log lists them (the health banner's suppressions),
///   nor the conversations of customers whose every text was held.
/// - **A reviewer releasing a held reply** (`review_released`) sends nothing and leaves no trace.
/// - **Message order.** The import numbers messages by time, the simulator by customer, so the report's
///   "first 20 replies" are different texts.
@Suite(.serialized) final class RoundTripTests {
    static let customers = "3000"

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-trip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) throws -> String {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        try #require(status == 0, "\(arguments.joined(separator: " ")): \(console.errors)")
        return console.output
    }

    /// Both sides of the trip, simulated and imported, as analyses and as databases.
    func trip() throws -> (simulated: Analysis, imported: Analysis, simDB: Database, importDB: Database) {
        _ = try run([
            "simulate", SimulateCommandTests.experiment, "-n", Self.customers, "--db", path("sim.sqlite"), "--jobs",
            "2",
        ])
        _ = try run([
            "export", "twilio", "--db", path("sim.sqlite"), "--run", "1", "--out", path("messages.csv"), "--orders",
            path("orders.csv"), "--mapping", path("mapping.json"),
        ])
        let load = try run([
            "import", "twilio", path("messages.csv"), "--orders", path("orders.csv"), "--mapping",
            path("mapping.json"), "--db", path("import.sqlite"),
        ])
        #expect(load.contains("quarantined                                0"))
        let simDB = try Database(path: path("sim.sqlite"), mode: .readOnly)
        let importDB = try Database(path: path("import.sqlite"), mode: .readOnly)
        return (try Analysis.compute(database: simDB), try Analysis.compute(database: importDB), simDB, importDB)
    }

    @Test func everyMetricALogCarriesComesBackEqual() throws {
        let (simulated, imported, _, _) = try trip()
        #expect(imported.run.kind == RunKind.import.rawValue)
        #expect(imported.arms.map(\.name) == simulated.arms.map(\.name))
        #expect(imported.arms.map(\.variant.share) == simulated.arms.map(\.variant.share))
        #expect(imported.arms.map(\.isHoldout) == simulated.arms.map(\.isHoldout))
        for (sim, back) in zip(simulated.arms, imported.arms) {
            // Reply, conversion, assisted conversion, opt-out, delivery rates; AOV, revenue, cost, segments: all
            // are these sums.
            #expect(back.totals == sim.totals, "\(sim.name): customer totals")
            #expect(back.totals.optedOut == sim.totals.optedOut, "\(sim.name): opt-outs incl. reviewer-decided")
            #expect(back.recovery == sim.recovery, "\(sim.name): cart recovery")
            #expect(back.failures == sim.failures, "\(sim.name): delivery failures by error code")
            #expect(back.resolution.questions == sim.resolution.questions, "\(sim.name): conversations with a question")
            // Agent resolutions: every picked-up hand-off comes back resolved (durations: see the next test).
            #expect(back.resolution.agent.count == sim.resolution.agent.count, "\(sim.name): agent resolutions")
            #expect(back.handoffs.pickedUp == sim.handoffs.pickedUp, "\(sim.name): hand-offs picked up")
            #expect(back.handoffs.resolved == sim.handoffs.resolved, "\(sim.name): hand-offs resolved")
            // Not in a log: hand-offs nobody picked up.
            #expect(back.handoffs.queued == sim.handoffs.queued - sim.handoffs.abandoned)
            #expect(back.handoffs.abandoned == 0 && back.resolution.abandoned == 0)
            // Their conversations: automation when a bot text followed the question, else unresolved.
            let simLeftToBots =
                Int64(sim.resolution.automated.count) + sim.resolution.unresolved + sim.resolution.abandoned
            let backLeftToBots = Int64(back.resolution.automated.count) + back.resolution.unresolved
            #expect(backLeftToBots == simLeftToBots, "\(sim.name)")
            var unmatched = back.resolution.automated.sorted()
            for duration in sim.resolution.automated {
                let found = try #require(unmatched.firstIndex(of: duration), "\(sim.name): automated \(duration) ms")
                unmatched.remove(at: found)
            }
            #expect(
                unmatched.count <= Int(sim.resolution.abandoned),
                "\(sim.name): the only extra automated resolutions are the abandoned hand-offs' conversations"
            )
        }
        #expect(imported.segments == simulated.segments, "per-segment totals (segment travels in the mapping)")
        #expect(imported.health.quarantine == simulated.health.quarantine)
        #expect(simulated.arms.contains { $0.handoffs.abandoned > 0 }, "the run exercises an abandoned hand-off")
        #expect(simulated.arms.contains { $0.totals.optedOut > 0 })
        // Named above as not in a log.
        #expect(imported.utilisation.shifts == 0 && simulated.utilisation.shifts > 0, "no rota in a message log")
        #expect(imported.nodes.isEmpty && !simulated.nodes.isEmpty, "no flow nodes in a message log")
        #expect(imported.health.suppressions.isEmpty && !simulated.health.suppressions.isEmpty, "no gate holds")
    }

    /// Record by record: each message's kind, each consent event, each rebuilt hand-off against the simulated one.
    @Test func kindsConsentAndHandoffsComeBackFromTheLog() throws {
        let (_, _, simDB, importDB) = try trip()
        let messages = """
            SELECT c.phone_hash, m.at, m.direction, m.kind, m.body FROM messages m
            JOIN customers c ON c.run_id = m.run_id AND c.customer_id = m.customer_id
            ORDER BY c.phone_hash, m.at, m.direction, m.kind, m.body
            """
        let simMessages = try rows(simDB, messages)
        #expect(try rows(importDB, messages) == simMessages, "every text with its kind (agent, compliance…)")
        #expect(simMessages.contains { $0[3] == "agent" } && simMessages.contains { $0[3] == "compliance" })

        // The simulator records every help request as "HELP"; the import keeps the word typed ("INFO").
        let consent = """
            SELECT c.phone_hash, e.at, e.kind, CASE WHEN e.kind = 'help' THEN '' ELSE COALESCE(e.keyword, '') END,
                COALESCE(e.scope, '')
            FROM consent_events e
            JOIN customers c ON c.run_id = e.run_id AND c.customer_id = e.customer_id
            WHERE e.kind <> 'review_released'
            ORDER BY 1, 2, 3
            """
        let simConsent = try rows(simDB, consent)
        #expect(try rows(importDB, consent) == simConsent, "opt-outs, decided ones too, with keyword and scope")

        // A reviewer-decided opt-out: a held reply, then the confirmation later than the auto-reply window.
        let decided = try rows(
            simDB,
            """
            SELECT count(*) FROM consent_events o WHERE o.kind = 'opt_out' AND EXISTS (
                SELECT 1 FROM consent_events h WHERE h.customer_id = o.customer_id AND h.kind = 'review_hold'
                AND h.at < o.at)
            """
        )
        #expect(decided != [["0"]], "the run has an opt-out a reviewer decided")

        let handoffs = """
            SELECT c.phone_hash, h.queued_at, h.picked_up_at, h.closed_at, h.queue,
                EXISTS (SELECT 1 FROM consent_events e WHERE e.run_id = h.run_id AND e.customer_id = h.customer_id
                    AND e.kind = 'opt_out' AND e.at = h.closed_at)
            FROM handoffs h
            JOIN customers c ON c.run_id = h.run_id AND c.customer_id = h.customer_id
            WHERE h.picked_up_at IS NOT NULL ORDER BY 1, 2
            """
        let simHandoffs = try rows(simDB, handoffs)
        #expect(simHandoffs.contains { $0[5] == "1" } && simHandoffs.contains { $0[4] != "review" })
        let back = try rows(importDB, handoffs)
        try #require(back.count == simHandoffs.count)
        for (sim, imported) in zip(simHandoffs, back) {
            #expect(imported[0...2] == sim[0...2], "customer, queued and picked up: \(sim)")
            let closedBack = try #require(Int64(imported[3]))
            let closedSim = try #require(Int64(sim[3]))
            #expect(closedBack <= closedSim, "the log ends at the last text, before the agent's wrap-up: \(sim)")
            #expect(imported[4] == (sim[4] == "review" ? "review" : "agent"), "queued at a held reply: \(sim)")
            if sim[5] == "1" {
                #expect(closedBack == closedSim, "a reviewer's opt-out closes with its confirmation: \(sim)")
            }
        }
    }

    /// The audit finds the same on both sides; only an import's note that a log carries no opt-ins differs.
    @Test func theAuditFindsTheSameOnTheImport() throws {
        _ = try trip()
        func findings(_ database: String) -> [String] {
            let console = Console.captured()
            _ = ReplyLab.run(["audit", "--db", path(database)], console: console)
            return console.output.split(separator: "\n").map(String.init).filter {
                !$0.hasPrefix("Compliance audit of run") && !$0.contains("no_consent") && !$0.contains("imports carry")
            }
        }
        let simulated = findings("sim.sqlite")
        #expect(simulated.contains { $0.contains("opt_out_confirmation") })
        #expect(findings("import.sqlite") == simulated)
    }

    private func rows(_ database: Database, _ sql: String) throws -> [[String]] {
        let statement = try database.prepare(sql)
        var rows: [[String]] = []
        while try statement.step() {
            var row: [String] = []
            for column in 0..<statement.columnCount {
                let value: String? = try statement.column(column)
                row.append(value ?? "NULL")
            }
            rows.append(row)
        }
        return rows
    }
}
