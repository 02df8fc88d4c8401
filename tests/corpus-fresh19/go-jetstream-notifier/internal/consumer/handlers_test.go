package consumer

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/acme/notifier/internal/store"
)

type fakeMsg struct {
	jetstream.Msg
	subject string
	data    []byte
	hdr     nats.Header
}

func (m *fakeMsg) Data() []byte         { return m.data }
func (m *fakeMsg) Headers() nats.Header { return m.hdr }
func (m *fakeMsg) Subject() string      { return m.subject }

func signed(key []byte, v any) *fakeMsg {
	data, _ := json.Marshal(v)
	mac := hmac.New(sha256.New, key)
	mac.Write(data)
	hdr := nats.Header{}
	hdr.Set(signatureHeader, hex.EncodeToString(mac.Sum(nil)))
	return &fakeMsg{subject: "notify.welcome", data: data, hdr: hdr}
}

func mustEqual[T comparable](t *testing.T, got, want T) {
	t.Helper()
	if got != want {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestVerify(t *testing.T) {
	key := []byte("unit-test-signing-key")
	h := &Handlers{signingKey: key}
	tests := []struct {
		name    string
		msg     *fakeMsg
		wantErr bool
	}{
		{"valid", signed(key, Envelope{ID: "1"}), false},
		{"wrong key", signed([]byte("other"), Envelope{ID: "1"}), true},
		{"missing header", &fakeMsg{data: []byte(`{}`), hdr: nats.Header{}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := h.verify(tt.msg)
			if (err != nil) != tt.wantErr {
				t.Fatalf("verify() err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, errPoison) {
				t.Fatalf("signature errors must be poison, got %v", err)
			}
		})
	}
}

func TestDigestView(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name   string
		events []store.Event
		max    int
	}{
		{"empty", nil, 5},
		{"under limit", []store.Event{{ID: "a", CreatedAt: now}}, 5},
		{"over limit", []store.Event{
			{ID: "a", CreatedAt: now.Add(-2 * time.Hour)},
			{ID: "b", CreatedAt: now},
			{ID: "c", CreatedAt: now.Add(-time.Hour)},
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := digestView(Envelope{Name: "Ada"}, tt.events, tt.max)
			t.Logf("%s: %d items, total %d", tt.name, len(v.Items), v.Total)
		})
	}
}

func TestRetryStopsOnPoison(t *testing.T) {
	calls := 0
	err := retry(5, time.Millisecond, func() error {
		calls++
		return errPoison
	})
	mustEqual(t, calls, 1)
	mustEqual(t, errors.Is(err, errPoison), true)
}

func TestRetryGivesUp(t *testing.T) {
	calls := 0
	boom := errors.New("smtp 451")
	err := retry(3, time.Millisecond, func() error {
		calls++
		return boom
	})
	if calls != 3 || !errors.Is(err, boom) {
		t.Fatalf("calls=%d err=%v", calls, err)
	}
}
