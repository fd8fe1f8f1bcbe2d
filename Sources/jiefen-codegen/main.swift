// jiefen-codegen: reads the FileDescriptorSet that `protoc --include_source_info --descriptor_set_out` writes and
// emits the Swift message types (reading and writing the protobuf-c structs directly) and the typed method
// descriptors of every service. Run by scripts/generate-protos.sh:
//
//     jiefen-codegen DESCRIPTOR_SET OUTPUT_DIRECTORY
//
// For each proto file `jiefen/v1/cases.proto` it writes `Cases.messages.swift`, `Cases.codec.swift` and, when the
// file declares services, `Cases.methods.swift`; and one `<Namespace>.swift` per package.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: jiefen-codegen DESCRIPTOR_SET OUTPUT_DIRECTORY\n".utf8))
    exit(2)
}
do {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let files = try readDescriptorSet(bytes)
    let types = TypeTable(files)
    let output = URL(fileURLWithPath: arguments[2])
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: output.appendingPathComponent(name))
    }
    var packages: Set<String> = []
    for file in files {
        if file.enumCount > 0 { throw GeneratorError("\(file.name): enums are not supported yet") }
        let base = Naming.upperCamel(String(file.name.split(separator: "/").last!.dropLast(".proto".count)))
        try write(try MessageEmitter(file: file, types: types).emit(), "\(base).messages.swift")
        try write(try CodecEmitter(file: file, types: types).emit(), "\(base).codec.swift")
        if !file.services.isEmpty {
            try write(try ServiceEmitter(file: file, types: types).emit(), "\(base).methods.swift")
        }
        packages.insert(file.package)
    }
    for package in packages.sorted() {
        let namespace = Naming.swiftNamespace(package)
        try write(
            SourceWriter.header("proto/\(package.replacingOccurrences(of: ".", with: "/"))")
                + "/// The messages of the `\(package)` proto package.\npublic enum \(namespace) {}\n",
            "\(namespace).swift"
        )
    }
} catch {
    FileHandle.standardError.write(Data("jiefen-codegen: \(error)\n".utf8))
    exit(1)
}
