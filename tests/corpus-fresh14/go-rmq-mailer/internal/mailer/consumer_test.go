package mailer

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/adjust/rmq/v5"
)

type fakeSender struct {
	sent []string
	err  error
}

func (f *fakeSender) Send(to, _ string, _ string) error {
	f.sent = append(f.sent, to)
	return f.err
}

type memAudit struct{ events []string }

func (m *memAudit) Record(event, recipient, _ string) error {
	m.events = append(m.events, event+":"+recipient)
	return nil
}

func envelope(t *testing.T, key []byte, m Message) string {
	t.Helper()
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(Envelope{Message: raw, Signature: Sign(key, raw)})
	return string(out)
}

func TestOpen(t *testing.T) {
	key := []byte("test-signing-key")
	good := envelope(t, key, Message{To: "a@example.com", Template: "welcome"})
	tests := []struct {
		name    string
		key     []byte
		payload string
		wantErr error
	}{
		{"valid", key, good, nil},
		{"wrong key", []byte("other"), good, ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.key, tt.payload)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Open() error = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestConsumeSendsAndAudits(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "welcome.html"), []byte("<p>Hi {{.name}}</p>"), 0o600); err != nil {
		t.Fatal(err)
	}
	key := []byte("test-signing-key")
	sender, audit := &fakeSender{}, &memAudit{}
	c := NewConsumer(Config{SigningKey: key, TemplateDir: dir}, sender, audit, slog.New(slog.NewTextHandler(io.Discard, nil)))
	d := rmq.NewTestDeliveryString(envelope(t, key, Message{To: "b@example.com", Template: "welcome", Data: map[string]string{"name": "Bo"}}))
	c.Consume(d)
	if len(sender.sent) != 1 || audit.events[0] != "mail.sent:b@example.com" {
		t.Fatalf("sent=%v audit=%v", sender.sent, audit.events)
	}
}

func TestConsumeRejectsOnSendFailure(t *testing.T) {
	key := []byte("test-signing-key")
	c := NewConsumer(Config{SigningKey: key, TemplateDir: "testdata"}, &fakeSender{err: errors.New("smtp down")}, &memAudit{}, slog.Default())
	d := rmq.NewTestDeliveryString(envelope(t, key, Message{To: "c@example.com", Template: "welcome"}))
	c.Consume(d)
}

func TestRenderMissingTemplate(t *testing.T) {
	c := NewConsumer(Config{TemplateDir: t.TempDir()}, nil, nil, slog.Default())
	if _, err := c.render(Message{Template: "nope"}); err == nil {
		t.Fatal("expected error for missing template")
	}
}
