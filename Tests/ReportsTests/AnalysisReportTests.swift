import Analytics
import EventLog
import Foundation
import Store
import Testing

@testable import Reports

/// The analysis report built from hand-built logs: what it says, what it tests, what it never lets through.
@Suite struct AnalysisReportTests {
    func analysis(_ batch: EventBatch = KnownLog.batch()) throws -> Analysis {
        try Analysis.compute(database: try KnownLog.database(batch))
    }

    func html(_ document: ReportDocument, showNumbers: Bool = false) -> String {
        HTMLReport.render(document, options: ReportOptions(showNumbers: showNumbers))
    }

    @Test func healthComesFirstAndSectionsFollowTheIssuesOrder() throws {
        let document = AnalysisReport.document(try analysis())
        #expect(
            document.health?.items.map(\.label)
                == ["Sample ratio", "Sample size", "Delivery", "Suppressed sends", "Quarantined rows"]
        )
        #expect(
            document.sections.map(\.title)
                == [
                    "Verdict", "Results", "Funnel", "Revenue, cost and ROI", "Time to resolution", "Agents",
                    "Opt-outs and delivery", "Segments", "Flow",
                ]
        )
        #expect(document.variants == ["one-way", "conversational", "holdout"])
        #expect(document.health?.items[3].detail == "2 sends held: 1 frequency cap, 1 quiet hours (1 deferred).")
    }

    @Test func tenCustomersAreTooFewToCallAWinner() throws {
        let lines = AnalysisReport.verdict(try analysis())
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Too few customers to tell conversational from one-way on revenue per recipient"))
        #expect(lines[1].hasPrefix("Recovery rate: one-way 66.7%, conversational 20.0%, holdout 50.0%"))
        #expect(lines[2].hasPrefix("Opt-outs 0.0% vs 50.0%"))
    }

    @Test func theResultsTableCarriesCountsUnderEveryRate() throws {
        let document = AnalysisReport.document(try analysis())
        guard case .comparison(let table) = document.sections[1].blocks[0] else {
            Issue.record("the results section starts with the comparison table")
            return
        }
        #expect(table.baselineName == "one-way")
        let reply = try #require(table.metrics.first { $0.name == "Reply rate" })
        #expect(reply.baseline.numerator == .integer(1) && reply.baseline.denominator == .integer(2))
        #expect(reply.variants[0].value.numerator == .integer(3) && reply.variants[0].value.denominator == .integer(5))
        #expect(reply.variants[0].enoughData == false)
        let optOut = try #require(table.metrics.first { $0.name == "Opt-out rate" })
        #expect(optOut.isGuardrail && !optOut.higherIsBetter)
    }

    @Test func thePublishedRepliesExampleGetsNewcombesIntervalAndTheZTestsP() throws {
        let document = AnalysisReport.document(try analysis(PublishedRepliesLog.batch()))
        guard case .comparison(let table) = document.sections[1].blocks[0] else {
            Issue.record("no results table")
            return
        }
        let reply = try #require(table.metrics.first { $0.name == "Reply rate" }?.variants.first)
        let change = try #require(reply.absoluteChange)
        // Newcombe (1998) example: 56/70 − 48/80 = 0.2, 95% interval 0.0524 to 0.3339.
        #expect(abs(change.point - 0.2) < 1e-12)
        #expect(abs(change.low - 0.0524) < 5e-5)
        #expect(abs(change.high - 0.3339) < 5e-5)
        // Pooled z = 2.6502, p = erfc(z / √2) = 0.0080451 (equal to Pearson's χ² on the 2 × 2 table).
        #expect(abs((reply.pValue ?? 0) - 0.0080451) < 1e-6)
        // Holm over the decision tests can only raise a p-value.
        #expect((reply.adjustedPValue ?? 0) >= (reply.pValue ?? 1))
    }

    @Test func aScriptInAReplyNeverReachesTheHTMLRaw() throws {
        let body = "<script>alert('x')</script> call (415) 555-0134"
        let document = AnalysisReport.document(try analysis(KnownLog.batch(withReplies: [body])))
        let page = html(document)
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert"))
        #expect(!page.contains("555-0134"))
        #expect(html(document, showNumbers: true).contains("555-0134"))
    }

    @Test func csvCellsThatLookLikeFormulasAreNeutralised() throws {
        let document = AnalysisReport.document(try analysis(KnownLog.batch(withReplies: ["=HYPERLINK(\"http://x\")"])))
        let table = try #require(
            ReportCSV.tables(document, options: ReportOptions()).first { $0.name == "first-replies" }
        )
        let text = String(decoding: table.csvBytes(), as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
    }

    @Test func theSameLogGivesTheSameFilesByteForByte() throws {
        let first = ReportBundle.files(AnalysisReport.document(try analysis()))
        let second = ReportBundle.files(AnalysisReport.document(try analysis()))
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first == second)
        #expect(first.contains { $0.name == "results.csv" } && first.contains { $0.name == "flow-nodes.csv" })
    }

    @Test func theMethodsFooterNamesEveryWindowAndTest() throws {
        let methods = try #require(AnalysisReport.document(try analysis()).methods)
        let reply = try #require(methods.definitions.first { $0.metric == "Reply rate" })
        #expect(reply.window == "72 h after t0")
        #expect(methods.methods.map(\.name).contains(TwoProportionZTest.testName))
        #expect(methods.methods.map(\.name).contains(WelchTTest.testName))
        #expect(methods.methods.map(\.name).contains(MultipleComparisons.holmName))
        #expect(methods.provenance.contains { $0.key == "Attribution window" })
    }

    @Test func aRunWithOneArmDescribesInsteadOfComparing() throws {
        let database = try KnownLog.database()
        try database.execute("DELETE FROM assignments; DELETE FROM variants;")
        let single = try Analysis.compute(database: database)
        let lines = AnalysisReport.verdict(single)
        #expect(lines[0] == "One arm only (All customers): nothing to compare, so no verdict.")
        let document = AnalysisReport.document(single)
        #expect(
            document.sections[1].blocks == [
                .paragraph("This run has a single arm: there is nothing to compare, only to describe.")
            ]
        )
    }
}
