import NIOCore
import TTRPCFraming
import Testing

@testable import TTRPCCore

@Suite("server connection state machine: each rule, each action")
struct ServerConnectionStateMachineTests {
    typealias Machine = ServerConnectionStateMachine
    static let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    private func machine(streams: Int = 4, idle: TimeAmount? = nil, overHighWater: Int = 20) -> Machine {
        var configuration = Machine.Configuration(maximumConcurrentStreams: streams, idleTimeout: idle)
        configuration.maximumBytesOverHighWater = overHighWater
        return Machine(configuration: configuration, now: Self.start)
    }

    // MARK: Stream ids and limits

    @Test func streamIDsMustBeOddAndIncreasing() {
        var machine = machine()
        let odd = RPCError(code: .invalidArgument, message: "StreamID must be odd for client initiated streams")
        let reuse = RPCError(code: .invalidArgument, message: "StreamID cannot be re-used and must increment")
        #expect(machine.receivedRequest(streamID: 0) == .reject(odd))
        #expect(machine.receivedRequest(streamID: 2) == .reject(odd))
        #expect(machine.receivedRequest(streamID: 5) == .open)
        #expect(machine.receivedRequest(streamID: 5) == .reject(reuse))
        #expect(machine.receivedRequest(streamID: 3) == .reject(reuse))
        #expect(machine.receivedRequest(streamID: 7) == .open)
    }

    @Test func concurrentStreamLimitCountsOnlyStreamsInFlight() {
        var machine = machine(streams: 2)
        for id: UInt32 in [1, 3] {
            #expect(machine.receivedRequest(streamID: id) == .open)
            machine.streamOpened(streamID: id, kind: .unary)
        }
        guard case .reject(let error) = machine.receivedRequest(streamID: 5) else {
            Issue.record("a third stream was accepted")
            return
        }
        #expect(error.code == .resourceExhausted)
        #expect(machine.streamFinished(streamID: 1) == .writeEnd(kind: .unary, closeConnection: false, resumeReading: false))
        #expect(machine.receivedRequest(streamID: 7) == .open)
    }

    @Test func aStreamEndsOnce() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .serverStreaming)
        #expect(machine.canSendData(streamID: 1))
        #expect(machine.streamFinished(streamID: 1) == .writeEnd(kind: .serverStreaming, closeConnection: false, resumeReading: false))
        #expect(machine.streamFinished(streamID: 1) == .ignore)
        #expect(!machine.canSendData(streamID: 1))
    }

    // MARK: Data frames

    @Test func dataForAnUnknownStreamIsRejectedWithoutEndingAnything() {
        var machine = machine()
        #expect(
            machine.receivedData(streamID: 9, flags: [], length: 10)
                == .reject(RPCError(code: .invalidArgument, message: "StreamID is no longer active")))
    }

    @Test func streamsThatTakeNoDataOnlyAcceptTheUpstreamClose() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .serverStreaming)
        #expect(machine.receivedData(streamID: 1, flags: [.remoteClosed, .noData], length: 0) == .ignore)
        #expect(
            machine.receivedData(streamID: 1, flags: [], length: 10)
                == .failStream(RPCError(code: .invalidArgument, message: "data frames are not accepted on a server-streaming call")))
        _ = machine.receivedRequest(streamID: 3)
        machine.streamOpened(streamID: 3, kind: .unary)
        #expect(
            machine.receivedData(streamID: 3, flags: [], length: 0)
                == .failStream(RPCError(code: .invalidArgument, message: "data frames are not accepted on a unary call")))
    }

    @Test func clientStreamsTakeDataUntilRemoteClosed() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .clientStreaming)
        #expect(machine.receivedData(streamID: 1, flags: [], length: 10) == .deliver(endOfInput: false))
        #expect(machine.receivedData(streamID: 1, flags: [], length: 0) == .deliver(endOfInput: false))
        #expect(machine.receivedData(streamID: 1, flags: [.remoteClosed, .noData], length: 0) == .deliver(endOfInput: true))
        guard case .failStream(let error) = machine.receivedData(streamID: 1, flags: [], length: 10) else {
            Issue.record("data after remote closed was accepted")
            return
        }
        #expect(error.code == .invalidArgument)
        // A request flagged remote-closed opens a stream whose input has already ended.
        _ = machine.receivedRequest(streamID: 3)
        machine.streamOpened(streamID: 3, kind: .bidirectionalStreaming, remoteClosed: true)
        #expect(machine.receivedData(streamID: 3, flags: [], length: 10) != .deliver(endOfInput: false))
    }

    // MARK: Backpressure

    @Test func readingStopsWhileNotWritableAndResumesWhenWritable() {
        var machine = machine()
        #expect(machine.readRequested() == .read)
        #expect(machine.writabilityChanged(isWritable: false) == .none)
        #expect(machine.readRequested() == .none)
        #expect(machine.isReadPaused)
        #expect(machine.writabilityChanged(isWritable: true) == .read)
        #expect(machine.writabilityChanged(isWritable: true) == .none)
    }

    @Test func aFullStreamBufferStopsReadingUntilItsConsumerCatchesUp() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .clientStreaming)
        machine.inboundBufferFull(streamID: 1)
        #expect(machine.readRequested() == .none)
        #expect(machine.writabilityChanged(isWritable: false) == .none)
        #expect(machine.inboundWantsMore(streamID: 1) == .none) // still not writable
        #expect(machine.writabilityChanged(isWritable: true) == .read)
        machine.inboundBufferFull(streamID: 1)
        #expect(machine.readRequested() == .none)
        #expect(machine.inboundWantsMore(streamID: 1) == .read)
    }

    @Test func aStreamFarOverItsBufferFailsWithResourceExhausted() {
        var machine = machine(overHighWater: 20)
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .bidirectionalStreaming)
        machine.inboundBufferFull(streamID: 1)
        #expect(machine.receivedData(streamID: 1, flags: [], length: 10) == .deliver(endOfInput: false))
        #expect(machine.receivedData(streamID: 1, flags: [], length: 10) == .deliver(endOfInput: false))
        guard case .failStream(let error) = machine.receivedData(streamID: 1, flags: [], length: 10) else {
            Issue.record("the stream buffered without bound")
            return
        }
        #expect(error.code == .resourceExhausted)
    }

    @Test func aFinishedStreamNoLongerHoldsReadsBack() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .clientStreaming)
        machine.inboundBufferFull(streamID: 1)
        #expect(machine.readRequested() == .none)
        #expect(machine.streamFinished(streamID: 1) == .writeEnd(kind: .clientStreaming, closeConnection: false, resumeReading: true))
        #expect(!machine.isReadPaused)
    }

    // MARK: Flushing

    @Test func answersWrittenInAReadBurstAreFlushedOnceAtItsEnd() {
        var machine = machine()
        machine.readBurstStarted()
        #expect(machine.frameWritten() == .none)
        #expect(machine.frameWritten() == .none)
        #expect(machine.readBurstEnded(now: Self.start) == .flush)
        machine.readBurstStarted()
        #expect(machine.readBurstEnded(now: Self.start) == .none)
    }

    @Test func aLongReadBurstFlushesEveryFramesPerFlush() {
        var machine = machine()
        machine.readBurstStarted()
        let actions = (0..<machine.configuration.framesPerFlush).map { _ in machine.frameWritten() }
        #expect(actions.last == .flush)
        #expect(actions.dropLast().allSatisfy { $0 == .none })
    }

    @Test func answersOutsideAReadBurstShareOneScheduledFlush() {
        var machine = machine()
        #expect(machine.frameWritten() == .scheduleFlush)
        #expect(machine.frameWritten() == .none)
        #expect(machine.scheduledFlushRan(now: Self.start) == .flush)
        #expect(machine.scheduledFlushRan(now: Self.start) == .none)
        #expect(machine.frameWritten() == .scheduleFlush)
    }

    // MARK: Draining

    @Test func drainingRefusesNewStreamsAndClosesWhenTheLastEnds() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .unary)
        #expect(machine.beginDraining() == .none)
        #expect(machine.beginDraining() == .none)
        #expect(machine.receivedRequest(streamID: 3) == .refuse(RPCError(code: .unavailable, message: "server is shutting down")))
        #expect(machine.receivedRequest(streamID: 2) != .open)
        #expect(machine.streamFinished(streamID: 1) == .writeEnd(kind: .unary, closeConnection: true, resumeReading: false))
    }

    @Test func drainingAnIdleConnectionClosesAtOnce() {
        var machine = machine()
        #expect(machine.beginDraining() == .close)
    }

    @Test func aClosedConnectionReportsItsStreamsAndNeverFlushesOrReads() {
        var machine = machine()
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .unary)
        _ = machine.writabilityChanged(isWritable: false)
        _ = machine.readRequested()
        _ = machine.frameWritten()
        #expect(machine.channelClosed() == [1])
        #expect(machine.scheduledFlushRan(now: Self.start) == .none)
        #expect(machine.writabilityChanged(isWritable: true) == .none)
        #expect(machine.streamFinished(streamID: 1) == .ignore)
    }

    // MARK: Idle timeout

    @Test func anIdleConnectionClosesAfterTheTimeout() {
        var machine = machine(idle: .seconds(30))
        #expect(machine.channelActive(now: Self.start) == .scheduleTimer(.seconds(30)))
        #expect(machine.idleTimerFired(now: Self.start + .seconds(30)) == .close)
    }

    @Test func trafficPushesTheIdleDeadlineBack() {
        var machine = machine(idle: .seconds(30))
        _ = machine.channelActive(now: Self.start)
        machine.readBurstStarted()
        _ = machine.readBurstEnded(now: Self.start + .seconds(10))
        #expect(machine.idleTimerFired(now: Self.start + .seconds(30)) == .scheduleTimer(.seconds(10)))
        #expect(machine.idleTimerFired(now: Self.start + .seconds(40)) == .close)
    }

    @Test func aStreamInFlightKeepsTheConnectionOpen() {
        var machine = machine(idle: .seconds(30))
        _ = machine.channelActive(now: Self.start)
        _ = machine.receivedRequest(streamID: 1)
        machine.streamOpened(streamID: 1, kind: .unary)
        #expect(machine.idleTimerFired(now: Self.start + .seconds(30)) == .scheduleTimer(.seconds(30)))
        _ = machine.streamFinished(streamID: 1)
        _ = machine.frameWritten()
        _ = machine.scheduledFlushRan(now: Self.start + .seconds(50))
        #expect(machine.idleTimerFired(now: Self.start + .seconds(60)) == .scheduleTimer(.seconds(20)))
        #expect(machine.idleTimerFired(now: Self.start + .seconds(80)) == .close)
    }

    @Test func noIdleTimeoutNoTimer() {
        var machine = machine(idle: nil)
        #expect(machine.channelActive(now: Self.start) == .none)
        #expect(machine.idleTimerFired(now: Self.start + .hours(1)) == .none)
    }
}
