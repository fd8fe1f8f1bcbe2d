#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// How many cores this process may run on.
///
/// NIO's default group size is the machine's core count; under `taskset` or a cpuset that is more threads than
/// cores, and event-loop threads then take turns by scheduler time slice, which shows up as milliseconds of tail
/// latency. Executables size their event-loop groups with this instead.
public enum ProcessorAffinity {
    /// The number of cores in this process's affinity mask (from `Cpus_allowed` in `/proc/self/status` on
    /// Linux), at least 1 and at most the online core count.
    public static var availableCores: Int {
        let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard let mask = allowedMask() else { return online }
        return min(online, max(1, mask))
    }

    /// Counts the bits of the hexadecimal `Cpus_allowed:` mask, e.g. "00000000,00000003" → 2.
    static func countMask(_ text: Substring) -> Int {
        text.reduce(0) { count, character in
            count + (character.hexDigitValue.map { $0.nonzeroBitCount } ?? 0)
        }
    }

    private static func allowedMask() -> Int? {
        #if os(Linux)
            let fd = open("/proc/self/status", O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("Cpus_allowed:") {
                return countMask(line.dropFirst("Cpus_allowed:".count))
            }
            return nil
        #else
            return nil
        #endif
    }
}
