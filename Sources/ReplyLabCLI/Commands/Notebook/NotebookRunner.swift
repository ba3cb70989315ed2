import Foundation
import Reports

/// Runs one notebook: every block in document order, each result spliced in right below its block and each chart
/// written beside the notebook; under `--check`, the same run in a scratch folder, compared with what is
/// committed, writing nothing.
///
/// A block that fails gets its error written in place, and the blocks after it still run: blocks share nothing
/// but the database, and a query after a failed `simulate` says for itself what is missing.
struct NotebookRunner {
    /// The command tree replylab blocks run in (the real one, or a test's fixtures).
    let root: CommandConfiguration
    /// Top-level commands a replylab block may run.
    let allowed: [String]
    /// `--db`: the notebook's database until a replylab block names its own.
    let database: String?
    let check: Bool

    /// What happened to one notebook.
    struct Outcome {
        var blocks = 0
        /// One line per block that failed: "FILE:LINE: block N (sql): message".
        var failures: [String] = []
        /// One line per block (or chart) whose committed output differs, under `--check`.
        var stale: [String] = []
        /// What commands wrote to standard error while succeeding, for the terminal only.
        var warnings: [String] = []
        /// Files written (a normal run) in order.
        var written: [String] = []
    }

    /// What the blocks run so far have set up.
    private struct State {
        var database: String?
        var chartCount = 0
        var chartNames: [String: Int] = [:]
        var charts: [(path: String, svg: String)] = []
    }

    private struct BlockResult {
        var parts: [NotebookOutput]
        var failure: String?
        var warning: String?
    }

    /// Runs `file`.
    /// - Throws: when the file cannot be read or written, or is not a notebook that can be run safely
    ///   (`NotebookSyntaxError`); the file is left as it was.
    func run(file: String) throws -> Outcome {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NotebookFileError("cannot read \(file): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookFileError("\(file) is not UTF-8 text")
        }
        let document: NotebookDocument
        do {
            document = try NotebookDocument(parsing: text)
        } catch {
            throw NotebookFileError("\(file):\(error.line): \(error.message); the notebook was not run")
        }

        let workspace = try NotebookWorkspace(check: check)
        var state = State(database: database)
        var outcome = Outcome(blocks: document.blocks.count)
        var outputs: [Int: String] = [:]
        // Chart paths are spelled from the notebook's path as given, so messages name them as the user would.
        let folder = (file as NSString).deletingLastPathComponent
        let stem = url.deletingPathExtension().lastPathComponent

        for block in document.blocks {
            let result = runBlock(block, workspace: workspace, state: &state, folder: folder, stem: stem)
            outputs[block.ordinal] = NotebookOutput.markdown(result.parts)
            let place = "\(file):\(block.line): \(label(block))"
            if let failure = result.failure { outcome.failures.append("\(place): \(failure)") }
            if let warning = result.warning { outcome.warnings.append("\(place) wrote to standard error:\n\(warning)") }
        }

        if check {
            for block in document.blocks where !document.isCurrent(block, output: outputs[block.ordinal] ?? "") {
                let place = "\(file):\(block.line): \(label(block))"
                guard let committed = document.existingOutput(of: block) else {
                    outcome.stale.append("\(place): no output committed yet")
                    continue
                }
                let changed = difference(committed.markdown, outputs[block.ordinal] ?? "", firstLine: committed.line)
                outcome.stale.append("\(place): output is stale\(changed)")
            }
            for chart in state.charts {
                let committed = FileManager.default.contents(atPath: chart.path)
                if committed == nil {
                    outcome.stale.append("\(chart.path): chart not committed yet")
                } else if committed != Data(chart.svg.utf8) {
                    outcome.stale.append("\(chart.path): chart is stale")
                }
            }
            return outcome
        }

        for chart in state.charts where FileManager.default.contents(atPath: chart.path) != Data(chart.svg.utf8) {
            try write(chart.svg, to: chart.path)
            outcome.written.append(chart.path)
        }
        let spliced = document.splicing(outputs)
        if spliced != text {
            try write(spliced, to: file)
            outcome.written.insert(file, at: 0)
        }
        return outcome
    }

    private func runBlock(
        _ block: NotebookBlock,
        workspace: NotebookWorkspace,
        state: inout State,
        folder: String,
        stem: String
    ) -> BlockResult {
        let options: NotebookOptions
        do {
            options = try block.options()
        } catch {
            return BlockResult(parts: [.error(error.message)], failure: error.message)
        }
        var chartFile: (path: String, link: String)?
        if options.chart != nil {
            state.chartCount += 1
            let name = options.name ?? String(state.chartCount)
            if let earlier = state.chartNames[name] {
                let message = "name=\(name) is already the chart of block \(earlier); give this chart its own name"
                return BlockResult(parts: [.error(message)], failure: message)
            }
            state.chartNames[name] = block.ordinal
            let link = "\(stem)-\(name).svg"
            chartFile = ((folder as NSString).appendingPathComponent(link), link)
        }

        var result: BlockResult
        var table: NotebookTable?
        switch block.language {
        case .sql:
            (result, table) = runQuery(block, options: options, workspace: workspace, state: &state)
        case .replylab:
            (result, table) = runCommand(block, options: options, workspace: workspace, state: &state)
        }
        guard let table else { return result }
        var parts: [NotebookOutput] = []
        if let chartFile {
            do {
                let chart = try NotebookChart.render(table, options: options)
                state.charts.append((chartFile.path, chart.svg))
                parts.append(.image(file: chartFile.link, alt: chart.title))
            } catch {
                parts.append(.error(error.message))
                result.failure = error.message
            }
        }
        parts.append(.table(table, rowLimit: options.rows, decimals: options.decimals))
        result.parts = parts
        return result
    }

    private func runQuery(
        _ block: NotebookBlock,
        options: NotebookOptions,
        workspace: NotebookWorkspace,
        state: inout State
    ) -> (BlockResult, NotebookTable?) {
        guard let shown = options.database ?? state.database else {
            let message =
                "this sql block has no database: run the notebook with --db FILE, add db=FILE to the fence, or put "
                + "a replylab block that writes one (--db FILE) above it"
            return (BlockResult(parts: [.error(message)], failure: message), nil)
        }
        do {
            let real = try workspace.database(shown)
            let table = try NotebookQuery.run(block.body, at: real, shownAs: shown)
            return (BlockResult(parts: []), table)
        } catch let error as NotebookBlockError {
            return (BlockResult(parts: [.error(error.message)], failure: error.message), nil)
        } catch {
            let message = "cannot prepare '\(shown)': \(ReplyLab.describe(error))"
            return (BlockResult(parts: [.error(message)], failure: message), nil)
        }
    }

    private func runCommand(
        _ block: NotebookBlock,
        options: NotebookOptions,
        workspace: NotebookWorkspace,
        state: inout State
    ) -> (BlockResult, NotebookTable?) {
        func failed(_ message: String, detail: String? = nil) -> (BlockResult, NotebookTable?) {
            var parts: [NotebookOutput] = [.error(message)]
            if let detail, !detail.isEmpty { parts.append(.errorDetail(detail)) }
            return (BlockResult(parts: parts, failure: message), nil)
        }
        let words: [String]
        do {
            words = try NotebookCommandLine.words(block.body)
        } catch {
            return failed(error.message)
        }
        guard words[0] == "replylab" else {
            return failed("a replylab block starts with the word replylab, e.g. replylab simulate EXPERIMENT.json")
        }
        let arguments = Array(words.dropFirst())
        let allowedList = allowed.joined(separator: ", ")
        guard let command = arguments.first else {
            return failed("name the command after replylab; a notebook may run \(allowedList)")
        }
        let typed = (["replylab"] + commandPath(arguments)).joined(separator: " ")
        guard allowed.contains(command) else {
            return failed("refused: \(typed) cannot run in a notebook; a replylab block may run \(allowedList)")
        }

        let outcome: ArgumentScanner.Outcome
        do {
            outcome = try ArgumentScanner(root: root).scan(arguments)
        } catch {
            return failed(error.error.message, detail: "usage: \(error.usage)")
        }
        var type: any Command.Type
        var parsed: ParsedArguments
        switch outcome {
        case .version:
            return (BlockResult(parts: [.text("replylab \(ReplyLab.version)")]), nil)
        case .help(let path, let configuration):
            return (BlockResult(parts: [.text(Help.render(path: path, configuration: configuration))]), nil)
        case .run(let scannedType, let scanned):
            type = scannedType
            parsed = scanned
        }

        let databaseOption = NotebookCommands.databaseOption
        let takesDatabase = type.configuration.options.contains { $0.name == databaseOption && !$0.isFlag }
        let ownDatabase = parsed.value(databaseOption)
        if options.fresh, !takesDatabase || ownDatabase == nil {
            return failed("fresh deletes the block's own --db file before it runs; give the command --db FILE")
        }
        do {
            if takesDatabase {
                if let ownDatabase {
                    state.database = ownDatabase
                } else if let current = state.database {
                    parsed.options[databaseOption] = [current]
                }
                if let shown = parsed.value(databaseOption) {
                    let real = try workspace.database(shown, copying: !options.fresh)
                    if options.fresh { try workspace.removeDatabase(at: real) }
                    parsed.options[databaseOption] = [real]
                }
            }
            for option in NotebookCommands.writtenPathOptions where parsed.options[option] != nil {
                parsed.options[option] = try parsed.values(option).map { try workspace.writtenPath($0) }
            }
        } catch {
            return failed("cannot prepare the files of \(typed): \(ReplyLab.describe(error))")
        }

        let console = Console.captured()
        let status = ReplyLab.execute(type, parsed, console: console)
        let output = workspace.normalise(console.output)
        let errors = workspace.normalise(console.errors)
        guard status == ExitStatus.success else {
            var (result, _) = failed("\(typed) exited with status \(status)", detail: errors)
            if !output.isEmpty { result.parts.insert(.text(output), at: 0) }
            return (result, nil)
        }
        var warning: String? = errors
        while warning?.hasSuffix("\n") == true { warning?.removeLast() }
        if warning?.isEmpty == true { warning = nil }
        guard options.table || options.chart != nil else {
            return (BlockResult(parts: [.text(output)], warning: warning), nil)
        }
        do {
            return (BlockResult(parts: [], warning: warning), try NotebookJSONTable.table(from: output))
        } catch {
            return (BlockResult(parts: [.error(error.message), .text(output)], failure: error.message), nil)
        }
    }

    /// "block 3 (sql)", "block 4 (replylab import twilio)".
    private func label(_ block: NotebookBlock) -> String {
        guard block.language == .replylab, let words = try? NotebookCommandLine.words(block.body), words.count > 1
        else { return "block \(block.ordinal) (\(block.language.rawValue))" }
        return
            "block \(block.ordinal) (\((["replylab"] + commandPath(Array(words.dropFirst()))).joined(separator: " ")))"
    }

    /// The leading words of `arguments` that name commands in the tree (`db init`, `import twilio`), or the first
    /// word when it names none.
    private func commandPath(_ arguments: [String]) -> [String] {
        var path: [String] = []
        var configuration = root
        for word in arguments {
            guard let next = configuration.subcommands.first(where: { $0.configuration.name == word }) else { break }
            path.append(word)
            configuration = next.configuration
        }
        return path.isEmpty ? Array(arguments.prefix(1)) : path
    }

    /// "; line 27 reads '…' but the code now gives '…'", so a CI log says what changed and where.
    private func difference(_ committed: String, _ current: String, firstLine: Int) -> String {
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = current.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(old.count, new.count) {
            let was = index < old.count ? quoted(String(old[index])) : "nothing"
            let now = index < new.count ? quoted(String(new[index])) : "nothing"
            if was != now { return "; line \(firstLine + index) reads \(was) but the code now gives \(now)" }
        }
        return " (the blank lines around its markers differ)"
    }

    private func quoted(_ line: String) -> String {
        "'" + (line.count > 70 ? line.prefix(70) + "…" : line) + "'"
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw NotebookFileError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// A notebook that cannot be read, run safely or written: one line naming the file.
struct NotebookFileError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
