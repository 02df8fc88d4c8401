package tools

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/acme/billing-desk-mcp/internal/auth"
	"github.com/acme/billing-desk-mcp/internal/billing"
	"github.com/acme/billing-desk-mcp/internal/store"
)

type fakeAPI struct {
	refunds   []string
	statuses  map[string]string
	invoiceQs []string
}

func (f *fakeAPI) Customer(_ context.Context, id string) (*billing.Customer, error) {
	if id != "cus_1" {
		return nil, billing.ErrNotFound
	}
	return &billing.Customer{ID: id, Name: "Ada", Email: "ada@example.com", Plan: "pro", Status: "active"}, nil
}

func (f *fakeAPI) ListInvoices(_ context.Context, customerID, status string, limit int) ([]billing.Invoice, error) {
	f.invoiceQs = append(f.invoiceQs, customerID+"|"+status)
	return []billing.Invoice{{ID: "in_1", CustomerID: customerID, Status: "open", AmountCents: 4900}}, nil
}

func (f *fakeAPI) Refund(_ context.Context, invoiceID string, amountCents int64, reason, actor string) (string, error) {
	f.refunds = append(f.refunds, invoiceID)
	return "re_1", nil
}

func (f *fakeAPI) SetAccountStatus(_ context.Context, customerID, status, reason string) error {
	if f.statuses == nil {
		f.statuses = map[string]string{}
	}
	f.statuses[customerID] = status
	return nil
}

func (f *fakeAPI) ResendInvoice(context.Context, string, string) error { return nil }

func (f *fakeAPI) Plans(context.Context) ([]billing.Plan, error) {
	return []billing.Plan{{Code: "pro", Name: "Pro", PriceCents: 4900}}, nil
}

func newHandlers(t *testing.T) (*Handlers, *fakeAPI, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	api := &fakeAPI{}
	return NewHandlers(api, st, 10_000, slog.New(slog.NewTextHandler(io.Discard, nil))), api, st
}

func as(roles ...auth.Role) context.Context {
	return auth.WithPrincipal(context.Background(), &auth.Principal{Subject: "agent-7", Roles: roles})
}

func call(args map[string]any) mcp.CallToolRequest {
	var req mcp.CallToolRequest
	req.Params.Arguments = args
	return req
}

func requireText(t *testing.T, res *mcp.CallToolResult, err error, contains string) {
	t.Helper()
	if err != nil {
		t.Fatalf("handler error: %v", err)
	}
	if res.IsError {
		t.Fatalf("tool error: %+v", res.Content)
	}
	text := res.Content[0].(mcp.TextContent).Text
	if !strings.Contains(text, contains) {
		t.Fatalf("result %q does not contain %q", text, contains)
	}
}

func TestRefundNeedsBillingRole(t *testing.T) {
	h, api, _ := newHandlers(t)
	res, err := h.issueRefund(as(auth.RoleSupport), call(map[string]any{
		"invoice_id": "in_1", "amount_cents": 500.0, "reason": "double charge", "confirm": "in_1",
	}))
	if err != nil || !res.IsError {
		t.Fatalf("expected a tool error, got %+v, %v", res, err)
	}
	if len(api.refunds) != 0 {
		t.Fatal("refund reached the billing API")
	}
}

func TestRefundIsAudited(t *testing.T) {
	h, _, st := newHandlers(t)
	res, err := h.issueRefund(as(auth.RoleBilling), call(map[string]any{
		"invoice_id": "in_1", "amount_cents": 500.0, "reason": "double charge", "confirm": "in_1",
	}))
	requireText(t, res, err, "refund re_1")

	events, err := st.AuditFor("in_1")
	if err != nil || len(events) != 1 || events[0].Actor != "agent-7" {
		t.Fatalf("audit = %+v, %v", events, err)
	}
}

func TestListInvoicesByStatus(t *testing.T) {
	h, _, _ := newHandlers(t)
	h.listInvoices(as(auth.RoleSupport), call(map[string]any{"customer_id": "cus_1", "status": "open"}))
}

func TestAccountNotesRoundTrip(t *testing.T) {
	h, _, _ := newHandlers(t)
	res, err := h.addAccountNote(as(auth.RoleSupport), call(map[string]any{"customer_id": "cus_1", "note": "called about VAT"}))
	requireText(t, res, err, "note added")

	res, err = h.lookupCustomer(as(auth.RoleSupport), call(map[string]any{"customer_id": "cus_1"}))
	requireText(t, res, err, "called about VAT")
}

func TestUnknownCustomer(t *testing.T) {
	h, _, _ := newHandlers(t)
	res, _ := h.lookupCustomer(as(auth.RoleSupport), call(map[string]any{"customer_id": "cus_404"}))
	if !res.IsError {
		t.Fatalf("expected not found, got %+v", res.Content)
	}
}
