public import CLibFuzzer
public import Foundation

/// What every fuzz target's entry point does: write its seed corpus when asked, otherwise run libFuzzer.
///
/// SwiftPM links debug executables with `main` aliased to `<Module>_main`, so a fuzz target defines that symbol
/// (with `@_cdecl`) and calls ``run(argc:argv:seeds:testOneInput:)``; libFuzzer's own `main` is not used.
public enum FuzzerMain {
    /// The environment variable naming a directory to write the target's seeds into (then the target exits).
    public static let writeSeedsVariable = "JIEFEN_FUZZ_WRITE_SEEDS"

    /// Runs the fuzzer, or writes `seeds()` as one file each into `$JIEFEN_FUZZ_WRITE_SEEDS` and returns 0.
    /// - Parameters:
    ///   - seeds: The seed inputs by file name.
    ///   - testOneInput: The target's `LLVMFuzzerTestOneInput`.
    public static func run(
        argc: CInt,
        argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        seeds: () throws -> [(name: String, bytes: [UInt8])],
        testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        if let directory = ProcessInfo.processInfo.environment[writeSeedsVariable] {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                let all = try seeds()
                for seed in all {
                    try Data(seed.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(seed.name))
                }
                print("wrote \(all.count) seeds to \(directory)")
                return 0
            } catch {
                print("could not write seeds: \(error)")
                return 1
            }
        }
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }

    /// The input as a byte array (libFuzzer may pass a null pointer for an empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
