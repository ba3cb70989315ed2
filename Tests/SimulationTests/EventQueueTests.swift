import Sampling
import Testing

@testable import Simulation

@Suite struct EventQueueTests {
    @Test func emptyQueuePopsNothing() {
        var queue = EventQueue<Int>()
        #expect(queue.isEmpty)
        let popped = queue.popNext()
        let nextTime = queue.nextTime()
        #expect(popped == nil)
        #expect(nextTime == nil)
        #expect(queue.now == 0)
    }

    @Test func tiesGoByPriorityThenInsertionOrder() {
        var queue = EventQueue<String>()
        queue.schedule("late", at: 20)
        queue.schedule("first normal", at: 10, priority: 1)
        queue.schedule("second normal", at: 10, priority: 1)
        queue.schedule("urgent", at: 10, priority: 0)
        queue.schedule("third normal", at: 10, priority: 1)
        queue.schedule("negative priority beats urgent", at: 10, priority: -5)
        var order: [String] = []
        while let event = queue.popNext() { order.append(event.payload) }
        #expect(
            order == [
                "negative priority beats urgent", "urgent", "first normal", "second normal", "third normal", "late",
            ]
        )
        #expect(queue.now == 20)
    }

    @Test func cancelledEventsNeverFire() {
        var queue = EventQueue<Int>()
        let tickets = (0..<10).map { queue.schedule($0, at: Int64(100 - $0)) }
        let first = queue.cancel(tickets[3])
        let again = queue.cancel(tickets[3])
        let head = queue.cancel(tickets[9])
        #expect(first)
        #expect(!again, "a second cancel of the same ticket does nothing")
        #expect(head, "cancelling the head works too")
        #expect(queue.count == 8)
        let nextTime = queue.nextTime()
        #expect(nextTime == 92, "the cancelled head (time 91) is skipped")
        var fired: [Int] = []
        while let event = queue.popNext() { fired.append(event.payload) }
        #expect(fired == [8, 7, 6, 5, 4, 2, 1, 0])
        #expect(queue.scheduledCount == 10)
        #expect(queue.processedCount == 8)
        #expect(queue.cancelledCount == 2)
    }

    @Test func aFiredTicketCannotCancelTheEventThatReusesItsCell() {
        var queue = EventQueue<Int>()
        let old = queue.schedule(1, at: 5)
        #expect(queue.popNext()?.payload == 1)
        #expect(!queue.isPending(old))
        let new = queue.schedule(2, at: 6)
        #expect(new.slot == old.slot, "the cell is reused")
        let cancelledStale = queue.cancel(old)
        #expect(!cancelledStale)
        #expect(queue.popNext()?.payload == 2)
    }

    @Test func cancelledCellIsNotReusedWhileItsEntryIsStillInTheHeap() {
        var queue = EventQueue<Int>()
        let doomed = queue.schedule(1, at: 50)
        queue.cancel(doomed)
        let other = queue.schedule(2, at: 60)
        #expect(other.slot != doomed.slot)
        #expect(queue.popNext()?.payload == 2)
        #expect(queue.popNext() == nil)
    }

    @Test func hundredThousandRandomPushesPopSorted() {
        var source = Xoshiro256StarStar(seed: 2024)
        var queue = EventQueue<Int>(reservingCapacity: 1000)
        var expected: [(time: Int64, priority: Int32, index: Int)] = []
        for index in 0..<100_000 {
            // Few distinct times and priorities, so ties are common and the sequence decides.
            let time = Int64(source.nextBounded(5_000))
            let priority = Int32(source.nextBounded(3))
            queue.schedule(index, at: time, priority: priority)
            expected.append((time, priority, index))
        }
        expected.sort { ($0.time, $0.priority, $0.index) < ($1.time, $1.priority, $1.index) }
        var popped: [Int] = []
        popped.reserveCapacity(100_000)
        while let event = queue.popNext() { popped.append(event.payload) }
        #expect(popped == expected.map(\.index))
    }

    @Test func interleavedScheduleCancelAndPopMatchASortedListModel() {
        var source = SplitMix64(seed: 77)
        var queue = EventQueue<Int>()
        var model: [(time: Int64, priority: Int32, sequence: Int, ticket: EventTicket)] = []
        var sequence = 0
        for _ in 0..<20_000 {
            switch source.nextBounded(10) {
            case 0..<5:
                let time = queue.now + Int64(source.nextBounded(50))
                let priority = Int32(source.nextBounded(2))
                let ticket = queue.schedule(sequence, at: time, priority: priority)
                model.append((time, priority, sequence, ticket))
                sequence += 1
            case 5..<7 where !model.isEmpty:
                let victim = source.nextIndex(model.count)
                let cancelled = queue.cancel(model[victim].ticket)
                #expect(cancelled)
                model.remove(at: victim)
            default:
                model.sort { ($0.time, $0.priority, $0.sequence) < ($1.time, $1.priority, $1.sequence) }
                let next = queue.popNext()
                #expect(next?.payload == model.first?.sequence)
                if !model.isEmpty { model.removeFirst() }
            }
            #expect(queue.count == model.count)
        }
    }
}
