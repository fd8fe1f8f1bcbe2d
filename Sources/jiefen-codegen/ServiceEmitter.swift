/// Emits the typed method descriptors of one proto file's services, one namespace per service.
struct ServiceEmitter {
    let file: FileDescriptor
    let types: TypeTable

    func emit() throws -> String {
        var out = SourceWriter()
        out.line(SourceWriter.header(file.name))
        out.line("public import TTRPCCore")
        for (serviceIndex, service) in file.services.enumerated() {
            let fullName = [file.package, service.name].filter { !$0.isEmpty }.joined(separator: ".")
            out.line()
            out.doc(
                file.comments[[6, serviceIndex]],
                fallback: "The methods of `\(fullName)`, for `TTRPCRouter.register` and `TTRPCClient.call`.")
            try out.block("public enum \(service.name)") { out in
                out.line("/// The full service name.")
                out.line("public static let name = \"\(fullName)\"")
                for (methodIndex, method) in service.methods.enumerated() {
                    let request = try types.entry(method.inputType).swiftName
                    let response = try types.entry(method.outputType).swiftName
                    let kind =
                        switch (method.clientStreaming, method.serverStreaming) {
                        case (false, false): "unary"
                        case (false, true): "serverStreaming"
                        case (true, false): "clientStreaming"
                        case (true, true): "bidirectionalStreaming"
                        }
                    out.line()
                    out.doc(file.comments[[6, serviceIndex, 2, methodIndex]], fallback: "`\(fullName)/\(method.name)`.")
                    out.line(
                        "public static let \(Naming.escaped(method.name.prefix(1).lowercased() + method.name.dropFirst())) = TTRPCMethod<\(request), \(response)>("
                    )
                    out.line("    service: name, method: \"\(method.name)\", kind: .\(kind)")
                    out.line(")")
                }
            }
        }
        return out.text
    }
}
