package interopkit

import (
	"context"
	"fmt"
	"time"

	"github.com/containerd/ttrpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// DiagnosticsService is the service the interop programs call and serve.
const DiagnosticsService = "jiefen.v1.Diagnostics"

// Describe renders an error with its gRPC status code and number when it has
// one: status DeadlineExceeded (4) "message".
func Describe(err error) error {
	if st, ok := status.FromError(err); ok && st.Code() != codes.OK {
		return fmt.Errorf("status %s (%d) %q", st.Code(), int(st.Code()), st.Message())
	}
	return err
}

// Guarded returns a context cancelled after guard. It cancels rather than
// setting a deadline, so a request made with it carries no timeout_nano.
func Guarded(parent context.Context, guard time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	t := time.AfterFunc(guard, cancel)
	return ctx, func() { t.Stop(); cancel() }
}

// Call sends req as the whole payload of service/method and returns the
// answer's payload.
func Call(ctx context.Context, c *ttrpc.Client, service, method string, req []byte) ([]byte, error) {
	var resp RawBytes
	err := c.Call(ctx, service, method, &RawBytes{B: req}, &resp)
	return resp.B, err
}
