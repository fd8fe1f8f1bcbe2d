package interopkit

import (
	"flag"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/containerd/ttrpc"
)

// AddressUsage is the help text of the -address flag.
const AddressUsage = "unix:///path.sock or tcp://HOST:PORT"

// Address is a server address as the programs take it: unix:///PATH or
// tcp://HOST:PORT.
type Address struct {
	Network string // "unix" or "tcp"
	Addr    string // the socket path or HOST:PORT
}

// ParseAddress reads unix:///PATH or tcp://HOST:PORT.
func ParseAddress(a string) (Address, error) {
	switch {
	case strings.HasPrefix(a, "unix://"):
		addr := strings.TrimPrefix(a, "unix://")
		if addr == "" {
			return Address{}, fmt.Errorf("empty unix socket path in %q", a)
		}
		return Address{"unix", addr}, nil
	case strings.HasPrefix(a, "tcp://"):
		addr := strings.TrimPrefix(a, "tcp://")
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return Address{}, fmt.Errorf("bad tcp address %q: %v", a, err)
		}
		return Address{"tcp", addr}, nil
	}
	return Address{}, fmt.Errorf("address must start with unix:// or tcp://, got %q", a)
}

// AddressFlag declares the -address flag; suffix is appended to its help
// (for example " (required)").
func AddressFlag(suffix string) *string {
	return flag.String("address", "", AddressUsage+suffix)
}

// DialConn opens a connection to the address, giving up after timeout.
func (a Address) DialConn(timeout time.Duration) (net.Conn, error) {
	return net.DialTimeout(a.Network, a.Addr, timeout)
}

// Dial opens a connection and wraps it in a reference ttrpc client.
func (a Address) Dial(timeout time.Duration, opts ...ttrpc.ClientOpts) (*ttrpc.Client, error) {
	conn, err := a.DialConn(timeout)
	if err != nil {
		return nil, err
	}
	return ttrpc.NewClient(conn, opts...), nil
}
