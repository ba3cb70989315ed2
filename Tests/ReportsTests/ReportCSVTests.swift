import Testing

@testable import Reports

/// Every table the HTML shows is also a CSV with the file name the HTML links to, and the CSV is as safe as the page.
@Suite struct ReportCSVTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func everyLinkInTheHTMLHasItsFile() {
        let document = SampleReport.document()
        let html = HTMLReport.render(document)
        let names = Set(ReportBundle.files(document).map(\.name))
        var links: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: "href=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            links.append(String(rest[..<end]))
        }
        let csvLinks = links.filter { $0.hasSuffix(".csv") }
        #expect(csvLinks.count >= 14)
        for link in csvLinks { #expect(names.contains(link), "\(link) has no file") }
        for name in names where name.hasSuffix(".csv") && !name.hasSuffix(".columns.csv") && name != "tables.csv" {
            #expect(csvLinks.contains(name), "\(name) is not linked")
        }
    }

    @Test func resultsCSVHasOneRowPerMetricAndVariantWithExactNumbers() throws {
        let tables = ReportCSV.tables(SampleReport.document())
        let results = try #require(tables.first { $0.name == "results" })
        #expect(results.rows.count == 5)
        let csv = Self.text(results.csvBytes())
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("metric,definition,higher_is_better,guardrail,baseline,variant,value_unit,"))
        #expect(
            lines[1].hasPrefix(
                "Recovery rate,carts ordered within 72 h ÷ carts targeted,true,false,One-way blast,Conversational,"
                    + "fraction (0.183 = 18.3%),0.125000,151,1208,0.163880,196,1196,"
            )
        )
        #expect(
            lines[1].hasSuffix(
                ",0.006686,0.013372,Holm over 4 decision metrics,two-proportion z (pooled); Newcombe CI,better"
            )
        )
        let revenue = try #require(lines.first { $0.hasPrefix("Revenue per recipient") })
        #expect(revenue.contains(",US cents,1162,1360511,1171,1630,1895320,1163,US cents,468,166,770,"))
    }

    @Test func sidecarsDescribeEveryColumn() throws {
        for table in ReportCSV.tables(SampleReport.document()) {
            let lines = Self.text(table.sidecarBytes()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "column,type,unit,description")
            #expect(lines.count == table.columns.count + 1, "\(table.name)")
        }
        let manifest = ReportCSV.manifest(ReportCSV.tables(SampleReport.document()))
        #expect(
            Self.text(manifest.csvBytes()).contains(
                "results.csv,results.columns.csv,Conversational vs one-way blast,5\r\n"
            )
        )
    }

    @Test func customerTextIsNeutralisedAndMaskedInCSVs() throws {
        let tables = ReportCSV.tables(SampleReport.document())
        let replies = Self.text(try #require(tables.first { $0.name == "sample-replies" }).csvBytes())
        #expect(replies.contains(",\"'=HYPERLINK(\"\"http://example.com\"\") ?\","))
        #expect(replies.contains("Call me at +1 415 ***-**34 instead"))
        #expect(!replies.contains("555-0134"))
        #expect(replies.contains("2025-03-03T15:02:00Z"))
        let shown = ReportCSV.tables(SampleReport.document(), options: ReportOptions(showNumbers: true))
        #expect(
            Self.text(try #require(shown.first { $0.name == "sample-replies" }).csvBytes()).contains("(415) 555-0134")
        )
    }

    @Test func funnelAndAuditTablesAreLong() throws {
        let tables = ReportCSV.tables(SampleReport.document())
        let funnel = try #require(tables.first { $0.name.hasPrefix("sent-delivered") })
        #expect(funnel.rows.count == 10)
        #expect(
            funnel.rows[6] == [
                .text("Conversational"), .integer(2), .text("Delivered"), .integer(1_163),
                .decimal(1_163.0 / 1_196.0, places: 6), .decimal(1_163.0 / 1_196.0, places: 6),
            ]
        )
        let checks = try #require(tables.first { $0.name == "audit-checks" })
        #expect(checks.rows.count == 5)
        let findings = try #require(tables.first { $0.name == "audit" })
        #expect(
            findings.rows[2][4]
                == .text(
                    "SMa1b2c3d4e5f60718293a4b5c6d7e8f90 SMb2c3d4e5f60718293a4b5c6d7e8f90a1 "
                        + "SMc3d4e5f60718293a4b5c6d7e8f90a1b2 SMd4e5f60718293a4b5c6d7e8f90a1b2c3"
                )
        )
    }

    @Test func namesAreUniqueAndNeverCollideWithTheManifest() {
        let table = DataTable(title: "Tables", columns: [.init("a")], rows: [[.integer(1)]])
        let document = ReportDocument(
            title: "t",
            sections: [ReportSection("s", blocks: [.table(table), .table(table), .table(table)])]
        )
        let names = ReportBundle.files(document).map(\.name)
        #expect(
            names == [
                "index.html", "tables-2.csv", "tables-2.columns.csv", "tables-3.csv", "tables-3.columns.csv",
                "tables-4.csv", "tables-4.columns.csv", "tables.csv",
            ]
        )
        #expect(Set(names).count == names.count)
    }
}
