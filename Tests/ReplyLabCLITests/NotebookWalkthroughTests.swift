import Foundation
import Testing

@testable import ReplyLabCLI

/// The walkthroughs in `notebooks-md/`, re-run with `replylab notebook run --check`: `swift test` (what CI runs)
/// fails when a committed table, chart or command output is no longer what the code computes.
@Suite(.serialized) struct NotebookWalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let walkthroughs = [
        "notebooks-md/one-way-vs-conversational.md",
        "notebooks-md/twilio-export.md",
        "notebooks-md/ab-test-before-launch.md",
        "notebooks-md/agent-sizing.md",
    ]

    /// Paths inside the notebooks are relative to the repository root, as in a shell there; `swift test` from the
    /// root (as `.ci/run` does) already stands there, any other folder is left for the root.
    static func standAtRoot() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let root = Self.root.resolvingSymlinksInPath().path
        if here != root {
            try #require(FileManager.default.changeCurrentDirectoryPath(root), "cannot enter \(root)")
        }
    }

    /// `replylab notebook run` with `arguments` on a thread of its own. `simulate` waits on a semaphore for its task
    /// group; waiting on one of the cooperative threads (two on a two-core machine) would starve the pool as soon
    /// as another suite does the same.
    static func runOffThePool(_ arguments: [String]) async -> (status: Int32, output: String, errors: String) {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let console = Console.captured()
                let status = ReplyLab.run(["notebook", "run"] + arguments, console: console)
                continuation.resume(returning: (status, console.output, console.errors))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    @Test(arguments: walkthroughs) func committedOutputIsWhatTheCodeComputes(notebook: String) async throws {
        try Self.standAtRoot()
        #expect(FileManager.default.fileExists(atPath: notebook), "\(notebook) is missing")
        let result = await Self.runOffThePool(["--check", notebook])
        let advice = "run 'replylab notebook run \(notebook)' from the repository root and commit the result"
        #expect(result.status == 0, "\(notebook) is stale or fails: \(advice).\n\(result.errors)")
        #expect(result.output.contains("output up to date"), "\(result.output)")
    }

    /// Every walkthrough is listed in the README's table, so a reader finds it.
    @Test func readmeListsEveryWalkthrough() throws {
        let readme = try String(
            contentsOf: Self.root.appendingPathComponent("notebooks-md/README.md"),
            encoding: .utf8
        )
        for notebook in Self.walkthroughs {
            let name = URL(fileURLWithPath: notebook).lastPathComponent
            #expect(readme.contains("(\(name))"), "notebooks-md/README.md does not link \(name)")
        }
    }
}
