// Package interopkit holds what the Go ttrpc interop programs (interop-server,
// interop-client, interop-load, interop-idle) share: the pass-through payload
// type, the address flag and dialing, and status rendering.
package interopkit

import "fmt"

// RawBytes is a payload the ttrpc codec passes through untouched.
//
// The codec calls gogo's proto.Marshal / proto.Unmarshal. gogo 1.3.2 checks
// first for the generated XXX_Size/XXX_Marshal/XXX_Unmarshal methods (which
// RawBytes deliberately lacks), then for the Marshaler / Unmarshaler
// interfaces (Marshal() ([]byte, error) / Unmarshal([]byte) error), and uses
// those directly: see Marshal in gogo/protobuf/proto/table_marshal.go and
// Unmarshal in decode.go (Unmarshal calls Reset() first). So the bytes are
// the whole payload, with no protobuf framing added or removed.
//
// Reset keeps the capacity, so a value used for answer after answer (as
// interop-load does) allocates its buffer once; Unmarshal copies, as the
// caller's buffer may be reused.
type RawBytes struct{ B []byte }

// Reset empties the payload and keeps its capacity.
func (m *RawBytes) Reset() { m.B = m.B[:0] }

// String describes the payload by its length.
func (m *RawBytes) String() string { return fmt.Sprintf("rawBytes(%d)", len(m.B)) }

// ProtoMessage marks RawBytes as a message for the codec.
func (*RawBytes) ProtoMessage() {}

// Marshal returns the payload; nil becomes an empty payload.
func (m *RawBytes) Marshal() ([]byte, error) {
	if m.B == nil {
		return []byte{}, nil
	}
	return m.B, nil
}

// Unmarshal copies p into the payload.
func (m *RawBytes) Unmarshal(p []byte) error {
	m.B = append(m.B[:0], p...)
	return nil
}
