import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal, so piped and
/// captured output (CI, tests, notebooks) stays byte-identical.
///
/// Redraws at most every `interval` seconds and only when the shown percentage changes, so a hot loop can call
/// `update` per item cheaply. `finish` clears the line.
final class ProgressBar {
    private let label: String
    private let total: Int
    private let isEnabled: Bool
    private let interval: Double
    private var lastDraw: Double = 0
    private var lastPercent = -1
    private let write: (String) -> Void

    /// - Parameters:
    ///   - enabled: nil draws exactly when standard error is a terminal.
    ///   - write: where the bar goes; standard error by default (tests pass their own).
    init(
        _ label: String,
        total: Int,
        enabled: Bool? = nil,
        interval: Double = 0.1,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.total = max(total, 1)
        self.isEnabled = enabled ?? (isatty(STDERR_FILENO) == 1)
        self.interval = interval
        self.write = write
    }

    /// Shows `done` of `total`.
    /// - Complexity: O(1); draws at most once per `interval`.
    func update(_ done: Int) {
        guard isEnabled else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        let now = ProcessInfo.processInfo.systemUptime
        guard now - lastDraw >= interval || percent == 100 else { return }
        lastDraw = now
        lastPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\(label) \(bar) \(percent)% (\(done.formatted())/\(total.formatted()))")
    }

    /// Clears the bar's line.
    func finish() {
        guard isEnabled, lastPercent >= 0 else { return }
        write("\r\u{1B}[2K")
    }
}
