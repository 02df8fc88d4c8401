package tasks

import (
	"context"
	"database/sql"
	"encoding/json"
	"html/template"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/brightloop/notifier/internal/links"
	"github.com/brightloop/notifier/internal/mailer"
	"github.com/brightloop/notifier/internal/store"
)

type fakeStore struct {
	users      map[int64]store.User
	suppressed map[string]bool
	items      []store.DigestItem
	deliveries []string
}

func (f *fakeStore) User(_ context.Context, id int64) (store.User, error) {
	u, ok := f.users[id]
	if !ok {
		return store.User{}, sql.ErrNoRows
	}
	return u, nil
}

func (f *fakeStore) DigestItems(context.Context, int64, time.Time) ([]store.DigestItem, error) {
	return f.items, nil
}

func (f *fakeStore) LastDigestAt(context.Context, int64) (time.Time, error) {
	return time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC), nil
}

func (f *fakeStore) DigestSubscribers(context.Context) ([]int64, error) { return nil, nil }

func (f *fakeStore) RecordDelivery(_ context.Context, _ int64, kind, id string) error {
	f.deliveries = append(f.deliveries, kind+"="+id)
	return nil
}

func (f *fakeStore) IsSuppressed(_ context.Context, email string) (bool, error) {
	return f.suppressed[email], nil
}

type fakeMailer struct{ sent []mailer.Message }

func (m *fakeMailer) Send(_ context.Context, msg mailer.Message) (string, error) {
	m.sent = append(m.sent, msg)
	return "msg-1", nil
}

var testTemplates = template.Must(template.New("root").Parse(`
{{define "welcome.html"}}Hi {{.Name}}{{end}}
{{define "welcome_v2.html"}}Hey {{.Name}}{{end}}
{{define "receipt.html"}}Order {{.OrderID}}: {{.Amount}}{{end}}
{{define "digest.html"}}{{len .Items}} items{{end}}`))

func newHandlers(fs *fakeStore, fm *fakeMailer) *Handlers {
	return &Handlers{
		Store:     fs,
		Mailer:    fm,
		Links:     links.NewSigner([]byte("test-signing-key"), "https://notify.test/u/"),
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		Templates: testTemplates,
	}
}

func task(t *testing.T, typ string, payload any) *asynq.Task {
	t.Helper()
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return asynq.NewTask(typ, b)
}

func assertSent(t *testing.T, m *fakeMailer, wantTo []string) {
	t.Helper()
	if len(m.sent) != len(wantTo) {
		t.Fatalf("sent %d messages, want %d", len(m.sent), len(wantTo))
	}
	for i, to := range wantTo {
		if m.sent[i].To != to {
			t.Errorf("message %d to %q, want %q", i, m.sent[i].To, to)
		}
	}
}

func TestHandleWelcome(t *testing.T) {
	users := map[int64]store.User{
		1: {ID: 1, Email: "ada@example.com", Name: "Ada"},
		2: {ID: 2, Email: "bounced@example.com", Name: "Bo"},
	}
	tests := []struct {
		name   string
		userID int64
		wantTo []string
	}{
		{"sends to active user", 1, []string{"ada@example.com"}},
		{"skips suppressed address", 2, nil},
		{"skips deleted user", 99, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := &fakeStore{users: users, suppressed: map[string]bool{"bounced@example.com": true}}
			fm := &fakeMailer{}
			err := newHandlers(fs, fm).HandleWelcome(context.Background(), task(t, TypeWelcome, WelcomePayload{UserID: tt.userID}))
			if err != nil {
				t.Fatalf("HandleWelcome: %v", err)
			}
			assertSent(t, fm, tt.wantTo)
		})
	}
}

func TestHandleReceipt(t *testing.T) {
	tests := []struct {
		name    string
		payload ReceiptPayload
	}{
		{"eur", ReceiptPayload{UserID: 1, OrderID: "o-1", AmountCents: 1999, Currency: "EUR"}},
		{"zero amount", ReceiptPayload{UserID: 1, OrderID: "o-2", AmountCents: 0, Currency: "GBP"}},
		{"unknown user", ReceiptPayload{UserID: 42, OrderID: "o-3", AmountCents: 500, Currency: "USD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := &fakeStore{users: map[int64]store.User{1: {ID: 1, Email: "ada@example.com", Name: "Ada"}}}
			fm := &fakeMailer{}
			h := newHandlers(fs, fm)
			_ = h.HandleReceipt(context.Background(), task(t, TypeReceipt, tt.payload))
		})
	}
}
