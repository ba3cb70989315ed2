import Foundation

/// Runs async work to completion from a synchronous command: commands are synchronous, the simulator's shards
/// run in a task group.
///
/// The work, and every child task it starts, runs on threads of its own (`DedicatedThreads`), never on the
/// cooperative pool: the waiting caller may itself be a pool thread (a test, a notebook block), and two such
/// waiters on a two-core machine would otherwise hold every pool thread while their shards wait for one.
enum BlockingTask {
    /// The result of `body`, or the error it threw.
    static func run<T: Sendable>(
        threads: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
        _ body: @escaping @Sendable () async throws -> T
    ) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let executor = DedicatedThreads(count: threads)
        defer { executor.shutDown() }
        Task(executorPreference: executor) {
            do {
                box.result = .success(try await body())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// Written once by the task before it signals, read once by the waiting thread after: the semaphore orders
    /// the two accesses.
    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}

/// A task executor with a fixed set of threads taking jobs first in, first out.
///
/// Child tasks inherit a task's executor preference, so a task group started under it keeps its shards here.
final class DedicatedThreads: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var jobs: [UnownedJob] = []
    private var next = 0
    private var isShutDown = false

    init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [self] in work() }
            thread.name = "replylab-shard-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish what is queued and exit.
    func shutDown() {
        condition.lock()
        isShutDown = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while next == jobs.count && !isShutDown { condition.wait() }
            guard next < jobs.count else {
                condition.unlock()
                return
            }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
