package handlers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dapr/go-sdk/service/common"

	"github.com/stallwise/payouts/internal/bank"
	"github.com/stallwise/payouts/internal/state"
)

type orderCompleted struct {
	OrderID     string `json:"order_id"`
	SellerID    string `json:"seller_id"`
	NetCents    int64  `json:"net_cents"`
	Currency    string `json:"currency"`
	CompletedAt string `json:"completed_at"`
}

// OnOrderCompleted credits the seller. Returning an error makes Dapr redeliver the event.
func (h *Handlers) OnOrderCompleted(ctx context.Context, e *common.TopicEvent) (retry bool, err error) {
	var o orderCompleted
	if err := e.Struct(&o); err != nil {
		// A payload that does not parse will never parse; send it to the dead-letter topic.
		return false, fmt.Errorf("order event %s: %w", e.ID, err)
	}
	if o.SellerID == "" || o.NetCents <= 0 {
		h.Log.Info("ignoring order without a payable amount", "order", o.OrderID)
		return false, nil
	}
	if err := h.Store.CreditSeller(ctx, o.SellerID, o.NetCents, o.Currency); err != nil {
		h.Log.Debug("credit not applied", "order", o.OrderID)
		return false, nil
	}
	return false, nil
}

// RunPayouts is triggered by the daily cron input binding, which carries no payload.
func (h *Handlers) RunPayouts(ctx context.Context, _ *common.BindingEvent) ([]byte, error) {
	sellers, err := h.Store.Sellers(ctx)
	if err != nil {
		return nil, err
	}
	submitted, pending := 0, 0
	for _, sellerID := range sellers {
		b, _, err := h.Store.Balance(ctx, sellerID)
		if err != nil {
			return nil, fmt.Errorf("balance %s: %w", sellerID, err)
		}
		if b.Cents < h.Cfg.MinPayoutCents {
			continue
		}
		p := &state.Payout{
			ID:        fmt.Sprintf("po_%s_%s", time.Now().UTC().Format("20060102"), sellerID),
			SellerID:  sellerID,
			Cents:     b.Cents,
			Currency:  b.Currency,
			Status:    "pending_approval",
			CreatedAt: time.Now().UTC(),
		}
		// Recorded before the debit, so money that leaves the balance always has a payout.
		if err := h.Store.SavePayout(ctx, p); err != nil {
			return nil, err
		}
		if err := h.Store.Debit(ctx, sellerID, b.Cents); err != nil {
			return nil, err
		}
		if p.Cents > h.Cfg.ApprovalLimit {
			pending++
			continue
		}
		if err := h.submit(ctx, p); err != nil {
			h.Log.Error("transfer rejected", "payout", p.ID, "err", err)
			p.Status = "failed"
			p.StatusReason = err.Error()
		} else {
			submitted++
		}
		if err := h.Store.SavePayout(ctx, p); err != nil {
			return nil, err
		}
	}
	h.Log.Info("payout run finished", "submitted", submitted, "pending_approval", pending)
	return []byte(fmt.Sprintf(`{"submitted":%d,"pending_approval":%d}`, submitted, pending)), nil
}

func (h *Handlers) submit(ctx context.Context, p *state.Payout) error {
	t, err := h.Bank.CreateTransfer(ctx, bank.TransferRequest{
		PayoutID:    p.ID,
		SellerID:    p.SellerID,
		AmountCents: p.Cents,
		Currency:    p.Currency,
	})
	if err != nil {
		return err
	}
	p.Status = "submitted"
	p.TransferRef = t.Ref
	h.publish(ctx, "payouts.submitted", p)
	return nil
}

// Reconcile is bound to the bank's nightly settlement file (bank-reconcile input binding).
func (h *Handlers) Reconcile(ctx context.Context, in *common.BindingEvent) ([]byte, error) {
	h.Log.Info("settlement file received", "bytes", len(in.Data))
	return nil, errors.New("settlement reconciliation is not implemented")
}
