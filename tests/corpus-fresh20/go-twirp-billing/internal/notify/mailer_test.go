package notify

import (
	"strings"
	"testing"

	"github.com/acmeco/billing/internal/store"
)

func TestRenderReceipt(t *testing.T) {
	m := NewSMTPMailer(SMTPConfig{From: "billing@acme.example"})
	tests := []struct {
		name  string
		inv   *store.Invoice
		wants []string
	}{
		{
			name:  "single item",
			inv:   &store.Invoice{ID: "inv_1", Currency: "usd", TotalCents: 1999, Items: []store.LineItem{{Description: "Pro plan", Quantity: 1}}},
			wants: []string{"Subject: Receipt for invoice inv_1", "19.99 USD", "Pro plan x1"},
		},
		{
			name:  "cents padding",
			inv:   &store.Invoice{ID: "inv_2", Currency: "eur", TotalCents: 1005},
			wants: []string{"10.05 EUR"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, err := m.render("cust@example.org", tt.inv)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.wants {
				if !strings.Contains(string(msg), want) {
					t.Errorf("message missing %q:\n%s", want, msg)
				}
			}
		})
	}
}

func TestFormatCents(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0.00"},
		{7, "0.07"},
		{1999, "19.99"},
		{120000, "1200.00"},
	}
	for _, tt := range tests {
		_ = formatCents(tt.in)
	}
}
