// Fuzz target: whole requests of every method through the real case services onto a temporary SQLite store.
// Byte 0 picks the method (ServiceMethod.all, modulo its count), the rest is the request payload. Any answer
// with a status is fine; a trap, a crash or an AddressSanitizer report is a finding. Internal answers are
// reported once per distinct message on stderr (set JIEFEN_FUZZ_INTERNAL=crash to treat them as findings).
import Foundation
import JiefenFuzzSupport
import JiefenRequestSamples
import NIOCore
import Synchronization
import TTRPCCore

/// Internal-status messages already reported, so each is printed once.
let reportedInternal = Mutex<Set<String>>([])
let internalIsCrash = ProcessInfo.processInfo.environment["JIEFEN_FUZZ_INTERNAL"] == "crash"
/// With JIEFEN_FUZZ_VERBOSE=1 every answer is printed (to check that the seeds reach past validation).
let verbose = ProcessInfo.processInfo.environment["JIEFEN_FUZZ_VERBOSE"] == "1"

/// libFuzzer's entry point: runs one input; returns 0 (a finding traps instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServices(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzerMain.bytes(data, size)
    guard let selector = input.first else { return 0 }
    let method = ServiceMethod.all[Int(selector) % ServiceMethod.all.count]
    let payload = ByteBuffer(bytes: input.dropFirst())
    let harness = ServiceHarness.shared
    let answer = blocking { await harness.call(method, payload) }
    if verbose {
        let outcome =
            switch answer {
            case .success: "OK"
            case .failure(let error): "\(error)"
            }
        FileHandle.standardError.write(Data("ANSWER: \(method) \(outcome)\n".utf8))
    }
    if case .failure(let error) = answer, error.code == .internal || error.code == .unknown {
        precondition(!internalIsCrash, "\(method) answered \(error)")
        let first = reportedInternal.withLock { $0.insert("\(method) \(error)").inserted }
        if first { FileHandle.standardError.write(Data("INTERNAL ANSWER: \(method) \(error)\n".utf8)) }
    }
    return 0
}

/// The process entry point (SwiftPM aliases `main` to `FuzzServices_main`): writes seeds or runs libFuzzer.
@_cdecl("FuzzServices_main")
public func fuzzServicesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let extremes = ProcessInfo.processInfo.environment["JIEFEN_FUZZ_EXTREMES"] == "1"
    return FuzzerMain.run(
        argc: argc, argv: argv, seeds: extremes ? WireSeeds.extremeValuePayloads : WireSeeds.methodPayloads,
        testOneInput: fuzzServices
    )
}
