package interopkit

// The protobuf messages of jiefen.v1.Diagnostics that the interop programs send
// and serve (proto/jiefen/v1/diagnostics.proto), encoded with protowire: the
// programs carry raw payloads (RawBytes), so they encode the few fields by hand.

import (
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
)

// SleepRequest encodes jiefen.v1.SleepRequest{milliseconds: ms}.
func SleepRequest(ms uint32) []byte {
	if ms == 0 {
		return []byte{}
	}
	b := protowire.AppendTag(nil, 1, protowire.VarintType)
	return protowire.AppendVarint(b, uint64(ms))
}

// ParseSleepRequest decodes jiefen.v1.SleepRequest; unknown fields are skipped.
func ParseSleepRequest(b []byte) (uint32, error) {
	var ms uint32
	err := eachField(b, func(num protowire.Number, typ protowire.Type, v []byte) error {
		if num != 1 {
			return nil
		}
		if typ != protowire.VarintType {
			return fmt.Errorf("milliseconds: wire type %d, want varint", typ)
		}
		x, n := protowire.ConsumeVarint(v)
		if n < 0 || x > 0xFFFFFFFF {
			return fmt.Errorf("milliseconds: not a uint32")
		}
		ms = uint32(x)
		return nil
	})
	return ms, err
}

// KeyValue is one jiefen.v1.KeyValue.
type KeyValue struct{ Key, Value string }

// MetadataResponse encodes jiefen.v1.MetadataResponse{entries}.
func MetadataResponse(entries []KeyValue) []byte {
	var out []byte
	for _, e := range entries {
		var kv []byte
		if e.Key != "" {
			kv = protowire.AppendTag(kv, 1, protowire.BytesType)
			kv = protowire.AppendString(kv, e.Key)
		}
		if e.Value != "" {
			kv = protowire.AppendTag(kv, 2, protowire.BytesType)
			kv = protowire.AppendString(kv, e.Value)
		}
		out = protowire.AppendTag(out, 1, protowire.BytesType)
		out = protowire.AppendBytes(out, kv)
	}
	if out == nil {
		out = []byte{}
	}
	return out
}

// ParseMetadataResponse decodes jiefen.v1.MetadataResponse.
func ParseMetadataResponse(b []byte) ([]KeyValue, error) {
	var entries []KeyValue
	err := eachField(b, func(num protowire.Number, typ protowire.Type, v []byte) error {
		if num != 1 {
			return nil
		}
		if typ != protowire.BytesType {
			return fmt.Errorf("entries: wire type %d, want bytes", typ)
		}
		body, n := protowire.ConsumeBytes(v)
		if n < 0 {
			return fmt.Errorf("entries: bad length")
		}
		var e KeyValue
		err := eachField(body, func(num protowire.Number, typ protowire.Type, v []byte) error {
			if typ != protowire.BytesType || (num != 1 && num != 2) {
				return nil
			}
			s, n := protowire.ConsumeString(v)
			if n < 0 {
				return fmt.Errorf("entries: bad string")
			}
			if num == 1 {
				e.Key = s
			} else {
				e.Value = s
			}
			return nil
		})
		entries = append(entries, e)
		return err
	})
	return entries, err
}

// eachField calls f with every field of b: its number, wire type and the bytes
// of its value (from the value's start; f consumes what it needs).
func eachField(b []byte, f func(protowire.Number, protowire.Type, []byte) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("bad tag: %v", protowire.ParseError(n))
		}
		b = b[n:]
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			return fmt.Errorf("field %d: %v", num, protowire.ParseError(m))
		}
		if err := f(num, typ, b[:m]); err != nil {
			return err
		}
		b = b[m:]
	}
	return nil
}
