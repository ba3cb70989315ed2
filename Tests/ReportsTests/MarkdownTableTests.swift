import Testing

@testable import Reports

/// Notebook tables render on GitHub exactly as the data says, whatever a customer typed.
@Suite struct MarkdownTableTests {
    @Test func escapesPipesLineBreaksAndMarkup() {
        let markdown = MarkdownTable.render(
            header: ["body", "n"],
            rows: [["a | b\r\nc *bold* <b>&", "3"], ["[link](x) `code` ~x~ \\", "4"]],
            alignments: [.left, .right]
        )
        #expect(
            markdown == """
                | body | n |
                | :--- | ---: |
                | a \\| b<br>c \\*bold\\* &lt;b&gt;&amp; | 3 |
                | \\[link\\](x) \\`code\\` \\~x\\~ \\\\ | 4 |

                """
        )
    }

    @Test func dataTablesAlignNumbersRightAndMaskPhones() {
        let table = DataTable(
            title: "Replies",
            columns: [.init("Body"), .init("Customers")],
            rows: [["call 415-555-0134", .integer(1_200)]]
        )
        let masked = MarkdownTable.render(table)
        #expect(masked.contains("| call +1 415 \\*\\*\\*-\\*\\*34 | 1,200 |"))
        #expect(masked.contains("| :--- | ---: |"))
        #expect(MarkdownTable.render(table, options: ReportOptions(showNumbers: true)).contains("415-555-0134"))
    }
}
