package worker

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tallyhq/ledger-worker/internal/ledger"
)

type recordingNotifier struct {
	texts []string
	err   error
}

func (r *recordingNotifier) Notify(text string) error {
	r.texts = append(r.texts, text)
	return r.err
}

func newHandler(t *testing.T) (*InvoiceHandler, string, *recordingNotifier) {
	t.Helper()
	dir := t.TempDir()
	w, err := ledger.NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("close ledger: %v", err)
		}
	})
	n := &recordingNotifier{}
	return NewInvoiceHandler(w, n, []byte("test-signing-secret"), "EUR"), dir, n
}

func signedMessage(h *InvoiceHandler, payload string) *message.Message {
	msg := message.NewMessage(watermill.NewUUID(), []byte(payload))
	msg.Metadata.Set("x-signature", h.sign(msg.Payload))
	return msg
}

func TestHandle(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		tamper  bool
		wantErr error
	}{
		{"paid", `{"type":"invoice.paid","invoice_id":"in_1","customer_id":"c1","amount_cents":1200,"currency":"EUR"}`, false, nil},
		{"unknown type", `{"type":"invoice.drafted","invoice_id":"in_2"}`, false, nil},
		{"malformed json is dropped", `{"type":`, false, nil},
		{"tampered signature", `{"type":"invoice.paid","invoice_id":"in_3"}`, true, ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _, _ := newHandler(t)
			msg := signedMessage(h, tt.payload)
			if tt.tamper {
				msg.Metadata.Set("x-signature", strings.Repeat("0", 64))
			}
			if err := h.Handle(msg); !errors.Is(err, tt.wantErr) {
				t.Fatalf("Handle() error = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestPaidInvoiceIsWrittenToLedger(t *testing.T) {
	h, dir, _ := newHandler(t)
	msg := signedMessage(h, `{"type":"invoice.paid","invoice_id":"in_9","customer_id":"c9","amount_cents":500,"currency":"EUR"}`)
	if err := h.Handle(msg); err != nil {
		t.Fatal(err)
	}
	if err := h.ledger.Close(); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "ledger-*.csv"))
	if len(matches) != 1 {
		t.Fatalf("expected one batch file, got %v", matches)
	}
	data, _ := os.ReadFile(matches[0])
	if !strings.Contains(string(data), "in_9,receivables:c9,-500,EUR") {
		t.Errorf("ledger content = %q", data)
	}
}

func TestVoidedInvoiceNotifies(t *testing.T) {
	tests := []struct {
		name      string
		notifyErr error
	}{
		{"notifier ok", nil},
		{"notifier down", errors.New("slack 503")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _, n := newHandler(t)
			n.err = tt.notifyErr
			h.Handle(signedMessage(h, `{"type":"invoice.voided","invoice_id":"in_5"}`))
		})
	}
}
