// Command interop-load is a closed-loop load generator built on the reference
// Go ttrpc client (github.com/containerd/ttrpc, Debian's 1.1.1). It is the
// baseline that `jiefen load` is compared against (Benchmarks/ttrpc-echo).
//
//	interop-load -address unix:///p.sock|tcp://127.0.0.1:PORT \
//	    [-connections C] [-concurrency N] [-duration 10s] [-warmup 2s] \
//	    [-payload-size BYTES] [-service jiefen.v1.Diagnostics] [-method Echo]
//
// It opens C connections and starts N callers (goroutines), caller i on
// connection i mod C. Each caller sends one call, waits for the answer, and
// sends the next (closed loop: N calls in flight at all times). The first
// -warmup is not measured; then calls are measured for -duration, and the
// callers stop.
//
// Measured are the calls that complete inside the measurement window. For Echo
// every answer is checked to be byte-identical to the request. Each request is
// unique: its first 8 bytes (when there are 8) carry the caller number and a
// sequence number, so an answer routed to the wrong call is caught too.
//
// Output (stdout) is one JSON object, the same schema `jiefen load --json`
// prints:
//
//	{"tool":"go-ttrpc","calls":N,"errors":N,"duration_s":X,"throughput":X,
//	 "latency_us":{"min":X,"mean":X,"p50":X,"p90":X,"p99":X,"p999":X,"max":X},
//	 "status":{"OK":N,...},"transport_errors":N}
//
//	calls            calls completed in the window, whatever their outcome;
//	                 calls = sum(status) + transport_errors
//	status           answers by ttrpc status code name (codes.Code.String())
//	transport_errors calls that ended without a status (connection closed,
//	                 reset, cancelled by the hang guard). The 1.1.1 client
//	                 does not reconnect, so a caller stops after one: at
//	                 most one per caller
//	errors           calls that failed: non-OK status + transport errors +
//	                 OK answers whose payload differs from the request
//	throughput       calls per second of the window (calls / duration_s),
//	                 failed ones included, as `jiefen load` counts them: read
//	                 "errors" before trusting it
//	latency_us       of every call in the window (failed ones included, as in
//	                 `jiefen load`), in microseconds, from just before
//	                 Client.Call to just after it returns (client-observed)
//
// Percentiles come from a log-linear histogram (HDR-like): values in
// nanoseconds, exact below 256 ns, above that 128 buckets per power of two,
// each reported at its midpoint, so any percentile is within 0.4% of the
// recorded value. Nearest-rank percentiles; min, max and mean are exact.
//
// Exit status: 0 when the run completed (even with errors: read "errors"),
// 1 when a connection could not be opened, 2 on a usage error.
package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/bits"
	"math/rand"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/containerd/ttrpc"

	"../interopkit"
	"google.golang.org/grpc/status"
)

// ---- histogram -------------------------------------------------------------

const subBits = 7 // 128 sub-buckets per power of two: midpoint error <= 1/256

// bucketOf maps a value (ns) to its bucket. Below 2^(subBits+1) the bucket is
// the value itself; above, shift = bitlen-(subBits+1) and the bucket is
// shift<<subBits + v>>shift, which is continuous with the exact range.
func bucketOf(v uint64) int {
	shift := bits.Len64(v) - (subBits + 1)
	if shift < 0 {
		shift = 0
	}
	return shift<<subBits + int(v>>uint(shift))
}

// bucketMid is the midpoint of bucket b's value range.
func bucketMid(b int) float64 {
	shift := b>>subBits - 1
	if shift < 0 {
		shift = 0
	}
	lo := uint64(b-shift<<subBits) << uint(shift)
	width := uint64(1) << uint(shift)
	return float64(lo) + float64(width-1)/2
}

type histogram struct {
	counts []uint64
	n      uint64
	sum    float64
	min    uint64
	max    uint64
}

func newHistogram() *histogram {
	// 2^40 ns is about 18 minutes; longer latencies go in the last bucket.
	return &histogram{counts: make([]uint64, bucketOf(1<<40)+1), min: math.MaxUint64}
}

func (h *histogram) record(ns uint64) {
	b := bucketOf(ns)
	if b >= len(h.counts) {
		b = len(h.counts) - 1
	}
	h.counts[b]++
	h.n++
	h.sum += float64(ns)
	if ns < h.min {
		h.min = ns
	}
	if ns > h.max {
		h.max = ns
	}
}

func (h *histogram) merge(o *histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
	h.sum += o.sum
	if o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
}

// quantile returns the nearest-rank q-quantile in ns (bucket midpoint,
// clamped to the exact min and max).
func (h *histogram) quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := uint64(math.Ceil(q * float64(h.n)))
	if rank < 1 {
		rank = 1
	}
	var seen uint64
	for b, c := range h.counts {
		seen += c
		if seen >= rank {
			v := bucketMid(b)
			return math.Max(float64(h.min), math.Min(float64(h.max), v))
		}
	}
	return float64(h.max)
}

// ---- per-caller results ----------------------------------------------------

type callerStats struct {
	hist       *histogram
	calls      uint64
	mismatches uint64
	transport  uint64
	status     map[string]uint64
	firstErr   string
}

type latencyJSON struct {
	Min  float64 `json:"min"`
	Mean float64 `json:"mean"`
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
	P99  float64 `json:"p99"`
	P999 float64 `json:"p999"`
	Max  float64 `json:"max"`
}

type resultJSON struct {
	Tool            string            `json:"tool"`
	Calls           uint64            `json:"calls"`
	Errors          uint64            `json:"errors"`
	DurationS       float64           `json:"duration_s"`
	Throughput      float64           `json:"throughput"`
	LatencyUS       latencyJSON       `json:"latency_us"`
	Status          map[string]uint64 `json:"status"`
	TransportErrors uint64            `json:"transport_errors"`
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func usage(msg string) {
	if msg != "" {
		fmt.Fprintf(os.Stderr, "interop-load: %s\n", msg)
	}
	fmt.Fprintln(os.Stderr, "usage: interop-load -address unix:///p.sock|tcp://127.0.0.1:PORT [-connections C] [-concurrency N] [-duration 10s] [-warmup 2s] [-payload-size BYTES] [-service S] [-method M]")
	os.Exit(2)
}

func main() {
	address := interopkit.AddressFlag(" (required)")
	connections := flag.Int("connections", 1, "connections to open")
	concurrency := flag.Int("concurrency", 1, "callers (calls in flight), spread over the connections")
	duration := flag.Duration("duration", 10*time.Second, "measured time")
	warmup := flag.Duration("warmup", 2*time.Second, "time before the measurement, not measured")
	payloadSize := flag.Int("payload-size", 64, "request payload bytes")
	service := flag.String("service", interopkit.DiagnosticsService, "ttrpc service")
	method := flag.String("method", "Echo", "ttrpc method; answers are compared to requests only for Echo")
	guard := flag.Duration("call-guard", 10*time.Second, "calls still running this long after the window ends are cancelled (transport errors)")
	flag.Parse()
	if flag.NArg() != 0 {
		usage("unexpected arguments: " + strings.Join(flag.Args(), " "))
	}
	if *address == "" {
		usage("-address is required")
	}
	if *connections < 1 || *concurrency < 1 {
		usage("-connections and -concurrency must be at least 1")
	}
	if *duration <= 0 || *warmup < 0 || *payloadSize < 0 {
		usage("-duration must be positive, -warmup and -payload-size not negative")
	}
	server, err := interopkit.ParseAddress(*address)
	if err != nil {
		usage(err.Error())
	}
	verify := *method == "Echo"

	clients := make([]*ttrpc.Client, *connections)
	for i := range clients {
		c, err := server.Dial(5 * time.Second)
		if err != nil {
			fmt.Fprintf(os.Stderr, "interop-load: connection %d: %v\n", i, err)
			os.Exit(1)
		}
		clients[i] = c
	}
	defer func() {
		for _, c := range clients {
			c.Close()
		}
	}()

	start := time.Now()
	windowStart := start.Add(*warmup)
	windowEnd := windowStart.Add(*duration)
	// The hang guard: calls still running well after the window are cancelled.
	ctx, cancel := context.WithDeadline(context.Background(), windowEnd.Add(*guard))
	defer cancel()
	// A context with a deadline would make the client send timeout_nano;
	// calls get a context that is only cancelled, like a plain caller's.
	callCtx, callCancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done(); callCancel() }()

	stats := make([]*callerStats, *concurrency)
	var wg sync.WaitGroup
	for i := 0; i < *concurrency; i++ {
		st := &callerStats{hist: newHistogram(), status: map[string]uint64{}}
		stats[i] = st
		wg.Add(1)
		go func(id int, c *ttrpc.Client, st *callerStats) {
			defer wg.Done()
			req := make([]byte, *payloadSize)
			rand.New(rand.NewSource(int64(id) + 1)).Read(req)
			reqMsg := &interopkit.RawBytes{B: req}
			respMsg := &interopkit.RawBytes{B: make([]byte, 0, *payloadSize)}
			var seq uint32
			for {
				t0 := time.Now()
				if !t0.Before(windowEnd) {
					return
				}
				if len(req) >= 8 {
					binary.BigEndian.PutUint32(req[0:4], uint32(id))
					binary.BigEndian.PutUint32(req[4:8], seq)
				}
				seq++
				err := c.Call(callCtx, *service, *method, reqMsg, respMsg)
				t1 := time.Now()
				_, isStatus := status.FromError(err)
				// Without a status the connection is gone (the 1.1.1 client
				// does not recover), or the hang guard fired: the caller stops
				// rather than spinning on errors. A transport error in the
				// window is counted once per caller.
				stop := err != nil && !isStatus
				if t1.Before(windowStart) || !t1.Before(windowEnd) {
					if stop && st.firstErr == "" {
						st.firstErr = "before or after the window: " + err.Error()
					}
					if stop || callCtx.Err() != nil {
						return
					}
					continue
				}
				st.calls++
				st.hist.record(uint64(t1.Sub(t0)))
				switch {
				case err == nil:
					st.status["OK"]++
					if verify && !bytes.Equal(respMsg.B, req) {
						st.mismatches++
						if st.firstErr == "" {
							st.firstErr = fmt.Sprintf("echo differs: sent %d bytes, got %d", len(req), len(respMsg.B))
						}
					}
				case isStatus:
					st.status[status.Code(err).String()]++
					if st.firstErr == "" {
						st.firstErr = err.Error()
					}
				default:
					st.transport++
					if st.firstErr == "" {
						st.firstErr = err.Error()
					}
					return
				}
			}
		}(i, clients[i%len(clients)], st)
	}
	wg.Wait()

	total := &histogram{counts: make([]uint64, len(stats[0].hist.counts)), min: math.MaxUint64}
	res := resultJSON{Tool: "go-ttrpc", Status: map[string]uint64{}, DurationS: round(duration.Seconds(), 3)}
	var mismatches uint64
	var errSamples []string
	for _, st := range stats {
		total.merge(st.hist)
		res.Calls += st.calls
		res.TransportErrors += st.transport
		mismatches += st.mismatches
		for k, v := range st.status {
			res.Status[k] += v
			if k != "OK" {
				res.Errors += v
			}
		}
		if st.firstErr != "" && len(errSamples) < 5 {
			errSamples = append(errSamples, st.firstErr)
		}
	}
	res.Errors += res.TransportErrors + mismatches
	res.Throughput = round(float64(res.Calls)/duration.Seconds(), 1)
	if total.n > 0 {
		us := func(ns float64) float64 { return round(ns/1000, 1) }
		res.LatencyUS = latencyJSON{
			Min:  us(float64(total.min)),
			Mean: us(total.sum / float64(total.n)),
			P50:  us(total.quantile(0.50)),
			P90:  us(total.quantile(0.90)),
			P99:  us(total.quantile(0.99)),
			P999: us(total.quantile(0.999)),
			Max:  us(float64(total.max)),
		}
	}
	if res.Errors > 0 {
		keys := make([]string, 0, len(res.Status))
		for k := range res.Status {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(os.Stderr, "interop-load: %d errors (%d echo mismatches, %d transport); examples:\n", res.Errors, mismatches, res.TransportErrors)
		for _, e := range errSamples {
			fmt.Fprintf(os.Stderr, "  %s\n", e)
		}
	}
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
}
