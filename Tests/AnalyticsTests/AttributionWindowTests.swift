import Testing

@testable import Analytics

/// Presets carry the platforms' documented defaults (reference/analytics.md §1.1) and overrides parse.
@Suite struct AttributionWindowTests {
    @Test func presetsCarryThePlatformDefaults() throws {
        #expect(try AttributionWindow.parse("klaviyo").conversionMilliseconds == 12 * 3_600_000)
        #expect(try AttributionWindow.parse("postscript").conversionMilliseconds == 24 * 3_600_000)
        #expect(try AttributionWindow.parse("attentive").conversionMilliseconds == 24 * 3_600_000)
        #expect(try AttributionWindow.parse("conversation14d").conversionMilliseconds == 14 * 86_400_000)
        #expect(try AttributionWindow.parse("cart72h").replyMilliseconds == 72 * 3_600_000)
    }

    @Test func overridesChangeOneWindowAndSayItIsCustom() throws {
        let window = try AttributionWindow.parse("cart72h,conversion=5d, reply=48h")
        #expect(window.conversionMilliseconds == 5 * 86_400_000)
        #expect(window.replyMilliseconds == 48 * 3_600_000)
        #expect(window.optOutMilliseconds == 7 * 86_400_000)
        #expect(window.name == "cart72h+custom")
        #expect(try AttributionWindow.parse("opt-out=90m").optOutMilliseconds == 5_400_000)
    }

    @Test func unknownWordsAreRefusedWithWhatWouldWork() {
        #expect(throws: AnalysisError.self) { try AttributionWindow.parse("shopify") }
        #expect(throws: AnalysisError.self) { try AttributionWindow.parse("replylab,conversion=5") }
        #expect(throws: AnalysisError.self) { try AttributionWindow.parse("replylab,clicks=5d") }
    }

    @Test func windowsPrintInTheirLargestWholeUnit() {
        #expect(AttributionWindow.describe(72 * 3_600_000) == "72 h")
        #expect(AttributionWindow.describe(7 * 86_400_000) == "7 d")
        #expect(AttributionWindow.describe(5_400_000) == "90 min")
    }

    @Test func queriesHaveTheRunAndWindowsWrittenIn() {
        let sql = MetricQueries.customerTotals.sql(run: 7, window: .cart72h)
        #expect(sql.contains("c.run_id = 7"))
        #expect(sql.contains(")) + 259200000"))
        #expect(!sql.contains("{"))
    }
}
