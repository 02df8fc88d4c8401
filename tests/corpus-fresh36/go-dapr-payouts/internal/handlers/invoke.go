package handlers

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	dapr "github.com/dapr/go-sdk/client"
	"github.com/dapr/go-sdk/service/common"

	"github.com/stallwise/payouts/internal/auth"
)

var errForbidden = errors.New("caller is not allowed to do this")

type payoutRef struct {
	PayoutID string `json:"payout_id"`
	Reason   string `json:"reason,omitempty"`
}

func jsonContent(v any) (*common.Content, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return &common.Content{Data: b, ContentType: "application/json"}, nil
}

func (h *Handlers) requireCaller(ctx context.Context, appIDs ...string) error {
	caller := auth.CallerAppID(ctx)
	for _, id := range appIDs {
		if caller == id {
			return nil
		}
	}
	h.Log.Warn("rejected invocation", "caller", caller)
	return errForbidden
}

func decodeRef(in *common.InvocationEvent) (payoutRef, error) {
	var ref payoutRef
	if in.Verb != http.MethodPost {
		return ref, fmt.Errorf("use POST, not %s", in.Verb)
	}
	if err := json.Unmarshal(in.Data, &ref); err != nil || ref.PayoutID == "" {
		return ref, errors.New("payout_id is required")
	}
	return ref, nil
}

// GetPayout is read-only and used by the seller dashboard and support tools alike, so any
// app in the namespace may call it (daprd has already checked APP_API_TOKEN).
func (h *Handlers) GetPayout(ctx context.Context, in *common.InvocationEvent) (*common.Content, error) {
	var ref payoutRef
	if err := json.Unmarshal(in.Data, &ref); err != nil || ref.PayoutID == "" {
		return nil, errors.New("payout_id is required")
	}
	p, err := h.Store.Payout(ctx, ref.PayoutID)
	if err != nil {
		return nil, err
	}
	return jsonContent(p)
}

func (h *Handlers) ApprovePayout(ctx context.Context, in *common.InvocationEvent) (*common.Content, error) {
	if err := h.requireCaller(ctx, h.Cfg.BackofficeAppID); err != nil {
		return nil, err
	}
	ref, err := decodeRef(in)
	if err != nil {
		return nil, err
	}
	p, err := h.Store.Payout(ctx, ref.PayoutID)
	if err != nil {
		return nil, err
	}
	if p.Status != "pending_approval" {
		return nil, fmt.Errorf("payout %s is %s", p.ID, p.Status)
	}
	if err := h.submit(ctx, p); err != nil {
		return nil, err
	}
	p.ApprovedBy = auth.CallerAppID(ctx)
	if err := h.Store.SavePayout(ctx, p); err != nil {
		return nil, err
	}
	return jsonContent(p)
}

func (h *Handlers) HoldPayout(ctx context.Context, in *common.InvocationEvent) (*common.Content, error) {
	if err := h.requireCaller(ctx, h.Cfg.BackofficeAppID); err != nil {
		return nil, err
	}
	ref, err := decodeRef(in)
	if err != nil {
		return nil, err
	}
	return h.setStatus(ctx, ref, "pending_approval", "held")
}

func (h *Handlers) CancelPayout(ctx context.Context, in *common.InvocationEvent) (*common.Content, error) {
	ref, err := decodeRef(in)
	if err != nil {
		return nil, err
	}
	out, err := h.setStatus(ctx, ref, "held", "cancelled")
	if err != nil {
		return nil, err
	}
	h.publish(ctx, "payouts.cancelled", ref)
	return out, nil
}

func (h *Handlers) setStatus(ctx context.Context, ref payoutRef, from, to string) (*common.Content, error) {
	p, err := h.Store.Payout(ctx, ref.PayoutID)
	if err != nil {
		return nil, err
	}
	if p.Status != from {
		return nil, fmt.Errorf("payout %s is %s, expected %s", p.ID, p.Status, from)
	}
	p.Status = to
	p.StatusReason = ref.Reason
	if err := h.Store.SavePayout(ctx, p); err != nil {
		return nil, err
	}
	return jsonContent(p)
}

// GenerateStatement renders a seller's monthly statement and stores it in the statements bucket.
func (h *Handlers) GenerateStatement(ctx context.Context, in *common.InvocationEvent) (*common.Content, error) {
	if err := h.requireCaller(ctx, h.Cfg.BackofficeAppID, "seller-portal"); err != nil {
		return nil, err
	}
	var req struct {
		SellerID string `json:"seller_id"`
		Month    string `json:"month"` // YYYY-MM
	}
	if err := json.Unmarshal(in.Data, &req); err != nil || req.SellerID == "" {
		return nil, errors.New("seller_id and month are required")
	}
	if _, err := time.Parse("2006-01", req.Month); err != nil {
		return nil, fmt.Errorf("month: %w", err)
	}
	b, _, err := h.Store.Balance(ctx, req.SellerID)
	if err != nil {
		return nil, err
	}

	// Rendered into a scratch file first: the bucket upload needs the final size.
	dir, err := os.MkdirTemp("", "statement-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	name := fmt.Sprintf("%s-%s.csv", req.SellerID, req.Month)
	scratch := filepath.Join(dir, name)
	if err := writeStatement(scratch, b.SellerID, req.Month, b.Cents, b.Currency); err != nil {
		return nil, err
	}
	body, err := os.ReadFile(scratch)
	if err != nil {
		return nil, err
	}
	if err := h.Bindings.InvokeOutputBinding(ctx, &dapr.InvokeBindingRequest{
		Name:      "statements-bucket",
		Operation: "create",
		Data:      body,
		Metadata:  map[string]string{"key": "statements/" + name, "contentLength": fmt.Sprint(len(body))},
	}); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(h.Cfg.StatementArchive, 0o750); err != nil {
		return nil, fmt.Errorf("statement archive: %w", err)
	}
	if err := os.WriteFile(filepath.Join(h.Cfg.StatementArchive, name), body, 0o640); err != nil {
		return nil, fmt.Errorf("statement archive: %w", err)
	}
	return jsonContent(map[string]string{"statement": "statements/" + name})
}

func writeStatement(path, sellerID, month string, cents int64, currency string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	// csv.Writer keeps the first write error; w.Error() after Flush reports it.
	_ = w.Write([]string{"seller", "month", "balance_cents", "currency"})
	_ = w.Write([]string{sellerID, month, fmt.Sprint(cents), currency})
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
