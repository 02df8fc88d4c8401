package subscriber

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	pb "github.com/ledgerline/billing/proto/billing"
)

type memStore struct {
	seen     map[string]bool
	paid     []string
	statuses map[string]string
}

func (m *memStore) SeenEvent(_ context.Context, id string) (bool, error) {
	if m.seen[id] {
		return true, nil
	}
	m.seen[id] = true
	return false, nil
}

func (m *memStore) MarkPaid(_ context.Context, id string, _ time.Time) error {
	m.paid = append(m.paid, id)
	return nil
}

func (m *memStore) SetStatus(_ context.Context, id, status string) error {
	m.statuses[id] = status
	return nil
}

func TestHandle(t *testing.T) {
	key := []byte("test-signing-key")
	signed := func(ev *pb.PaymentEvent) *pb.PaymentEvent {
		ev.Signature = Sign(key, ev)
		return ev
	}

	tests := []struct {
		name     string
		event    *pb.PaymentEvent
		wantPaid int
		wantFile bool
	}{
		{"succeeded", signed(&pb.PaymentEvent{Id: "ev_1", Type: "payment.succeeded", InvoiceId: "inv_1", Amount: 10, OccurredAt: 1700000000}), 1, true},
		{"tampered amount", func() *pb.PaymentEvent {
			ev := signed(&pb.PaymentEvent{Id: "ev_2", Type: "payment.succeeded", InvoiceId: "inv_2", Amount: 10})
			ev.Amount = 10000
			return ev
		}(), 0, false},
		{"failed", signed(&pb.PaymentEvent{Id: "ev_3", Type: "payment.failed", InvoiceId: "inv_3"}), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &memStore{seen: map[string]bool{}, statuses: map[string]string{}}
			dir := t.TempDir()
			s := &PaymentEvents{Store: st, SigningKey: key, ReceiptDir: dir}
			if err := s.Handle(context.Background(), tt.event); err != nil {
				t.Fatal(err)
			}
			if len(st.paid) != tt.wantPaid {
				t.Errorf("paid = %v", st.paid)
			}
			_, err := os.Stat(filepath.Join(dir, tt.event.InvoiceId+".json"))
			if (err == nil) != tt.wantFile {
				t.Errorf("receipt exists = %v", err == nil)
			}
		})
	}
}
