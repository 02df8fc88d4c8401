package service

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/nats-io/nats-server/v2/server"
	natsserver "github.com/nats-io/nats-server/v2/test"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/harbourline/ticketsvc/internal/auth"
	"github.com/harbourline/ticketsvc/internal/store"
)

const (
	jwtSecret = "handlers-test-secret"
	issuer    = "https://id.test"
)

type fakePayments struct{ refunds []string }

func (f *fakePayments) Refund(_ context.Context, ref string, _ int64, _ string) (string, error) {
	f.refunds = append(f.refunds, ref)
	return "rf_" + ref, nil
}

func runServer(t *testing.T) *server.Server {
	t.Helper()
	opts := natsserver.DefaultTestOptions
	opts.Port = -1
	opts.JetStream = true
	opts.StoreDir = t.TempDir()
	srv := natsserver.RunServer(&opts)
	t.Cleanup(srv.Shutdown)
	return srv
}

func startService(t *testing.T) (*nats.Conn, *fakePayments) {
	t.Helper()
	srv := runServer(t)
	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "AUDIT", Subjects: []string{"audit.>"}}); err != nil {
		t.Fatal(err)
	}
	kv, err := store.Open(ctx, js, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	pay := &fakePayments{}
	h := &Handlers{
		Store:         kv,
		Payments:      pay,
		Auth:          auth.New(jwtSecret, issuer, "svc-token"),
		Audit:         Auditor{JS: js},
		WebhookSecret: []byte("webhook-secret"),
		HoldTTL:       time.Minute,
		Log:           slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	svc, err := Start(nc, h, h.Log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	return nc, pay
}

func bearer(t *testing.T, sub, role string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": sub, "role": role, "iss": issuer, "exp": time.Now().Add(time.Hour).Unix(),
	})
	s, err := tok.SignedString([]byte(jwtSecret))
	if err != nil {
		t.Fatal(err)
	}
	return "Bearer " + s
}

func request(t *testing.T, nc *nats.Conn, subject, body, authz string) *nats.Msg {
	t.Helper()
	msg := nats.NewMsg(subject)
	msg.Data = []byte(body)
	if authz != "" {
		msg.Header.Set("Authorization", authz)
	}
	reply, err := nc.RequestMsg(msg, 2*time.Second)
	if err != nil {
		t.Fatalf("request %s: %v", subject, err)
	}
	return reply
}

func mustErrorCode(t *testing.T, msg *nats.Msg, want string) {
	t.Helper()
	if got := msg.Header.Get("Nats-Service-Error-Code"); got != want {
		t.Fatalf("error code = %q (%s), want %q", got, msg.Header.Get("Nats-Service-Error"), want)
	}
}

func TestReserveAndRelease(t *testing.T) {
	nc, _ := startService(t)
	customer := bearer(t, "cus-1", "customer")

	reply := request(t, nc, "tickets.reserve", `{"event_id":"ev1","seats":["A1","A2"],"amount_cents":9000,"currency":"EUR"}`, customer)
	var hold store.Hold
	_ = json.Unmarshal(reply.Data, &hold)

	request(t, nc, "tickets.release", `{"event_id":"ev1","hold_id":"`+hold.ID+`"}`, customer)
}

func TestSeatCannotBeHeldTwice(t *testing.T) {
	nc, _ := startService(t)
	request(t, nc, "tickets.reserve", `{"event_id":"ev1","seats":["B7"]}`, bearer(t, "cus-1", "customer"))
	reply := request(t, nc, "tickets.reserve", `{"event_id":"ev1","seats":["B7"]}`, bearer(t, "cus-2", "customer"))
	mustErrorCode(t, reply, "409")
}

func TestRefundNeedsAdmin(t *testing.T) {
	nc, pay := startService(t)
	reply := request(t, nc, "tickets.admin.refund", `{"event_id":"ev1","hold_id":"x","reason":"duplicate"}`, bearer(t, "cus-1", "customer"))
	mustErrorCode(t, reply, "403")
	if len(pay.refunds) != 0 {
		t.Fatalf("refund reached the gateway: %v", pay.refunds)
	}
}

func TestAvailabilityIsPublic(t *testing.T) {
	nc, _ := startService(t)
	request(t, nc, "tickets.reserve", `{"event_id":"ev9","seats":["C1","C2","C3"]}`, bearer(t, "cus-1", "customer"))

	reply := request(t, nc, "tickets.availability", `{"event_id":"ev9"}`, "")
	mustErrorCode(t, reply, "")
	var out struct {
		Taken int `json:"taken"`
	}
	if err := json.Unmarshal(reply.Data, &out); err != nil {
		t.Fatal(err)
	}
	if out.Taken != 3 {
		t.Errorf("taken = %d, want 3", out.Taken)
	}
}
