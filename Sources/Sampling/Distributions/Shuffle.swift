extension MutableCollection where Self: RandomAccessCollection {
    /// Shuffles in place by Fisher–Yates (Durstenfeld's version, CACM 7(7), 1964), with our own bounded draws so a
    /// seed gives the same order in every Swift version (`shuffle(using:)` promises no such thing).
    /// - Complexity: O(n), n − 1 draws.
    public mutating func fisherYatesShuffle<Source: RandomSource>(using source: inout Source) {
        guard count > 1 else { return }
        var position = count - 1
        while position > 0 {
            let other = source.nextIndex(position + 1)
            swapAt(index(startIndex, offsetBy: position), index(startIndex, offsetBy: other))
            position -= 1
        }
    }
}
