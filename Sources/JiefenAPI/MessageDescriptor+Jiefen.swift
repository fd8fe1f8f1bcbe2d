import CJiefenProto
package import TTRPCWire

extension MessageDescriptor {
    /// The jiefen.v1 messages (CJiefenProto's table), by full name.
    package static let jiefen = table(jiefen_message_descriptor_at)

    /// The generated message type `fullName`; a missing one is a build error (the generated code is out of date).
    package static func named(_ fullName: String) -> MessageDescriptor {
        guard let descriptor = jiefen[fullName] else { preconditionFailure("no message type \(fullName) in CJiefenProto") }
        return descriptor
    }
}
