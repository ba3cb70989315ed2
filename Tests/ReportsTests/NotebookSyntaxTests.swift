import Testing

@testable import Reports

/// Fence options and replylab command lines: what is accepted, and a message that says what to write instead.
@Suite struct NotebookSyntaxTests {
    func options(
        _ text: String,
        _ language: NotebookBlock.Language = .sql
    ) throws(NotebookBlockError) -> NotebookOptions {
        try NotebookOptions(parsing: text, for: language)
    }

    func optionError(_ text: String, _ language: NotebookBlock.Language = .sql) -> String? {
        do {
            _ = try options(text, language)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func readsEveryOptionWithQuotes() throws {
        let read = try options(
            #"chart=line x=day y=sent,replied title="Reply rate, by day" label='Share (%)' format=percent:0 "#
                + "xformat=time name=replies-by-day rows=5 decimals=2 db=runs/cart.sqlite"
        )
        #expect(read.chart == .line)
        #expect(read.x == "day")
        #expect(read.y == ["sent", "replied"])
        #expect(read.title == "Reply rate, by day")
        #expect(read.label == "Share (%)")
        #expect(read.format == .percent(places: 0))
        #expect(read.xFormat == .time)
        #expect(read.name == "replies-by-day")
        #expect(read.rows == 5)
        #expect(read.decimals == 2)
        #expect(read.database == "runs/cart.sqlite")
        #expect(try options(#"chart=bar title="say \"hi\"""#).title == #"say "hi""#)
        #expect(try options("").rows == NotebookOptions.defaultRows)
    }

    @Test func flagsForReplylabBlocks() throws {
        let read = try options("table fresh", .replylab)
        #expect(read.table && read.fresh)
        #expect(try options("table=false", .replylab).table == false)
        #expect(optionError("table=yes", .replylab) == "table is a flag: write table (or table=false), not table=yes")
    }

    @Test func unknownAndMisplacedOptionsAreRefusedWithTheList() {
        #expect(
            optionError("chrt=bar")
                == "unknown option 'chrt' for a ```sql block; options: chart, x, y, series, title, label, format, "
                + "xformat, name, rows, decimals, db"
        )
        #expect(
            optionError("table")?.hasPrefix("unknown option 'table' for a ```sql block (it is for ```replylab") == true
        )
        #expect(optionError("db=x.sqlite", .replylab)?.contains("give the command its own --db instead") == true)
        #expect(optionError("chart=bar chart=line") == "option 'chart' is given twice")
        #expect(optionError("x=variant") == "option 'x' shapes a chart; add chart=bar or chart=line, or drop it")
        #expect(optionError("chart=pie") == "chart=pie is not a chart; use chart=bar or chart=line")
        #expect(optionError("chart=bar format=percent:9")?.hasPrefix("format=percent:9 is not a format") == true)
        #expect(optionError("rows=0") == "rows=0 must be a whole number from 1 to 1000")
        #expect(optionError("chart=bar name=../up")?.hasPrefix("name=../up must be letters") == true)
        #expect(optionError(#"chart=bar title="open"#) == "the value of 'title' opens a quote (\") it never closes")
        #expect(optionError("chart=") == "option 'chart' needs a value: chart=…")
    }

    @Test func commandLinesSplitAsAShellWould() throws {
        #expect(
            try NotebookCommandLine.words(
                """
                replylab simulate 'datasets/my experiment.json' \\
                  --seed 7 \\
                  --label "two \\"words\\"" # the default arms
                """
            ) == ["replylab", "simulate", "datasets/my experiment.json", "--seed", "7", "--label", #"two "words""#]
        )
        #expect(try NotebookCommandLine.words("# comment first\nreplylab stats ''\n\n") == ["replylab", "stats", ""])
        #expect(try NotebookCommandLine.words("replylab import x\\ y.csv\r\n") == ["replylab", "import", "x y.csv"])
    }

    @Test(arguments: [
        ("replylab simulate a.json; replylab export", "refused: ';' would start a second command"),
        ("replylab analyze --db x | head", "refused: pipes are not run"),
        ("replylab analyze > out.txt", "refused: redirections are not run"),
        ("replylab analyze --db $DB", "refused: variables and command substitution are not expanded"),
        (#"replylab analyze --db "$(pwd)/x""#, "refused: variables and command substitution are not expanded"),
        ("replylab simulate a.json && replylab analyze", "refused: '&' and '&&' are not run"),
        ("replylab simulate a.json\nreplylab analyze", "a replylab block holds one command"),
        ("replylab simulate 'a.json", "a ' quote is never closed"),
        ("  \n# only a comment\n", "the block is empty"),
    ])
    func shellFeaturesAreRefused(_ body: String, _ message: String) {
        #expect(throws: NotebookBlockError.self) { try NotebookCommandLine.words(body) }
        do {
            _ = try NotebookCommandLine.words(body)
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
