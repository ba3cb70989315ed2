import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Shards simulated ahead of the thread that writes them, on worker threads, handed over in shard order.
///
/// `jobs` workers each take the next shard not yet started, so a worker never idles while a slower shard of its
/// wave finishes, and the sink never waits for a whole wave: it takes shard i as soon as shard i is done. At most
/// `window` shards past the next one to be taken are started, which bounds memory at `window` shards' rows.
/// (Measured here at 10^6 customers on 2 cores: waves of `jobs` shards left the writer waiting 2.65 s in all.)
///
/// Workers are threads of their own at a lower scheduling priority than the writer (`workerNiceness` on Linux,
/// utility QoS on Darwin). When the writer set the pace, it shared its core with `jobs` workers on as many cores
/// (three runnable threads on two); now it keeps one and the workers share the rest, running ahead within the
/// window.
/// Measured here at 10^6 customers on 2 jobs, alternating: 15.56, 15.65, 16.20 s → 13.92, 15.20, 14.92 s.
///
/// A written shard comes back through `dispose` and is freed by the worker that built it, before its next shard:
/// its millions of strings were allocated on that thread, and freeing them on the writer's thread cost the
/// writer 2.25 s of a 10^6-customer run (glibc frees a chunk into the arena that allocated it, under that
/// arena's lock).
final class ShardPipeline: @unchecked Sendable {
    /// The workers' nice value on Linux (0 is normal, 19 the lowest priority): their own threads, so nothing needs
    /// it back.
    static let workerNiceness: Int32 = 10

    private let world: World
    private let shardCount: Int
    private let window: Int
    private let condition = NSCondition()
    private var done: [ShardResult?]
    /// The worker that built each shard started so far.
    private var builder: [Int]
    /// Written shards waiting for their builder to free them, per worker.
    private var returned: [[ShardResult]]
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
        builder = Array(repeating: -1, count: shardCount)
        let workers = max(1, min(jobs, shardCount))
        returned = Array(repeating: [], count: workers)
        for worker in 0..<workers {
            let thread = Thread { [self] in work(worker) }
            thread.name = "replylab-shard-\(worker)"
            thread.qualityOfService = .utility
            thread.start()
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

    /// Gives a written shard back to be freed by the worker that built it (or here, once that worker is gone).
    func dispose(_ result: consuming ShardResult) {
        condition.lock()
        let worker = builder[result.shard]
        let isWorking = !cancelled && nextToStart < shardCount
        if isWorking {
            returned[worker].append(result)
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Stops workers from starting more shards (those running finish); for a writer that gives up early.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private enum Assignment {
        case simulate(Int)
        case free([ShardResult])
        case stop
    }

    private func work(_ worker: Int) {
        #if canImport(Glibc)
        // Linux keeps a nice value per thread, and `who` 0 is the calling thread. Raising it needs no privilege.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.workerNiceness)
        #endif
        while true {
            switch assignment(for: worker) {
            case .simulate(let shard):
                let result = SimulationRunner.simulate(world, shard: shard)
                condition.lock()
                done[shard] = result
                condition.broadcast()
                condition.unlock()
            case .free(let written):
                _ = consume written
            case .stop:
                return
            }
        }
    }

    /// Written shards to free first, else the next shard once the window has room; stop when every shard is
    /// started or the run is cancelled.
    private func assignment(for worker: Int) -> Assignment {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !returned[worker].isEmpty {
                let written = returned[worker]
                returned[worker] = []
                return .free(written)
            }
            if cancelled || nextToStart >= shardCount { return .stop }
            if nextToStart < nextToTake + window {
                builder[nextToStart] = worker
                nextToStart += 1
                return .simulate(nextToStart - 1)
            }
            condition.wait()
        }
    }
}
