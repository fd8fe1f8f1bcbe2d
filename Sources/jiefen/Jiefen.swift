import ArgumentParser

/// `jiefen`: the Jiefen client, for people, scripts and load tests.
@main
struct Jiefen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jiefen",
        abstract: "Jiefen (解纷) client: raw ttrpc calls against a jiefend or any ttrpc server.",
        version: "0.1.0",
        subcommands: [Call.self, CaseCommand.self, LoadCommand.self, ReportCommand.self, ScenarioCommand.self]
    )
}
