import NIOCore
import TTRPCFraming

/// The rules of one server connection, without the channel: which streams may open, which frames a stream
/// accepts, when answers are flushed, when the connection reads, when it closes (drained or idle).
///
/// ``ServerConnectionHandler`` feeds it channel events and performs the actions it returns; it never touches a
/// channel itself, so every rule is testable with plain values. Time comes in as arguments (`now:`), read from the
/// handler's clock (its event loop's, which tests replace with a testing event loop).
struct ServerConnectionStateMachine {
    /// The limits the machine enforces.
    struct Configuration {
        /// Streams one connection may have in flight.
        var maximumConcurrentStreams: Int
        /// A connection with no stream in flight and no traffic for this long is closed; `nil` never.
        var idleTimeout: TimeAmount?
        /// Answers written during a read burst before they are flushed without waiting for its end.
        var framesPerFlush: Int = 16
        /// Message bytes a stream whose consumer asked for no more may still receive before the stream fails with
        /// ResourceExhausted. Reading stops at once, but the read burst under way is still decoded (up to a few
        /// hundred KiB of frames), so a client that waits for its writes never comes near this.
        var maximumBytesOverHighWater: Int = 8 << 20

        init(maximumConcurrentStreams: Int, idleTimeout: TimeAmount?) {
            self.maximumConcurrentStreams = maximumConcurrentStreams
            self.idleTimeout = idleTimeout
        }
    }

    /// How a stream exchanges messages; decides which data frames it accepts and how it ends.
    enum StreamKind: Equatable {
        case unary, clientStreaming, serverStreaming, bidirectionalStreaming

        /// Whether the client sends data frames on it.
        var receivesData: Bool { self == .clientStreaming || self == .bidirectionalStreaming }
        /// Whether the server sends data frames on it (and ends it with one).
        var sendsData: Bool { self == .serverStreaming || self == .bidirectionalStreaming }
    }

    private struct Stream {
        var kind: StreamKind
        /// The client sent its last message.
        var remoteClosed: Bool
        /// The stream's consumer has enough buffered; counts message bytes received since.
        var overHighWater: Int?
    }

    private enum State { case active, draining, closed }

    let configuration: Configuration
    private var state = State.active
    private var streams: [UInt32: Stream] = [:]
    private var lastStreamID: UInt32 = 0
    // Writing.
    private var inReadBurst = false
    private var needsFlush = false
    private var flushScheduled = false
    private var unflushedFrames = 0
    // Reading.
    private var writable = true
    private var readHeld = false
    private var pausedStreams: Set<UInt32> = []
    // Idle.
    private var lastActivity: NIODeadline
    private var idleTimerScheduled = false

    init(configuration: Configuration, now: NIODeadline) {
        self.configuration = configuration
        self.lastActivity = now
    }

    /// Streams in flight.
    var openStreams: Int { streams.count }
    /// Whether the connection stopped reading (not writable, or a stream's consumer is behind).
    var isReadPaused: Bool { !writable || !pausedStreams.isEmpty }

    // MARK: Requests

    /// What to do with a request frame.
    enum RequestAction: Equatable {
        /// Decode and route it; call ``streamOpened(streamID:kind:remoteClosed:)`` once it is dispatched.
        case open
        /// Answer this error on the stream id (a protocol error, logged).
        case reject(RPCError)
        /// Answer this error on the stream id (a normal refusal, not logged).
        case refuse(RPCError)
    }

    /// A request frame arrived: checks its stream id, the draining state and the stream limit.
    mutating func receivedRequest(streamID: UInt32) -> RequestAction {
        guard streamID % 2 == 1 else {
            return .reject(RPCError(code: .invalidArgument, message: "StreamID must be odd for client initiated streams"))
        }
        guard streamID > lastStreamID else {
            return .reject(RPCError(code: .invalidArgument, message: "StreamID cannot be re-used and must increment"))
        }
        lastStreamID = streamID
        guard state == .active else {
            return .refuse(RPCError(code: .unavailable, message: "server is shutting down"))
        }
        guard streams.count < configuration.maximumConcurrentStreams else {
            return .reject(
                RPCError(
                    code: .resourceExhausted,
                    message: "too many concurrent streams on this connection (limit \(configuration.maximumConcurrentStreams))"
                ))
        }
        return .open
    }

    /// A stream was handed to a task; it stays in flight until ``streamFinished(streamID:)``.
    /// - Parameter remoteClosed: The request said the client sends no data on it.
    mutating func streamOpened(streamID: UInt32, kind: StreamKind, remoteClosed: Bool = false) {
        streams[streamID] = Stream(kind: kind, remoteClosed: remoteClosed || !kind.receivesData, overHighWater: nil)
    }

    // MARK: Data

    /// What to do with a data frame.
    enum DataAction: Equatable {
        /// Nothing (the upstream client's close of its side on a stream that takes no data).
        case ignore
        /// Answer this error on the stream id; there is no stream to end.
        case reject(RPCError)
        /// End the stream with this error (a protocol error on a live stream).
        case failStream(RPCError)
        /// Hand the frame's message (unless flagged no-data) to the stream; `endOfInput` ends its input after it.
        case deliver(endOfInput: Bool)
    }

    /// A data frame arrived for `streamID`.
    mutating func receivedData(streamID: UInt32, flags: TTRPCFlags, length: Int) -> DataAction {
        guard var stream = streams[streamID] else {
            return .reject(RPCError(code: .invalidArgument, message: "StreamID is no longer active"))
        }
        let noData = flags.contains(.noData)
        if !stream.kind.receivesData {
            // The upstream client closes its sending side of a server-streaming call with an empty data frame
            // flagged remote-closed + no-data; that is expected. Any message data on these calls is not.
            if noData && length == 0 { return .ignore }
            let what = stream.kind == .unary ? "a unary call" : "a server-streaming call"
            return .failStream(RPCError(code: .invalidArgument, message: "data frames are not accepted on \(what)"))
        }
        guard !stream.remoteClosed else {
            return .failStream(RPCError(code: .invalidArgument, message: "data frame after the client closed its side of the stream"))
        }
        if flags.contains(.remoteClosed) { stream.remoteClosed = true }
        if !noData, let over = stream.overHighWater {
            guard over + length <= configuration.maximumBytesOverHighWater else {
                return .failStream(
                    RPCError(
                        code: .resourceExhausted,
                        message: "the client sent more stream messages than the server buffers (the handler reads slower)"
                    ))
            }
            stream.overHighWater = over + length
        }
        streams[streamID] = stream
        return .deliver(endOfInput: stream.remoteClosed)
    }

    // MARK: Inbound backpressure

    /// What to do about reading.
    enum ReadAction: Equatable {
        /// Ask the channel for more bytes.
        case read
        /// Nothing now.
        case none
    }

    /// A stream's consumer has as many messages buffered as it wants: the connection stops reading.
    mutating func inboundBufferFull(streamID: UInt32) {
        guard var stream = streams[streamID] else { return }
        stream.overHighWater = stream.overHighWater ?? 0
        streams[streamID] = stream
        pausedStreams.insert(streamID)
    }

    /// A stream's consumer drained its buffer below the low-water mark.
    mutating func inboundWantsMore(streamID: UInt32) -> ReadAction {
        streams[streamID]?.overHighWater = nil
        guard pausedStreams.remove(streamID) != nil else { return .none }
        return resumeReadIfPossible()
    }

    /// The pipeline asks to read.
    mutating func readRequested() -> ReadAction {
        if isReadPaused {
            readHeld = true
            return .none
        }
        return .read
    }

    /// The channel became writable or stopped being writable (its outbound buffer crossed a water mark).
    mutating func writabilityChanged(isWritable: Bool) -> ReadAction {
        writable = isWritable
        return isWritable ? resumeReadIfPossible() : .none
    }

    private mutating func resumeReadIfPossible() -> ReadAction {
        guard readHeld, !isReadPaused, state != .closed else { return .none }
        readHeld = false
        return .read
    }

    // MARK: Ending streams

    /// What to do when a stream ends.
    enum FinishAction: Equatable {
        /// The stream had already ended (deadline, protocol error, disconnect): write nothing.
        case ignore
        /// Write the stream's last frame; then close when that drained the connection, and read when the stream
        /// was the one holding reads back.
        case writeEnd(kind: StreamKind, closeConnection: Bool, resumeReading: Bool)
    }

    /// A stream ends (its handler returned or threw, its deadline passed, or it broke the protocol).
    mutating func streamFinished(streamID: UInt32) -> FinishAction {
        guard let stream = streams.removeValue(forKey: streamID) else { return .ignore }
        let resume = pausedStreams.remove(streamID) != nil && resumeReadIfPossible() == .read
        return .writeEnd(kind: stream.kind, closeConnection: state == .draining && streams.isEmpty, resumeReading: resume)
    }

    /// Whether a handler may still send data on `streamID`.
    func canSendData(streamID: UInt32) -> Bool {
        streams[streamID]?.kind.sendsData == true
    }

    /// Whether a stream is still in flight.
    func isOpen(streamID: UInt32) -> Bool { streams[streamID] != nil }

    // MARK: Flushing

    /// When to flush.
    enum FlushAction: Equatable {
        case none
        /// Flush now.
        case flush
        /// Flush at the end of this event-loop tick (then call ``scheduledFlushRan()``).
        case scheduleFlush
    }

    /// A read burst starts (the first `channelRead` of a batch).
    mutating func readBurstStarted() {
        inReadBurst = true
    }

    /// A read burst ended: everything written during it goes out in one flush.
    mutating func readBurstEnded(now: NIODeadline) -> FlushAction {
        inReadBurst = false
        lastActivity = now
        return takeFlush()
    }

    /// A frame was written (not yet flushed).
    mutating func frameWritten() -> FlushAction {
        needsFlush = true
        unflushedFrames += 1
        if !inReadBurst {
            // Answers finished by call tasks arrive one by one; one flush at the end of the tick covers them all.
            guard !flushScheduled else { return .none }
            flushScheduled = true
            return .scheduleFlush
        }
        // A long read burst flushes as it goes, so the client can work on early answers while later requests
        // are still being served.
        return unflushedFrames >= configuration.framesPerFlush ? takeFlush() : .none
    }

    /// The flush scheduled by ``frameWritten()`` runs.
    mutating func scheduledFlushRan(now: NIODeadline) -> FlushAction {
        flushScheduled = false
        lastActivity = now
        return takeFlush()
    }

    private mutating func takeFlush() -> FlushAction {
        guard needsFlush, state != .closed else { return .none }
        needsFlush = false
        unflushedFrames = 0
        return .flush
    }

    // MARK: Draining and closing

    /// What to do about the connection.
    enum CloseAction: Equatable {
        case none
        /// Flush what is written, then close.
        case close
    }

    /// Graceful shutdown: new streams are refused, in-flight ones finish, then the connection closes.
    mutating func beginDraining() -> CloseAction {
        guard state == .active else { return .none }
        state = .draining
        return streams.isEmpty ? .close : .none
    }

    /// The channel closed: every stream ends without an answer. Returns the streams that were in flight.
    mutating func channelClosed() -> [UInt32] {
        state = .closed
        let ids = Array(streams.keys)
        streams.removeAll()
        pausedStreams.removeAll()
        return ids
    }

    // MARK: Idle timeout

    /// What to do about the idle timer.
    enum IdleAction: Equatable {
        case none
        /// Call ``idleTimerFired(now:)`` after this long.
        case scheduleTimer(TimeAmount)
        /// The connection has been idle too long.
        case close
    }

    /// The channel became active: starts the idle timer.
    mutating func channelActive(now: NIODeadline) -> IdleAction {
        lastActivity = now
        guard let timeout = configuration.idleTimeout, !idleTimerScheduled else { return .none }
        idleTimerScheduled = true
        return .scheduleTimer(timeout)
    }

    /// The idle timer fired: closes a connection with nothing in flight and no traffic for the idle timeout,
    /// otherwise sets the timer for when that could next be true.
    mutating func idleTimerFired(now: NIODeadline) -> IdleAction {
        idleTimerScheduled = false
        guard let timeout = configuration.idleTimeout, state != .closed else { return .none }
        idleTimerScheduled = true
        guard streams.isEmpty else { return .scheduleTimer(timeout) }
        let idleFor = now - lastActivity
        if idleFor >= timeout {
            idleTimerScheduled = false
            return .close
        }
        return .scheduleTimer(timeout - idleFor)
    }
}
