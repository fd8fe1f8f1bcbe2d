// Command department-client is what a department's system does with Jiefen, written against the Go stubs that
// protoc-gen-go and protoc-gen-go-ttrpc generate from proto/jiefen/v1 (package jiefen.example/jiefen/v1) and
// the reference ttrpc runtime (github.com/containerd/ttrpc, Debian's 1.1.1).
//
//	department-client -address unix:///var/lib/jiefen/jiefend.sock
//	department-client -address tcp://127.0.0.1:7420 -kind land-lease-arrears
//
// Against a running jiefend it lists the dispute kinds, registers a petition case of one kind (with the kind's
// sample details from Kinds/ListKinds), retries the create with the same request_id, moves the case through
// acceptance, assignment, handling, reply and closure with Cases/Apply (retrying one event), reads its history,
// pages through Cases/List, and sends bad requests to show their status codes.
//
// It prints one line per step, "ok STEP: what happened" or "FAIL STEP: what went wrong", and for every bad
// request a line
//
//	bad-request NAME SERVICE METHOD PAYLOAD_HEX CODE
//
// (so another client can replay the same bytes and compare codes), then "N ok, N failed". It exits 1 when any
// answer is not the expected one, 2 on a usage error.
package main

import (
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/containerd/ttrpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	jiefen "jiefen.example/jiefen/v1"
)

// Every call gets its own deadline; ttrpc sends it to the server as timeout_nano.
const callTimeout = 10 * time.Second

type run struct {
	ok, failed int
}

func (r *run) pass(step, format string, args ...interface{}) {
	r.ok++
	fmt.Printf("ok %s: %s\n", step, fmt.Sprintf(format, args...))
}

func (r *run) fail(step string, format string, args ...interface{}) {
	r.failed++
	fmt.Printf("FAIL %s: %s\n", step, fmt.Sprintf(format, args...))
}

// check records a step: it fails when err is set, passes with info otherwise, and reports whether it passed.
func (r *run) check(step string, err error, format string, args ...interface{}) bool {
	if err != nil {
		r.fail(step, "%s", describe(err))
		return false
	}
	r.pass(step, format, args...)
	return true
}

// describe renders an error with its status code when the server sent one.
func describe(err error) string {
	if st, ok := status.FromError(err); ok {
		return fmt.Sprintf("status %s (%d) %q", st.Code(), int(st.Code()), st.Message())
	}
	return err.Error()
}

func call() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), callTimeout)
}

func text(s string) *jiefen.Value   { return &jiefen.Value{Kind: &jiefen.Value_Text{Text: s}} }
func date(s string) *jiefen.Value   { return &jiefen.Value{Kind: &jiefen.Value_Date{Date: s}} }
func choice(s string) *jiefen.Value { return &jiefen.Value{Kind: &jiefen.Value_Choice{Choice: s}} }

func field(name string, v *jiefen.Value) *jiefen.Field { return &jiefen.Field{Name: name, Value: v} }

func main() {
	address := flag.String("address", "", "jiefend address: unix:///path/to/jiefend.sock or tcp://HOST:PORT")
	kind := flag.String("kind", "housing-delivery", "dispute kind of the case to open (see Kinds/ListKinds)")
	assignee := flag.String("department", "city-housing-centre", "department the case is assigned to")
	prefix := flag.String("request-id-prefix", fmt.Sprintf("department-client-%d", time.Now().UnixNano()),
		"prefix of the request_id idempotency keys (unique per run)")
	flag.Parse()
	if *address == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: department-client -address unix:///path.sock | tcp://HOST:PORT [-kind KIND] [-department CODE]")
		os.Exit(2)
	}
	network, addr, err := parseAddress(*address)
	if err != nil {
		fmt.Fprintf(os.Stderr, "department-client: %v\n", err)
		os.Exit(2)
	}
	conn, err := net.DialTimeout(network, addr, 5*time.Second)
	if err != nil {
		fmt.Printf("FAIL connect: %v\n0 ok, 1 failed\n", err)
		os.Exit(1)
	}
	client := ttrpc.NewClient(conn)
	defer client.Close()

	r := &run{}
	d := &department{
		r:      r,
		kinds:  jiefen.NewKindsClient(client),
		cases:  jiefen.NewCasesClient(client),
		raw:    client,
		prefix: *prefix,
	}
	d.walkthrough(*kind, *assignee)
	fmt.Printf("%d ok, %d failed\n", r.ok, r.failed)
	if r.failed > 0 {
		os.Exit(1)
	}
}

type department struct {
	r      *run
	kinds  jiefen.KindsService
	cases  jiefen.CasesService
	raw    *ttrpc.Client
	prefix string
}

func (d *department) walkthrough(kind, assignee string) {
	r := d.r
	// Kinds/ListKinds: the kinds this server has plugins for, each with its schema and a valid example.
	ctx, cancel := call()
	kinds, err := d.kinds.ListKinds(ctx, &jiefen.ListKindsRequest{})
	cancel()
	var schema *jiefen.KindSchema
	if err == nil {
		names := []string{}
		for _, k := range kinds.Kinds {
			names = append(names, k.Kind)
			if k.Kind == kind {
				schema = k
			}
		}
		if schema == nil {
			err = fmt.Errorf("kind %q is not among %v", kind, names)
		}
		if !r.check("list-kinds", err, "%d kinds: %s; %s has %d attributes", len(names), strings.Join(names, ", "), kind, len(schemaAttributes(schema))) {
			return
		}
	} else {
		r.check("list-kinds", err, "")
		return
	}

	// Cases/Create: a petition walked in by three people, with the kind's sample details.
	create := &jiefen.CreateCaseRequest{
		RequestId:       d.prefix + "-create",
		Kind:            kind,
		Track:           "petition",
		Channel:         "WALK_IN",
		VillageCode:     "340181-TY-02",
		Petitioners:     []*jiefen.Person{{Name: "张三", Phone: "13800000000"}},
		PersonsInvolved: 3,
		DemandText:      "开发商逾期交房，要求明确交房时间",
		Details:         schema.SampleDetails,
		Actor:           "department-client",
	}
	ctx, cancel = call()
	created, err := d.cases.Create(ctx, create)
	cancel()
	if err == nil && (!created.Created || created.Case.GetStatus() != "REGISTERED") {
		err = fmt.Errorf("want a new REGISTERED case, got created=%v status %q", created.Created, created.Case.GetStatus())
	}
	if !r.check("create", err, "case %s (%s, %s), status %s, registered on %s, petitioner shown as %q (masked=%v)",
		created.GetCase().GetId(), kind, created.GetCase().GetTrack(), created.GetCase().GetStatus(), created.GetCase().GetRegisteredOn(),
		firstName(created.GetCase()), created.GetCase().GetMasked()) {
		return
	}
	c := created.Case

	// A retry with the same request_id (say the answer was lost) registers nothing and answers the same case.
	ctx, cancel = call()
	again, err := d.cases.Create(ctx, create)
	cancel()
	if err == nil && (again.Created || again.Case.GetId() != c.Id) {
		err = fmt.Errorf("want the same case %s with created=false, got %s created=%v", c.Id, again.Case.GetId(), again.Created)
	}
	r.check("create-retry", err, "same request_id %q answered case %s again, created=false", create.RequestId, again.GetCase().GetId())

	// The lifecycle, one Cases/Apply per event, each with the version it expects and its own request_id.
	steps := []struct {
		event  string
		args   []*jiefen.Field
		status string
	}{
		{"accepted", []*jiefen.Field{field("notice_on", date(c.RegisteredOn))}, "ACCEPTED"},
		{"assigned", []*jiefen.Field{field("department", text(assignee))}, "ASSIGNED"},
		{"handling_started", nil, "IN_PROGRESS"},
		{"replied", []*jiefen.Field{field("decision", choice("support")), field("document_ref", text("复函〔2026〕1号"))}, "REPLIED"},
		{"closed", []*jiefen.Field{field("outcome", choice("resolved_town"))}, "CLOSED"},
	}
	for i, step := range steps {
		apply := &jiefen.ApplyEventRequest{
			CaseId: c.Id, Type: step.event, Arguments: step.args, ExpectedVersion: c.Version,
			Actor: "department-client", RequestId: fmt.Sprintf("%s-apply-%d", d.prefix, i),
		}
		ctx, cancel = call()
		answer, err := d.cases.Apply(ctx, apply)
		cancel()
		if err == nil && answer.Case.GetStatus() != step.status {
			err = fmt.Errorf("want status %s, got %s", step.status, answer.Case.GetStatus())
		}
		if !r.check("apply-"+step.event, err, "%s → %s (version %d → %d, due on %q)", step.event, answer.GetCase().GetStatus(), c.Version,
			answer.GetCase().GetVersion(), answer.GetCase().GetDueOn()) {
			return
		}
		previous := c
		c = answer.Case
		if step.event == "assigned" {
			// Retrying the event with the same request_id applies nothing and answers the case as it is.
			ctx, cancel = call()
			retry, err := d.cases.Apply(ctx, apply)
			cancel()
			if err == nil && (retry.Case.GetVersion() != c.Version || retry.Case.GetStatus() != c.Status) {
				err = fmt.Errorf("retry changed the case: version %d → %d, status %s", c.Version, retry.Case.GetVersion(), retry.Case.GetStatus())
			}
			r.check("apply-retry", err, "assigned again with request_id %q (expected_version %d, now stale): nothing applied, still %s version %d",
				apply.RequestId, previous.Version, retry.GetCase().GetStatus(), retry.GetCase().GetVersion())
		}
	}
	if c.AssignedDepartment != assignee || c.Outcome != "resolved_town" || c.ClosedOn == "" {
		r.fail("closed-case", "want department %s, outcome resolved_town and a closing date, got %q, %q, %q", assignee, c.AssignedDepartment, c.Outcome, c.ClosedOn)
	} else {
		r.pass("closed-case", "assigned to %s, outcome %s, closed on %s", c.AssignedDepartment, c.Outcome, c.ClosedOn)
	}

	// Cases/History: every event, oldest first.
	ctx, cancel = call()
	history, err := d.cases.History(ctx, &jiefen.CaseHistoryRequest{CaseId: c.Id})
	cancel()
	var types []string
	for _, e := range history.GetEvents() {
		types = append(types, e.Type)
	}
	want := "registered accepted assigned handling_started replied closed"
	if err == nil && strings.Join(types, " ") != want {
		err = fmt.Errorf("want events %q, got %q", want, strings.Join(types, " "))
	}
	if r.check("history", err, "%d events: %s", len(types), strings.Join(types, ", ")) {
		for _, e := range history.Events {
			fmt.Printf("   #%d %s by %s at %s%s\n", e.Sequence, e.Type, e.Actor, time.Unix(e.OccurredAt, 0).UTC().Format(time.RFC3339), arguments(e.Arguments))
		}
	}

	d.paging(kind, create, c.Id)
	d.badRequests(c)
}

// paging registers two more cases and reads Cases/List two at a time until next_page_token is empty.
func (d *department) paging(kind string, template *jiefen.CreateCaseRequest, first string) {
	r := d.r
	for i := 1; i <= 2; i++ {
		more := proto.Clone(template).(*jiefen.CreateCaseRequest)
		more.RequestId = fmt.Sprintf("%s-create-%d", d.prefix, i)
		ctx, cancel := call()
		_, err := d.cases.Create(ctx, more)
		cancel()
		if !r.check(fmt.Sprintf("create-%d", i), err, "another %s case for paging", kind) {
			return
		}
	}
	seen := map[string]bool{}
	pages, total := 0, 0
	request := &jiefen.ListCasesRequest{Kind: kind, PageSize: 2}
	for {
		ctx, cancel := call()
		page, err := d.cases.List(ctx, request)
		cancel()
		if err != nil {
			r.check("list", err, "")
			return
		}
		pages++
		total += len(page.Cases)
		for _, c := range page.Cases {
			if seen[c.Id] {
				r.fail("list", "case %s on two pages", c.Id)
				return
			}
			seen[c.Id] = true
			if !c.Masked {
				r.fail("list", "case %s is not masked in a list", c.Id)
				return
			}
		}
		if len(page.Cases) > 2 {
			r.fail("list", "page of %d cases for page_size 2", len(page.Cases))
			return
		}
		if page.NextPageToken == "" {
			break
		}
		if pages > 10000 {
			r.fail("list", "more than 10,000 pages")
			return
		}
		request.PageToken = page.NextPageToken
	}
	if !seen[first] || total < 3 {
		r.fail("list", "%d cases on %d pages, want at least 3 including %s", total, pages, first)
		return
	}
	r.pass("list", "%d %s cases on %d pages of at most 2 (page_token = next_page_token until it is empty)", total, kind, pages)
}

// badRequest is one request the server must refuse with the given code.
type badRequest struct {
	name            string
	service, method string
	request         proto.Message
	want            codes.Code
	send            func(ctx context.Context) error
}

func (d *department) badRequests(c *jiefen.Case) {
	bad := []badRequest{
		{name: "create-unknown-kind", service: "jiefen.v1.Cases", method: "Create", want: codes.InvalidArgument,
			request: &jiefen.CreateCaseRequest{Kind: "no-such-kind", Track: "petition", Channel: "WALK_IN", VillageCode: "340181-TY-02", PersonsInvolved: 1}},
		{name: "create-bad-channel", service: "jiefen.v1.Cases", method: "Create", want: codes.InvalidArgument,
			request: &jiefen.CreateCaseRequest{Kind: c.Kind, Track: "petition", Channel: "CARRIER_PIGEON", VillageCode: "340181-TY-02", PersonsInvolved: 1}},
		{name: "list-page-size-too-large", service: "jiefen.v1.Cases", method: "List", want: codes.InvalidArgument,
			request: &jiefen.ListCasesRequest{PageSize: 501}},
		{name: "list-bad-date", service: "jiefen.v1.Cases", method: "List", want: codes.InvalidArgument,
			request: &jiefen.ListCasesRequest{RegisteredFrom: "2026-13-45"}},
		{name: "apply-unknown-event", service: "jiefen.v1.Cases", method: "Apply", want: codes.InvalidArgument,
			request: &jiefen.ApplyEventRequest{CaseId: c.Id, Type: "teleported"}},
		{name: "apply-missing-argument", service: "jiefen.v1.Cases", method: "Apply", want: codes.InvalidArgument,
			request: &jiefen.ApplyEventRequest{CaseId: c.Id, Type: "evaluated"}},
		{name: "apply-not-allowed-now", service: "jiefen.v1.Cases", method: "Apply", want: codes.FailedPrecondition,
			request: &jiefen.ApplyEventRequest{CaseId: c.Id, Type: "accepted"}},
		{name: "apply-stale-version", service: "jiefen.v1.Cases", method: "Apply", want: codes.Aborted,
			request: &jiefen.ApplyEventRequest{CaseId: c.Id, Type: "evaluated", ExpectedVersion: 1, Arguments: []*jiefen.Field{field("rating", choice("satisfied"))}}},
		{name: "get-unknown-case", service: "jiefen.v1.Cases", method: "Get", want: codes.NotFound,
			request: &jiefen.GetCaseRequest{Id: "no-such-case"}},
		{name: "history-unknown-case", service: "jiefen.v1.Cases", method: "History", want: codes.NotFound,
			request: &jiefen.CaseHistoryRequest{CaseId: "no-such-case"}},
		{name: "describe-unknown-kind", service: "jiefen.v1.Kinds", method: "DescribeKind", want: codes.NotFound,
			request: &jiefen.DescribeKindRequest{Kind: "no-such-kind"}},
	}
	for _, b := range bad {
		payload, err := proto.Marshal(b.request)
		if err != nil {
			d.r.fail("bad-request "+b.name, "cannot marshal: %v", err)
			continue
		}
		ctx, cancel := call()
		err = d.send(ctx, b)
		cancel()
		st, _ := status.FromError(err)
		code := codes.OK
		if err != nil {
			code = st.Code()
			if _, ok := status.FromError(err); !ok {
				code = codes.Unknown
			}
		}
		fmt.Printf("bad-request %s %s %s %s %d\n", b.name, b.service, b.method, hexOrDash(payload), int(code))
		if err == nil || code != b.want {
			d.r.fail("bad-request "+b.name, "want %s (%d), got %s", b.want, int(b.want), describeOrOK(err))
			continue
		}
		d.r.pass("bad-request "+b.name, "%s (%d) %q", st.Code(), int(st.Code()), st.Message())
	}
}

// send calls the method through the generated client, the way a department's code would.
func (d *department) send(ctx context.Context, b badRequest) error {
	var err error
	switch m := b.request.(type) {
	case *jiefen.CreateCaseRequest:
		_, err = d.cases.Create(ctx, m)
	case *jiefen.ListCasesRequest:
		_, err = d.cases.List(ctx, m)
	case *jiefen.ApplyEventRequest:
		_, err = d.cases.Apply(ctx, m)
	case *jiefen.GetCaseRequest:
		_, err = d.cases.Get(ctx, m)
	case *jiefen.CaseHistoryRequest:
		_, err = d.cases.History(ctx, m)
	case *jiefen.DescribeKindRequest:
		_, err = d.kinds.DescribeKind(ctx, m)
	default:
		err = errors.New("no stub for this request")
	}
	return err
}

func describeOrOK(err error) string {
	if err == nil {
		return "OK"
	}
	return describe(err)
}

func hexOrDash(b []byte) string {
	if len(b) == 0 {
		return "-"
	}
	return hex.EncodeToString(b)
}

func schemaAttributes(s *jiefen.KindSchema) []*jiefen.Attribute {
	if s == nil {
		return nil
	}
	return s.Attributes
}

func firstName(c *jiefen.Case) string {
	if c == nil || len(c.Petitioners) == 0 {
		return ""
	}
	return c.Petitioners[0].Name
}

func arguments(fields []*jiefen.Field) string {
	if len(fields) == 0 {
		return ""
	}
	parts := []string{}
	for _, f := range fields {
		parts = append(parts, f.Name+"="+valueText(f.Value))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func valueText(v *jiefen.Value) string {
	switch k := v.GetKind().(type) {
	case *jiefen.Value_Text:
		return k.Text
	case *jiefen.Value_Choice:
		return k.Choice
	case *jiefen.Value_Date:
		return k.Date
	case *jiefen.Value_Integer:
		return fmt.Sprint(k.Integer)
	case *jiefen.Value_Flag:
		return fmt.Sprint(k.Flag)
	default:
		return fmt.Sprint(v)
	}
}

func parseAddress(a string) (network, addr string, err error) {
	switch {
	case strings.HasPrefix(a, "unix://"):
		addr = strings.TrimPrefix(a, "unix://")
		if addr == "" {
			return "", "", fmt.Errorf("empty unix socket path in %q", a)
		}
		return "unix", addr, nil
	case strings.HasPrefix(a, "tcp://"):
		addr = strings.TrimPrefix(a, "tcp://")
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return "", "", fmt.Errorf("bad tcp address %q: %v", a, err)
		}
		return "tcp", addr, nil
	}
	return "", "", fmt.Errorf("address must start with unix:// or tcp://, got %q", a)
}
