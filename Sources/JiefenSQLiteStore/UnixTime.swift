#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    public import Musl
#elseif canImport(Darwin)
    public import Darwin
#endif

/// The wall clock, only for bookkeeping the store writes itself (when a migration was applied); every time in the
/// records comes from the service layer.
enum UnixTime {
    /// Seconds since 1970-01-01 UTC.
    static func now() -> Int64 { Int64(time(nil)) }
}
