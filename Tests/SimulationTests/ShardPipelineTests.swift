import EventLog
import Testing

@testable import Simulation

/// The synchronous runner's hand-over: shards may finish in any order on any thread, the writer must still get
/// each exactly once, in shard order, with the rows that shard alone produces.
@Suite struct ShardPipelineTests {
    /// 9,500 customers: four full shards and a short fifth.
    static let customers = 9_500

    @Test(arguments: [(jobs: 1, window: 1), (jobs: 3, window: 1), (jobs: 2, window: 4)])
    func everyShardArrivesOnceInOrderWithItsOwnRows(jobs: Int, window: Int) throws {
        let world = try WorldFixtures.world(customers: Self.customers)
        let pipeline = ShardPipeline(world: world, shardCount: 5, jobs: jobs, window: window)
        var taken: [Int] = []
        var lastEnd = 0
        // Each shard goes back to be freed by its builder as a writer does, while later shards still run.
        while let result = pipeline.next() {
            let alone = SimulationRunner.simulate(world, shard: result.shard)
            #expect(result.rows.batch == alone.rows.batch, "shard \(result.shard)")
            #expect(result.events == alone.events)
            taken.append(result.shard)
            lastEnd = result.customersEnd
            pipeline.dispose(result)
        }
        #expect(taken == [0, 1, 2, 3, 4])
        #expect(lastEnd == Self.customers)
        #expect(pipeline.next() == nil)
    }

    /// A writer that fails gives up on the rest: a cancelled pipeline hands over at most the shards already
    /// started and then nothing, instead of waiting for shards no worker will run.
    @Test func aCancelledPipelineHandsOverOnlyWhatWasStartedAndDoesNotHang() throws {
        let world = try WorldFixtures.world(customers: Self.customers)
        let pipeline = ShardPipeline(world: world, shardCount: 5, jobs: 1, window: 1)
        #expect(pipeline.next()?.shard == 0)
        pipeline.cancel()
        var after: [Int] = []
        while let result = pipeline.next() { after.append(result.shard) }
        // With one job and a window of one, only shard 1 may have been started before the cancel.
        #expect(after == [] || after == [1])
    }
}
