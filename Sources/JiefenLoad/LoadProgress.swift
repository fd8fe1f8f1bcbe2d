import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A live progress line on standard error (rate, errors, elapsed), only when standard error is a terminal.
package final class LoadProgress: Sendable {
    private let enabled: Bool
    private let ok = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)
    private let state = Mutex<(label: String, started: ContinuousClock.Instant, lastPrinted: ContinuousClock.Instant)>(
        ("", .now, .now)
    )

    package init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    package func begin(_ label: String) {
        ok.store(0, ordering: .relaxed)
        failed.store(0, ordering: .relaxed)
        state.withLock { $0 = (label, .now, .now) }
    }

    package func count(ok success: Bool) {
        if success { ok.add(1, ordering: .relaxed) } else { failed.add(1, ordering: .relaxed) }
        guard enabled else { return }
        let line: String? = state.withLock { s in
            let now = ContinuousClock.now
            guard now - s.lastPrinted >= .milliseconds(250) else { return nil }
            s.lastPrinted = now
            let elapsed = seconds(now - s.started)
            let calls = ok.load(ordering: .relaxed) + failed.load(ordering: .relaxed)
            return String(
                format: "\r%@: %.1fs  %d calls  %.0f calls/s  %d errors   ", s.label, elapsed, calls, Double(calls) / max(elapsed, 0.001),
                failed.load(ordering: .relaxed))
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    package func end() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
