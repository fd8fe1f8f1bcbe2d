// Command interop-client runs ttrpc interoperability checks, using the
// reference Go client (github.com/containerd/ttrpc, Debian's 1.1.1), against
// any server that implements service jiefen.v1.Diagnostics (Echo, Sleep,
// Metadata; see ../server/main.go for their contract).
//
//	interop-client -address unix:///path/to.sock
//	interop-client -address tcp://127.0.0.1:PORT
//
// It prints one line per check, "ok NAME" or "FAIL NAME: detail", then
// "N passed, N failed", and exits 1 if any check failed (also when it cannot
// connect).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/containerd/ttrpc"

	"../interopkit"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const serviceName = interopkit.DiagnosticsService

// callGuard bounds every call so a hung server fails a check instead of
// hanging the run. It cancels rather than setting a deadline, so the request
// carries no timeout_nano unless a check asks for one.
const callGuard = 10 * time.Second

// payload returns n deterministic pseudo-random bytes for the given seed.
func payload(seed int64, n int) []byte {
	b := make([]byte, n)
	rand.New(rand.NewSource(seed)).Read(b)
	return b
}

func echoOnce(c *ttrpc.Client, req []byte) error {
	ctx, cancel := interopkit.Guarded(context.Background(), callGuard)
	defer cancel()
	resp, err := interopkit.Call(ctx, c, serviceName, "Echo", req)
	if err != nil {
		return interopkit.Describe(err)
	}
	if !bytes.Equal(resp, req) {
		return fmt.Errorf("response differs: sent %d bytes, got %d bytes (first difference at %d)", len(req), len(resp), firstDiff(req, resp))
	}
	return nil
}

func firstDiff(a, b []byte) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) < len(b) {
		return len(a)
	}
	return len(b)
}

type result struct {
	name string
	info string // printed after "ok NAME: " when set
	err  error
}

func main() {
	address := interopkit.AddressFlag("")
	flag.Parse()
	if *address == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: interop-client -address unix:///path.sock | tcp://127.0.0.1:PORT")
		os.Exit(2)
	}
	server, err := interopkit.ParseAddress(*address)
	if err != nil {
		fmt.Fprintf(os.Stderr, "interop-client: %v\n", err)
		os.Exit(2)
	}

	c, err := server.Dial(5 * time.Second)
	if err != nil {
		fmt.Printf("FAIL connect: %v\n", err)
		fmt.Println("0 passed, 1 failed")
		os.Exit(1)
	}
	defer c.Close()

	var results []result
	run := func(name string, f func() (string, error)) {
		info, err := f()
		r := result{name: name, info: info, err: err}
		results = append(results, r)
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", name, err)
		} else if info != "" {
			fmt.Printf("ok %s: %s\n", name, info)
		} else {
			fmt.Printf("ok %s\n", name)
		}
	}

	for i, tc := range []struct {
		name string
		size int
	}{
		{"echo-0", 0}, {"echo-1", 1}, {"echo-64", 64}, {"echo-4096", 4096}, {"echo-1MiB", 1 << 20},
	} {
		seed := int64(1000 + i)
		size := tc.size
		run(tc.name, func() (string, error) { return "", echoOnce(c, payload(seed, size)) })
	}

	run("echo-concurrent", func() (string, error) {
		const workers, perWorker = 32, 20
		sizes := []int{0, 1, 7, 64, 100, 1000, 4096, 10000, 65536, 200000}
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			fails []string
		)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; i < perWorker; i++ {
					size := sizes[(w*perWorker+i*3)%len(sizes)]
					if err := echoOnce(c, payload(int64(w*1000+i), size)); err != nil {
						mu.Lock()
						fails = append(fails, fmt.Sprintf("worker %d call %d (%d bytes): %v", w, i, size, err))
						mu.Unlock()
					}
				}
			}(w)
		}
		wg.Wait()
		if len(fails) > 0 {
			return "", fmt.Errorf("%d of %d calls failed; first: %s", len(fails), workers*perWorker, fails[0])
		}
		return fmt.Sprintf("%d calls", workers*perWorker), nil
	})

	run("metadata", func() (string, error) {
		// The MD literal is sent as is: in 1.1.1 only MD.Set/Append/Get
		// lower-case keys; MD.setRequest copies map keys unchanged, so the
		// wire carries both "X-Trace" and "x-trace" (and the three pairs come
		// in map iteration order, i.e. any order). The reference server's
		// MD.fromRequest does NOT lower-case either: it appends each value
		// under the key exactly as received, repeats kept in arrival order,
		// so the handler sees {"x-department": [petition-office],
		// "X-Trace": [abc], "x-trace": [def]} (and MD.Get("x-trace") would see
		// only "def"). The Metadata method lower-cases keys and sorts by key,
		// then value, so both values appear under "x-trace", the duplicate
		// key kept as two lines.
		md := ttrpc.MD{
			"x-department": {"petition-office"},
			"X-Trace":      {"abc"},
			"x-trace":      {"def"},
		}
		ctx, cancel := interopkit.Guarded(ttrpc.WithMetadata(context.Background(), md), callGuard)
		defer cancel()
		resp, err := interopkit.Call(ctx, c, serviceName, "Metadata", nil)
		if err != nil {
			return "", interopkit.Describe(err)
		}
		entries, err := interopkit.ParseMetadataResponse(resp)
		if err != nil {
			return "", fmt.Errorf("answer is not a jiefen.v1.MetadataResponse: %v", err)
		}
		var got strings.Builder
		for _, e := range entries {
			got.WriteString(e.Key + "=" + e.Value + "\n")
		}
		want := "x-department=petition-office\nx-trace=abc\nx-trace=def\n"
		if got.String() != want {
			return "", fmt.Errorf("got %q, want %q", got.String(), want)
		}
		return "", nil
	})

	run("deadline", func() (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := interopkit.Call(ctx, c, serviceName, "Sleep", interopkit.SleepRequest(2000))
		elapsed := time.Since(start)
		if err == nil {
			return "", fmt.Errorf("Sleep 2000 ms succeeded under a 200 ms timeout (after %v)", elapsed.Round(time.Millisecond))
		}
		if elapsed >= time.Second {
			return "", fmt.Errorf("returned only after %v (%v)", elapsed.Round(time.Millisecond), interopkit.Describe(err))
		}
		var how string
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			how = "local context.DeadlineExceeded"
		case status.Code(err) == codes.DeadlineExceeded:
			how = fmt.Sprintf("server status DeadlineExceeded (4) %q", status.Convert(err).Message())
		default:
			return "", fmt.Errorf("want DeadlineExceeded, got %v", interopkit.Describe(err))
		}
		return fmt.Sprintf("%s after %v", how, elapsed.Round(time.Millisecond)), nil
	})

	// In "deadline" the reference client races its own context against the
	// server's answer: it sends timeout_nano = time left (just under 200 ms),
	// the server's deadline starts on receipt, so both fire within about a
	// millisecond and Client.dispatch's select takes whichever is ready (about
	// 4 runs in 5 the local context.DeadlineExceeded against the Go server).
	// Here a second connection sends timeout_nano = 200 ms while the local
	// context only has the call guard, so the answer must come from the
	// server: status DeadlineExceeded.
	run("deadline-server-status", func() (string, error) {
		setTimeout := func(ctx context.Context, req *ttrpc.Request, resp *ttrpc.Response, info *ttrpc.UnaryClientInfo, invoker ttrpc.Invoker) error {
			req.TimeoutNano = int64(200 * time.Millisecond)
			return invoker(ctx, req, resp)
		}
		c2, err := server.Dial(5*time.Second, ttrpc.WithUnaryClientInterceptor(setTimeout))
		if err != nil {
			return "", err
		}
		defer c2.Close()
		ctx, cancel := interopkit.Guarded(context.Background(), callGuard)
		defer cancel()
		start := time.Now()
		_, err = interopkit.Call(ctx, c2, serviceName, "Sleep", interopkit.SleepRequest(2000))
		elapsed := time.Since(start)
		if err == nil {
			return "", fmt.Errorf("Sleep 2000 ms succeeded with timeout_nano 200 ms (after %v)", elapsed.Round(time.Millisecond))
		}
		if status.Code(err) != codes.DeadlineExceeded {
			return "", fmt.Errorf("want status DeadlineExceeded, got %v after %v", interopkit.Describe(err), elapsed.Round(time.Millisecond))
		}
		if elapsed >= time.Second {
			return "", fmt.Errorf("answered only after %v", elapsed.Round(time.Millisecond))
		}
		return fmt.Sprintf("status DeadlineExceeded (4) %q after %v", status.Convert(err).Message(), elapsed.Round(time.Millisecond)), nil
	})

	unimplemented := func(service, method string) func() (string, error) {
		return func() (string, error) {
			ctx, cancel := interopkit.Guarded(context.Background(), callGuard)
			defer cancel()
			_, err := interopkit.Call(ctx, c, service, method, []byte("x"))
			if err == nil {
				return "", fmt.Errorf("%s/%s succeeded", service, method)
			}
			st, ok := status.FromError(err)
			if !ok || st.Code() != codes.Unimplemented {
				return "", fmt.Errorf("want status Unimplemented (12), got %v", interopkit.Describe(err))
			}
			return fmt.Sprintf("status Unimplemented (12) %q", st.Message()), nil
		}
	}
	run("unknown-method", unimplemented(serviceName, "NoSuchMethod"))
	run("unknown-service", unimplemented("no.such.Service", "Echo"))

	run("after-errors", func() (string, error) { return "", echoOnce(c, payload(4242, 512)) })

	passed, failed := 0, 0
	for _, r := range results {
		if r.err != nil {
			failed++
		} else {
			passed++
		}
	}
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
