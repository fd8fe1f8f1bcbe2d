import ArgumentParser

/// `jiefen case`: open, read, list and move cases.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Work with cases: open, get, list, apply, history, assess, kinds, describe.",
        subcommands: [
            OpenCase.self, GetCase.self, ListCases.self, ApplyEvent.self, CaseHistory.self, AssessCase.self,
            ListKinds.self, DescribeKind.self,
        ]
    )
}

/// Output options shared by the case commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
