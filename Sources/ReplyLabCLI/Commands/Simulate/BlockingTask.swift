import Dispatch

/// Runs async work to completion from a synchronous command: commands are synchronous, the simulator's shards
/// run in a task group. The calling thread waits on a semaphore while the work runs on the global executor.
enum BlockingTask {
    /// The result of `body`, or the error it threw.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
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
