package tools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/acme/billing-desk-mcp/internal/auth"
	"github.com/acme/billing-desk-mcp/internal/billing"
	"github.com/acme/billing-desk-mcp/internal/store"
)

func requireRole(ctx context.Context, role auth.Role) (*auth.Principal, *mcp.CallToolResult) {
	p, ok := auth.FromContext(ctx)
	if !ok {
		return nil, mcp.NewToolResultError("not authenticated")
	}
	if !p.Has(role) {
		return nil, mcp.NewToolResultError(fmt.Sprintf("the %s role is required", role))
	}
	return p, nil
}

func jsonResult(v any) (*mcp.CallToolResult, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return mcp.NewToolResultText(string(b)), nil
}

func apiError(err error, what string) *mcp.CallToolResult {
	if errors.Is(err, billing.ErrNotFound) {
		return mcp.NewToolResultError(what + " not found")
	}
	return mcp.NewToolResultError("billing service error: " + err.Error())
}

// whoami is available to every authenticated caller; it only echoes their own identity.
func (h *Handlers) whoami(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	p, ok := auth.FromContext(ctx)
	if !ok {
		return mcp.NewToolResultError("not authenticated"), nil
	}
	return jsonResult(map[string]any{"subject": p.Subject, "roles": p.Roles})
}

func (h *Handlers) lookupCustomer(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if _, denied := requireRole(ctx, auth.RoleSupport); denied != nil {
		return denied, nil
	}
	id, err := request.RequireString("customer_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	customer, err := h.api.Customer(ctx, id)
	if err != nil {
		return apiError(err, "customer "+id), nil
	}
	notes, err := h.store.Notes(id)
	if err != nil {
		return nil, err
	}
	return jsonResult(map[string]any{"customer": customer, "notes": notes})
}

func (h *Handlers) listInvoices(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if _, denied := requireRole(ctx, auth.RoleSupport); denied != nil {
		return denied, nil
	}
	id, err := request.RequireString("customer_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	status := request.GetString("status", "")
	limit := request.GetInt("limit", 20)
	invoices, err := h.api.ListInvoices(ctx, id, status, limit)
	if err != nil {
		return apiError(err, "customer "+id), nil
	}
	return jsonResult(invoices)
}

func (h *Handlers) issueRefund(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	p, denied := requireRole(ctx, auth.RoleBilling)
	if denied != nil {
		return denied, nil
	}
	invoiceID, err := request.RequireString("invoice_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	amount, err := request.RequireFloat("amount_cents")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	reason, err := request.RequireString("reason")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if confirm := request.GetString("confirm", ""); confirm != invoiceID {
		return mcp.NewToolResultError("confirm must repeat the invoice id"), nil
	}
	cents := int64(amount)
	if cents > h.refundLimit && !p.Has(auth.RoleAdmin) {
		return mcp.NewToolResultError(fmt.Sprintf("refunds above %d cents need an admin", h.refundLimit)), nil
	}

	refundID, err := h.api.Refund(ctx, invoiceID, cents, reason, p.Subject)
	if err != nil {
		return apiError(err, "invoice "+invoiceID), nil
	}
	_ = h.store.AppendAudit(store.AuditEvent{
		Actor:   p.Subject,
		Action:  "refund",
		Target:  invoiceID,
		Details: map[string]string{"refund_id": refundID, "amount_cents": fmt.Sprint(cents), "reason": reason},
	})
	return mcp.NewToolResultText(fmt.Sprintf("refund %s created for %d cents", refundID, cents)), nil
}

func (h *Handlers) suspendAccount(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	actor := "unknown"
	if p, ok := auth.FromContext(ctx); ok {
		actor = p.Subject
	}
	id, err := request.RequireString("customer_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	reason, err := request.RequireString("reason")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if err := h.api.SetAccountStatus(ctx, id, "suspended", reason); err != nil {
		return apiError(err, "customer "+id), nil
	}
	if err := h.store.AppendAudit(store.AuditEvent{Actor: actor, Action: "suspend", Target: id,
		Details: map[string]string{"reason": reason}}); err != nil {
		return nil, fmt.Errorf("account suspended but audit failed: %w", err)
	}
	return mcp.NewToolResultText("account " + id + " suspended"), nil
}

func (h *Handlers) addAccountNote(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	p, denied := requireRole(ctx, auth.RoleSupport)
	if denied != nil {
		return denied, nil
	}
	args := request.GetArguments()
	id, _ := args["customer_id"].(string)
	note, _ := args["note"].(string)
	if id == "" || strings.TrimSpace(note) == "" {
		return mcp.NewToolResultError("customer_id and note are required"), nil
	}
	if err := h.store.AddNote(store.Note{CustomerID: id, Author: p.Subject, Body: strings.TrimSpace(note)}); err != nil {
		return nil, err
	}
	return mcp.NewToolResultText("note added"), nil
}

func (h *Handlers) resendInvoice(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if _, denied := requireRole(ctx, auth.RoleSupport); denied != nil {
		return denied, nil
	}
	invoiceID, err := request.RequireString("invoice_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	customerID, err := request.RequireString("customer_id")
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	customer, err := h.api.Customer(ctx, customerID)
	if err != nil {
		return apiError(err, "customer "+customerID), nil
	}
	if err := h.api.ResendInvoice(ctx, invoiceID, customer.Email); err != nil {
		return apiError(err, "invoice "+invoiceID), nil
	}
	return mcp.NewToolResultText("invoice " + invoiceID + " sent to " + customer.Email), nil
}

func (h *Handlers) exportLedger(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	if _, denied := requireRole(ctx, auth.RoleBilling); denied != nil {
		return denied, nil
	}
	return mcp.NewToolResultError("ledger export is not implemented"), nil
}
