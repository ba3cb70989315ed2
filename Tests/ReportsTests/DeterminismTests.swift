import Testing

@testable import Reports

/// The same model gives the same files, byte for byte, and nothing in them comes from the clock.
@Suite struct DeterminismTests {
    @Test func sameDocumentSameBytes() {
        let first = ReportBundle.files(SampleReport.document())
        let second = ReportBundle.files(SampleReport.document())
        #expect(first == second)
        #expect(first.map(\.name).first == "index.html")
        #expect(first.count > 20)
    }

    @Test func aGeneratedAtAppearsOnlyWhenPassedIn() {
        let plain = HTMLReport.render(SampleReport.document())
        #expect(!plain.contains("Generated"))
        let stamped = HTMLReport.render(SampleReport.document(generatedAt: "2025-03-06 09:00 UTC"))
        #expect(stamped.contains("<dt>Generated</dt><dd>2025-03-06 09:00 UTC</dd>"))
    }

    @Test func variantsKeepTheirColourAcrossCharts() {
        let palette = Palette(variants: ["A", "B"])
        #expect(palette.colors(for: ["B", "A"]) == [Palette.series[1], Palette.series[0]])
        #expect(palette.colors(for: ["other", "B"]) == [Palette.series[2], Palette.series[1]])
    }
}
