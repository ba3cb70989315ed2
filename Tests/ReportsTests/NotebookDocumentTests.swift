import Foundation
import Testing

@testable import Reports

/// Reading notebooks as GitHub renders them, and splicing outputs so a re-run replaces rather than appends.
@Suite struct NotebookDocumentTests {
    static let twoBlocks = """
        # Replies

        ```sql
        SELECT 1 AS one
        ```

        Prose between.

        ```replylab chart=bar name=arms
        replylab simulate x.json --db run.sqlite
        ```
        The end.

        """

    @Test func findsRunnableBlocksInOrderWithTheirOptionsAndLines() throws {
        let document = try NotebookDocument(parsing: Self.twoBlocks)
        #expect(document.blocks.map(\.ordinal) == [1, 2])
        #expect(document.blocks.map(\.language) == [.sql, .replylab])
        #expect(document.blocks.map(\.line) == [3, 9])
        #expect(document.blocks.map(\.body) == ["SELECT 1 AS one", "replylab simulate x.json --db run.sqlite"])
        #expect(document.blocks[1].optionText == "chart=bar name=arms")
        #expect(document.newline == "\n")
    }

    @Test func spliceInsertsOutputsAndASecondSpliceGivesTheSameBytes() throws {
        let document = try NotebookDocument(parsing: Self.twoBlocks)
        let outputs = [1: "| one |\n| ---: |\n| 1 |", 2: "```text\nSimulated.\n```"]
        let once = document.splicing(outputs)
        #expect(
            once == """
                # Replies

                ```sql
                SELECT 1 AS one
                ```

                <!-- replylab:output -->

                | one |
                | ---: |
                | 1 |

                <!-- /replylab:output -->

                Prose between.

                ```replylab chart=bar name=arms
                replylab simulate x.json --db run.sqlite
                ```

                <!-- replylab:output -->

                ```text
                Simulated.
                ```

                <!-- /replylab:output -->
                The end.

                """
        )
        let reread = try NotebookDocument(parsing: once)
        #expect(reread.blocks.count == 2)
        #expect(reread.splicing(outputs) == once)
        #expect(reread.blocks.allSatisfy { reread.isCurrent($0, output: outputs[$0.ordinal]!) })
        #expect(!document.isCurrent(document.blocks[0], output: outputs[1]!))
        #expect(reread.existingOutput(of: reread.blocks[1])?.markdown == "```text\nSimulated.\n```")
        #expect(reread.existingOutput(of: reread.blocks[1])?.line == 23)
    }

    @Test func newOutputReplacesTheOldOneEvenWithBlankLinesBeforeTheMarker() throws {
        let text = "```sql\nSELECT 2\n```\n\n\n<!-- replylab:output -->\nold table\n<!-- /replylab:output -->\nafter\n"
        let document = try NotebookDocument(parsing: text)
        #expect(document.existingOutput(of: document.blocks[0])?.markdown == "old table")
        #expect(document.existingOutput(of: document.blocks[0])?.line == 7)
        #expect(!document.isCurrent(document.blocks[0], output: "old table"))
        let spliced = document.splicing([1: "new table"])
        #expect(
            spliced
                == "```sql\nSELECT 2\n```\n\n<!-- replylab:output -->\n\nnew table\n\n<!-- /replylab:output -->\nafter\n"
        )
        #expect(!spliced.contains("old table"))
    }

    @Test func blocksWithoutNewOutputKeepTheirs() throws {
        let text = "```sql\nSELECT 2\n```\n<!-- replylab:output -->\nkept\n<!-- /replylab:output -->\n"
        #expect(try NotebookDocument(parsing: text).splicing([:]) == text)
    }

    @Test func crlfDocumentsStayCRLF() throws {
        let text = "Intro\r\n\r\n```sql\r\nSELECT 1\r\n  FROM runs\r\n```\r\nafter\r\n"
        let document = try NotebookDocument(parsing: text)
        #expect(document.newline == "\r\n")
        #expect(document.blocks[0].body == "SELECT 1\n  FROM runs")
        let spliced = document.splicing([1: "a\nb"])
        #expect(
            spliced
                == "Intro\r\n\r\n```sql\r\nSELECT 1\r\n  FROM runs\r\n```\r\n\r\n<!-- replylab:output -->\r\n\r\n"
                + "a\r\nb\r\n\r\n<!-- /replylab:output -->\r\nafter\r\n"
        )
        #expect(!spliced.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let again = try NotebookDocument(parsing: spliced)
        #expect(again.splicing([1: "a\nb"]) == spliced)
        #expect(again.isCurrent(again.blocks[0], output: "a\r\nb"))
    }

    @Test func aLastFenceWithoutNewlineGetsOne() throws {
        let document = try NotebookDocument(parsing: "```sql\nSELECT 1\n```")
        let spliced = document.splicing([1: "x"])
        #expect(spliced == "```sql\nSELECT 1\n```\n\n<!-- replylab:output -->\n\nx\n\n<!-- /replylab:output -->\n")
        #expect(try NotebookDocument(parsing: spliced).splicing([1: "x"]) == spliced)
    }

    @Test func fencesInsideLongerOrOtherFencesAreText() throws {
        let text = """
            ````markdown
            ```sql
            SELECT 'shown, not run'
            ```
            ````

            ~~~
            ```replylab
            replylab simulate
            ```
            ~~~

            ~~~sql
            SELECT 'tilde fences run'
            ~~~

            ```python
            print("not ours")
            ```

            ```SQL
            SELECT 'any case'
            ```
            """
        let document = try NotebookDocument(parsing: text)
        #expect(document.blocks.map(\.body) == ["SELECT 'tilde fences run'", "SELECT 'any case'"])
    }

    @Test func indentedCodeCommentsAndQuotesAreNotRun() throws {
        let text = """
            Indented code:

                ```sql
                SELECT 'indented four'
                ```

            <!--
            ```sql
            SELECT 'commented out'
            ```
            -->

            > ```sql
            > SELECT 'quoted'
            > ```

              ```sql
              SELECT 'indented two'
                AND 'more'
              ```
            """
        let document = try NotebookDocument(parsing: text)
        #expect(document.blocks.map(\.body) == ["SELECT 'indented two'\n  AND 'more'"])
    }

    @Test func aClosingFenceMustBeAtLeastAsLongAndBare() throws {
        let text = "````sql\nSELECT 1\n```\n```` trailing\n````\nafter\n"
        let document = try NotebookDocument(parsing: text)
        #expect(document.blocks[0].body == "SELECT 1\n```\n```` trailing")
    }

    @Test func anUnclosedRunnableBlockRefusesTheFile() {
        #expect(
            throws: NotebookSyntaxError(line: 3, message: "this ```sql block is never closed; add a line ``` after it")
        ) {
            try NotebookDocument(parsing: "Intro\n\n```sql\nSELECT 1\n")
        }
    }

    @Test func anUnclosedOtherFenceSwallowsTheRestAsCommonMarkDoes() throws {
        let document = try NotebookDocument(parsing: "```text\nnever closed\n```sql\nSELECT 1\n```\n")
        #expect(document.blocks.isEmpty)
    }

    @Test func aStartMarkerWithoutItsEndRefusesTheFile() {
        let text = "```sql\nSELECT 1\n```\n<!-- replylab:output -->\n| a |\n\nMore prose the author wrote.\n"
        #expect(throws: NotebookSyntaxError.self) { try NotebookDocument(parsing: text) }
        do {
            _ = try NotebookDocument(parsing: text)
        } catch {
            #expect(error.line == 4)
            #expect(error.message.hasPrefix("<!-- replylab:output --> has no <!-- /replylab:output --> after it"))
        }
    }

    @Test func anEndMarkerInsideOutputTextDoesNotEndTheOutput() throws {
        let text = """
            ```replylab
            replylab simulate
            ```

            <!-- replylab:output -->

            ```text
            <!-- /replylab:output -->
            ```sql
            ```

            <!-- /replylab:output -->

            ```sql
            SELECT 2
            ```
            """
        let document = try NotebookDocument(parsing: text)
        #expect(document.blocks.map(\.body) == ["replylab simulate", "SELECT 2"])
        #expect(
            document.existingOutput(of: document.blocks[0])?.markdown.hasPrefix("```text\n<!-- /replylab:output -->")
                == true
        )
    }

    @Test func outputLeftByABlockNoLongerRunIsKeptAndNotRun() throws {
        let text =
            "```text\nSELECT 1\n```\n\n<!-- replylab:output -->\n\n```sql\nSELECT 'inside'\n```\n\n<!-- /replylab:output -->\n"
        let document = try NotebookDocument(parsing: text)
        #expect(document.blocks.isEmpty)
        #expect(document.splicing([:]) == text)
    }
}
