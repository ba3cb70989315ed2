import Foundation
import Testing

@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a block's result looks like in the notebook: tables with deterministic numbers, charts, text and errors.
@Suite struct NotebookOutputTests {
    static let arms = NotebookTable(
        columns: ["variant", "sent", "replied", "reply_rate"],
        rows: [
            [.text("one-way"), .integer(1_000), .integer(83), .real(0.083)],
            [.text("conversational"), .integer(1_000), .integer(183), .real(0.1830000001)],
            [.text("holdout"), .integer(200), .null, .null],
        ]
    )

    @Test func tablesPrintNumbersThePlainWayAndAlignThemRight() {
        #expect(
            Self.arms.markdown()
                == """
                | variant | sent | replied | reply\\_rate |
                | :--- | ---: | ---: | ---: |
                | one-way | 1000 | 83 | 0.083 |
                | conversational | 1000 | 183 | 0.183 |
                | holdout | 200 | NULL | NULL |

                """
        )
        let fixed = NotebookTable(columns: ["x"], rows: [[.real(2)], [.real(0.125)], [.real(-0.0)]])
        #expect(fixed.markdown() == "| x |\n| ---: |\n| 2.000 |\n| 0.125 |\n| 0.000 |\n")
        #expect(fixed.markdown(decimals: 1) == "| x |\n| ---: |\n| 2.0 |\n| 0.1 |\n| 0.0 |\n")
        #expect(NotebookTable(columns: ["x"], rows: [[.real(3)], [.real(4)]]).markdown().contains("| 3 |\n| 4 |"))
    }

    @Test func textIsEscapedAndMaskedButNumbersAreNot() {
        let table = NotebookTable(
            columns: ["body", "cost_microdollars"],
            rows: [
                [.text("Call 415-555-0134 | *now*"), .integer(4_155_550_134)],
                [.blob(bytes: 16), .real(2_125_550_100.5)],
            ]
        )
        #expect(
            table.markdown()
                == """
                | body | cost\\_microdollars |
                | :--- | ---: |
                | Call +1 415 \\*\\*\\*-\\*\\*34 \\| \\*now\\* | 4155550134 |
                | (blob, 16 bytes) | 2125550100.5 |

                """
        )
    }

    @Test func longResultsAreCappedWithACountOfTheRest() {
        let table = NotebookTable(columns: ["n"], rows: (1...1_203).map { [.integer(Int64($0))] })
        let text = table.markdown(rowLimit: 2)
        #expect(
            text == "| n |\n| ---: |\n| 1 |\n| 2 |\n\n… 1,201 more rows (showing the first 2; set rows= on the block "
                + "to show more).\n"
        )
        #expect(NotebookTable(columns: ["n"], rows: []).markdown() == "| n |\n| :--- |\n\nNo rows.\n")
    }

    @Test func outputsJoinWithBlankLinesAndFenceTextSafely() {
        let markdown = NotebookOutput.markdown([
            .image(file: "cart recovery-1.svg", alt: "Reply [rate]"),
            .text("run 1\n```\ninner fence\n"),
            .error("no such table: arms"),
            .errorDetail("error: exit 1\n"),
            .text(""),
        ])
        #expect(
            markdown == """
                ![Reply \\[rate\\]](cart%20recovery-1.svg)

                ````text
                run 1
                ```
                inner fence
                ````

                > **Error:** no such table: arms

                ```text
                error: exit 1
                ```

                The command printed nothing.
                """
        )
    }

    static func parses(_ svg: String) -> Bool { XMLParser(data: Data(svg.utf8)).parse() }

    @Test func barChartsPlotEveryNumericColumnOrTheChosenOnes() throws {
        var options = NotebookOptions()
        options.chart = .bar
        let svg = try NotebookChart.render(Self.arms, options: options).svg
        #expect(Self.parses(svg))
        #expect(svg.contains(">sent, replied, reply_rate by variant</text>"))
        options.y = ["reply_rate"]
        options.format = .percent(places: 1)
        options.title = "Reply rate"
        let rate = try NotebookChart.render(Self.arms, options: options).svg
        #expect(rate.contains(">Reply rate</text>"))
        #expect(rate.contains(">18.3%</text>"))
        #expect(rate.contains(">8.3%</text>"))
        #expect(rate.contains(">—</text>"))
    }

    @Test func aSeriesColumnSplitsLongResults() throws {
        let long = NotebookTable(
            columns: ["day", "variant", "replies"],
            rows: [
                [.integer(1), .text("one-way"), .integer(5)], [.integer(1), .text("two-way"), .integer(9)],
                [.integer(2), .text("one-way"), .integer(3)], [.integer(2), .text("two-way"), .integer(12)],
            ]
        )
        var options = try NotebookOptions(parsing: "chart=line x=day y=replies series=variant", for: .sql)
        let line = try NotebookChart.render(long, options: options).svg
        #expect(Self.parses(line))
        #expect(line.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(line.contains(">two-way</text>"))
        options.chart = .bar
        let bar = try NotebookChart.render(long, options: options).svg
        #expect(bar.contains(">12</text>"))
        #expect(bar.contains(">one-way</text>"))
    }

    @Test func chartMistakesSayWhatToWrite() throws {
        func message(_ text: String, _ table: NotebookTable = NotebookOutputTests.arms) -> String? {
            do {
                _ = try NotebookChart.render(table, options: try NotebookOptions(parsing: text, for: .sql)).svg
                return nil
            } catch {
                return error.message
            }
        }
        #expect(
            message("chart=bar y=rate")
                == "y=rate is not a column of the result; its columns are variant, sent, replied, reply_rate"
        )
        #expect(
            message("chart=line")?.hasPrefix("chart=line needs numbers in x=variant, and row 1 holds 'one-way'") == true
        )
        #expect(message("chart=bar x=sent y=variant")?.hasPrefix("y=variant holds text in row 1 ('one-way')") == true)
        #expect(message("chart=bar y=sent,replied series=variant")?.hasPrefix("series= splits one y column") == true)
        let twice = NotebookTable(
            columns: ["day", "variant", "n"],
            rows: [[.integer(1), .text("a"), .integer(1)], [.integer(1), .text("a"), .integer(2)]]
        )
        #expect(
            message("chart=bar x=day y=n series=variant", twice)?.hasPrefix("two rows have day=1 and variant=a") == true
        )
        let words = NotebookTable(columns: ["a", "b"], rows: [[.text("x"), .text("y")]])
        #expect(message("chart=bar", words)?.hasPrefix("no numeric column to plot besides x=a") == true)
    }
}
