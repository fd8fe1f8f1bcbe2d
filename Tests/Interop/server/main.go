// Command interop-server is a ttrpc server built on the reference Go
// implementation (github.com/containerd/ttrpc, Debian's 1.1.1). Jiefen's Swift
// client is tested against it, and the Go interop-client is checked against
// it to prove the checks themselves are right.
//
//	interop-server -socket /path/to.sock
//
// It listens on a unix socket (a stale socket file is removed first), prints
// "ready" on stdout once listening, and exits 0 on SIGTERM or SIGINT.
//
// Service jiefen.v1.Diagnostics:
//
//	Echo      answers with the request payload bytes unchanged (any length, 0 included).
//	Sleep     payload is a jiefen.v1.SleepRequest; sleeps that many milliseconds or until
//	          the request context is done, then returns ctx.Err(), which the library maps to
//	          status DeadlineExceeded (or Canceled). Answers an empty SleepResponse.
//	Metadata  answers the request metadata as a jiefen.v1.MetadataResponse, keys lower-cased,
//	          sorted by key then value.
//
// Everything else is answered by the library itself (Unimplemented "service X" /
// "method X").
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/containerd/ttrpc"

	"../interopkit"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const serviceName = interopkit.DiagnosticsService

func echo(ctx context.Context, unmarshal func(interface{}) error) (interface{}, error) {
	var req interopkit.RawBytes
	if err := unmarshal(&req); err != nil {
		return nil, err
	}
	return &req, nil
}

func sleep(ctx context.Context, unmarshal func(interface{}) error) (interface{}, error) {
	var req interopkit.RawBytes
	if err := unmarshal(&req); err != nil {
		return nil, err
	}
	ms, err := interopkit.ParseSleepRequest(req.B)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "sleep: payload must be a jiefen.v1.SleepRequest: %v", err)
	}
	t := time.NewTimer(time.Duration(ms) * time.Millisecond)
	defer t.Stop()
	select {
	case <-t.C:
		return &interopkit.RawBytes{}, nil
	case <-ctx.Done():
		// context.DeadlineExceeded -> codes.DeadlineExceeded,
		// context.Canceled -> codes.Canceled (services.go convertCode).
		return nil, ctx.Err()
	}
}

func metadata(ctx context.Context, unmarshal func(interface{}) error) (interface{}, error) {
	var req interopkit.RawBytes
	if err := unmarshal(&req); err != nil {
		return nil, err
	}
	type kv struct{ k, v string }
	var pairs []kv
	if md, ok := ttrpc.GetMetadata(ctx); ok {
		// The 1.1.1 server keeps keys exactly as they came on the wire
		// (MD.fromRequest does not lower-case), so "X-Trace" and "x-trace"
		// arrive as two map keys; lower-casing here merges them.
		for k, vs := range md {
			for _, v := range vs {
				pairs = append(pairs, kv{strings.ToLower(k), v})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	entries := make([]interopkit.KeyValue, 0, len(pairs))
	for _, p := range pairs {
		entries = append(entries, interopkit.KeyValue{Key: p.k, Value: p.v})
	}
	return &interopkit.RawBytes{B: interopkit.MetadataResponse(entries)}, nil
}

func main() {
	socket := flag.String("socket", "", "unix socket path to listen on (required)")
	tcpAddr := flag.String("tcp", "", "also listen on this TCP address, e.g. 127.0.0.1:7311 (optional)")
	flag.Parse()
	if *socket == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: interop-server -socket PATH")
		os.Exit(2)
	}

	if err := os.Remove(*socket); err != nil && !os.IsNotExist(err) {
		fmt.Fprintf(os.Stderr, "interop-server: remove stale socket: %v\n", err)
		os.Exit(1)
	}

	server, err := ttrpc.NewServer()
	if err != nil {
		fmt.Fprintf(os.Stderr, "interop-server: %v\n", err)
		os.Exit(1)
	}
	server.Register(serviceName, map[string]ttrpc.Method{
		"Echo":     echo,
		"Sleep":    sleep,
		"Metadata": metadata,
	})

	l, err := net.Listen("unix", *socket)
	if err != nil {
		fmt.Fprintf(os.Stderr, "interop-server: listen: %v\n", err)
		os.Exit(1)
	}

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)

	served := make(chan error, 2)
	go func() { served <- server.Serve(context.Background(), l) }()
	if *tcpAddr != "" {
		tl, err := net.Listen("tcp", *tcpAddr)
		if err != nil {
			fmt.Fprintf(os.Stderr, "interop-server: listen tcp: %v\n", err)
			os.Exit(1)
		}
		go func() { served <- server.Serve(context.Background(), tl) }()
	}

	fmt.Println("ready")

	code := 0
	select {
	case <-sigs:
		server.Close() // closes the listener and all connections
		<-served
	case err := <-served:
		if err != nil && !errors.Is(err, ttrpc.ErrServerClosed) {
			fmt.Fprintf(os.Stderr, "interop-server: serve: %v\n", err)
			code = 1
		}
	}
	os.Remove(*socket) // usually already removed by the listener's Close
	os.Exit(code)
}
