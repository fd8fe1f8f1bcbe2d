import NIOCore

/// How many unread messages one stream may hold before its connection stops reading, on either side: a server
/// handler reading a client's stream, and a client reading a server's stream.
enum StreamBuffering {
    /// Unread messages at which the connection stops reading.
    static let highWater = 16
    /// Unread messages below which it reads again.
    static let lowWater = 4

    /// The back-pressure strategy of every stream's message sequence.
    static var strategy: NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark {
        .init(lowWatermark: lowWater, highWatermark: highWater)
    }
}
