package handler

import (
	"context"
	stderrors "errors"

	"go-micro.dev/v4/errors"
	"go-micro.dev/v4/logger"

	pb "github.com/ledgerline/billing/proto/billing"
	"github.com/ledgerline/billing/store"
)

type Admin struct {
	Store InvoiceStore
}

func actor(ctx context.Context) string {
	if c := ClaimsFrom(ctx); c != nil && c.Subject != "" {
		return c.Subject
	}
	return "service"
}

func (a *Admin) AdjustBalance(ctx context.Context, req *pb.AdjustBalanceRequest, rsp *pb.AdjustBalanceResponse) error {
	if err := requireRole(ctx, "billing.AdjustBalance", "billing:admin"); err != nil {
		return err
	}
	if req.Reason == "" {
		return errors.BadRequest("billing.AdjustBalance", "reason is required")
	}
	balance, err := a.Store.AdjustBalance(ctx, req.CustomerId, req.Delta)
	if stderrors.Is(err, store.ErrNotFound) {
		return errors.NotFound("billing.AdjustBalance", "customer %s not found", req.CustomerId)
	}
	if err != nil {
		return errors.InternalServerError("billing.AdjustBalance", "adjust failed: %v", err)
	}
	if err := a.Store.AppendLedger(ctx, store.LedgerEntry{
		CustomerID: req.CustomerId, Kind: "adjustment", Amount: req.Delta, Actor: actor(ctx), Note: req.Reason,
	}); err != nil {
		logger.Errorf("billing.AdjustBalance: ledger write failed for %s: %v", req.CustomerId, err)
		return errors.InternalServerError("billing.AdjustBalance", "balance changed but ledger write failed")
	}
	rsp.Balance = balance
	return nil
}

func (a *Admin) WriteOff(ctx context.Context, req *pb.WriteOffRequest, rsp *pb.WriteOffResponse) error {
	if req.Reason == "" {
		return errors.BadRequest("billing.WriteOff", "reason is required")
	}
	inv, err := a.Store.Invoice(ctx, req.InvoiceId)
	if err != nil {
		return errors.NotFound("billing.WriteOff", "invoice %s not found", req.InvoiceId)
	}
	if err := a.Store.SetStatus(ctx, inv.ID, "written_off"); err != nil {
		return errors.InternalServerError("billing.WriteOff", "could not update invoice")
	}
	if err := a.Store.AppendLedger(ctx, store.LedgerEntry{
		CustomerID: inv.CustomerID, InvoiceID: inv.ID, Kind: "write_off", Amount: -inv.AmountDue, Actor: actor(ctx), Note: req.Reason,
	}); err != nil {
		return errors.InternalServerError("billing.WriteOff", "ledger write failed: %v", err)
	}
	rsp.Status = "written_off"
	return nil
}
