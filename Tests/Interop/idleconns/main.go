// Command interop-idle opens many ttrpc connections (reference Go client,
// github.com/containerd/ttrpc 1.1.1) to a server and holds them, so that the
// server's memory can be read at that many connections or calls in flight
// (Benchmarks/ttrpc-echo reads the server's VmRSS meanwhile).
//
//	interop-idle -address ADDR [-connections 1000] [-hold 5s]
//	interop-idle -address ADDR -connections 20 -streams 10000 -method Sleep -payload 2000
//
// Idle mode (-streams 0, the default): opens -connections connections
// (-dial-parallel at a time), performs one Echo of 16 bytes on each (checked to
// be byte-identical), holds them all open and idle for -hold, closes them and
// prints
//
//	{"connections":N,"failed":N}
//
// connections is the number asked for, failed how many could not be opened or
// failed their Echo.
//
// Streams mode (-streams M > 0): after opening the connections as above, sends
// M concurrent calls of -service/-method with the payload -payload (for Sleep, the
// milliseconds as a jiefen.v1.SleepRequest), call
// i on open connection i mod (open connections), and waits until all of them
// return (-hold is not used). jiefend allows --max-streams (default 1024) calls
// in flight per connection, so give enough connections: 10,000 streams over 20
// connections is 500 each. It prints
//
//	{"connections":N,"failed":N,"streams":M,"streams_ok":N,"streams_failed":N}
//
// On stderr it prints "ready: N connections open" once every connection is
// open and has answered its Echo, and in streams mode "streams: M sent" once
// every call has been handed to the client, so a script can time its reads.
//
// Exit status: 0 when nothing failed, 1 otherwise, 2 on a usage error.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/containerd/ttrpc"

	"../interopkit"
)

func main() {
	address := interopkit.AddressFlag(" (required)")
	connections := flag.Int("connections", 1000, "connections to open")
	hold := flag.Duration("hold", 5*time.Second, "idle mode: how long to hold the connections open")
	parallel := flag.Int("dial-parallel", 32, "connections opened at a time")
	streams := flag.Int("streams", 0, "calls to put in flight at once (0: idle mode)")
	service := flag.String("service", interopkit.DiagnosticsService, "service of the streams' calls")
	method := flag.String("method", "Sleep", "method of the streams' calls")
	payload := flag.String("payload", "2000", "payload of the streams' calls: for Sleep the milliseconds (sent as a jiefen.v1.SleepRequest), otherwise text")
	timeout := flag.Duration("timeout", 60*time.Second, "every call is cancelled after this long")
	flag.Parse()
	if *address == "" || flag.NArg() != 0 || *connections < 1 || *parallel < 1 || *streams < 0 {
		fmt.Fprintln(os.Stderr, "usage: interop-idle -address ADDR [-connections N] [-hold 5s] [-streams M -method Sleep -payload 2000]")
		os.Exit(2)
	}
	server, err := interopkit.ParseAddress(*address)
	if err != nil {
		fmt.Fprintf(os.Stderr, "interop-idle: %v\n", err)
		os.Exit(2)
	}
	body := []byte(*payload)
	if *method == "Sleep" {
		ms, err := strconv.ParseUint(*payload, 10, 32)
		if err != nil {
			fmt.Fprintf(os.Stderr, "interop-idle: -payload for Sleep must be milliseconds: %v\n", err)
			os.Exit(2)
		}
		body = interopkit.SleepRequest(uint32(ms))
	}

	guarded := func() (context.Context, context.CancelFunc) {
		return interopkit.Guarded(context.Background(), *timeout)
	}

	// Open the connections, -dial-parallel at a time, one Echo on each.
	clients := make([]*ttrpc.Client, *connections)
	var (
		failed   int64
		errMu    sync.Mutex
		firstErr string
		wg       sync.WaitGroup
		sem      = make(chan struct{}, *parallel)
	)
	note := func(err string) {
		errMu.Lock()
		if firstErr == "" {
			firstErr = err
		}
		errMu.Unlock()
	}
	for i := range clients {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := server.Dial(10 * time.Second)
			if err != nil {
				atomic.AddInt64(&failed, 1)
				note(fmt.Sprintf("connection %d: %v", i, err))
				return
			}
			req := []byte(fmt.Sprintf("idle-conn-%06d", i))
			var resp interopkit.RawBytes
			ctx, cancel := guarded()
			err = c.Call(ctx, interopkit.DiagnosticsService, "Echo", &interopkit.RawBytes{B: req}, &resp)
			cancel()
			if err == nil && !bytes.Equal(resp.B, req) {
				err = fmt.Errorf("echo differs: sent %q, got %q", req, resp.B)
			}
			if err != nil {
				atomic.AddInt64(&failed, 1)
				note(fmt.Sprintf("connection %d: echo: %s", i, interopkit.Describe(err).Error()))
				c.Close()
				return
			}
			clients[i] = c
		}(i)
	}
	wg.Wait()
	var open []*ttrpc.Client
	for _, c := range clients {
		if c != nil {
			open = append(open, c)
		}
	}
	fmt.Fprintf(os.Stderr, "ready: %d connections open\n", len(open))
	if firstErr != "" {
		fmt.Fprintf(os.Stderr, "interop-idle: %d connections failed; first: %s\n", failed, firstErr)
	}

	out := map[string]interface{}{"connections": *connections, "failed": failed}
	exit := 0
	if failed > 0 {
		exit = 1
	}

	if *streams == 0 {
		time.Sleep(*hold)
	} else {
		var ok, bad int64
		codes := map[string]int{}
		var codesMu sync.Mutex
		var sw sync.WaitGroup
		if len(open) == 0 {
			bad = int64(*streams)
		} else {
			if per := (*streams + len(open) - 1) / len(open); per > 1024 {
				fmt.Fprintf(os.Stderr, "interop-idle: note: %d streams per connection; jiefend's default --max-streams is 1024\n", per)
			}
			for i := 0; i < *streams; i++ {
				sw.Add(1)
				go func(c *ttrpc.Client) {
					defer sw.Done()
					ctx, cancel := guarded()
					defer cancel()
					var resp interopkit.RawBytes
					err := c.Call(ctx, *service, *method, &interopkit.RawBytes{B: body}, &resp)
					if err == nil {
						atomic.AddInt64(&ok, 1)
						return
					}
					atomic.AddInt64(&bad, 1)
					codesMu.Lock()
					codes[interopkit.Describe(err).Error()]++
					codesMu.Unlock()
				}(open[i%len(open)])
			}
			fmt.Fprintf(os.Stderr, "streams: %d sent\n", *streams)
			sw.Wait()
		}
		if bad > 0 {
			exit = 1
			keys := make([]string, 0, len(codes))
			for k := range codes {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(os.Stderr, "interop-idle: %d streams failed: %s\n", codes[k], k)
			}
		}
		out["streams"] = *streams
		out["streams_ok"] = ok
		out["streams_failed"] = bad
	}

	for _, c := range open {
		c.Close()
	}
	// encoding/json sorts map keys; print in the documented order instead.
	keys := []string{"connections", "failed", "streams", "streams_ok", "streams_failed"}
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for _, k := range keys {
		v, present := out[k]
		if !present {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		kj, _ := json.Marshal(k)
		vj, _ := json.Marshal(v)
		b.Write(kj)
		b.WriteByte(':')
		b.Write(vj)
	}
	b.WriteByte('}')
	fmt.Println(b.String())
	os.Exit(exit)
}
