import ArgumentParser

/// `jiefend`: the Jiefen case-handling server.
@main
struct Jiefend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jiefend",
        abstract: "Jiefen (解纷) case-handling server: ttrpc over TCP and Unix sockets.",
        version: "0.1.0",
        subcommands: [Serve.self],
        defaultSubcommand: Serve.self
    )
}
