package handler

import (
	"context"
	stderrors "errors"
	"time"

	"go-micro.dev/v4"
	"go-micro.dev/v4/errors"
	"go-micro.dev/v4/logger"

	"github.com/ledgerline/billing/payments"
	pb "github.com/ledgerline/billing/proto/billing"
	"github.com/ledgerline/billing/store"
)

type InvoiceStore interface {
	Invoice(ctx context.Context, id string) (*store.Invoice, error)
	MarkPaid(ctx context.Context, invoiceID string, paidAt time.Time) error
	SetStatus(ctx context.Context, invoiceID, status string) error
	AppendLedger(ctx context.Context, e store.LedgerEntry) error
	AdjustBalance(ctx context.Context, customerID string, delta int64) (int64, error)
	Ping(ctx context.Context) error
}

type PaymentProvider interface {
	Charge(ctx context.Context, p payments.ChargeParams) (*payments.Charge, error)
}

type Billing struct {
	Store    InvoiceStore
	Payments PaymentProvider
	Events   micro.Event
}

func (h *Billing) ownsInvoice(ctx context.Context, inv *store.Invoice) bool {
	c := ClaimsFrom(ctx)
	return c != nil && (c.Service || c.Subject == inv.CustomerID)
}

func (h *Billing) loadInvoice(ctx context.Context, endpoint, id string) (*store.Invoice, error) {
	inv, err := h.Store.Invoice(ctx, id)
	if stderrors.Is(err, store.ErrNotFound) {
		return nil, errors.NotFound(endpoint, "invoice %s not found", id)
	}
	if err != nil {
		logger.Errorf("%s: load invoice %s: %v", endpoint, id, err)
		return nil, errors.InternalServerError(endpoint, "could not load invoice")
	}
	if !h.ownsInvoice(ctx, inv) {
		return nil, errors.NotFound(endpoint, "invoice %s not found", id)
	}
	return inv, nil
}

func (h *Billing) Charge(ctx context.Context, req *pb.ChargeRequest, rsp *pb.ChargeResponse) error {
	inv, err := h.loadInvoice(ctx, "billing.Charge", req.InvoiceId)
	if err != nil {
		return err
	}
	if inv.Status == "paid" {
		return errors.Conflict("billing.Charge", "invoice %s is already paid", inv.ID)
	}

	ch, err := h.Payments.Charge(ctx, payments.ChargeParams{
		CustomerRef: inv.CustomerRef,
		Amount:      inv.AmountDue,
		Currency:    inv.Currency,
		Description: "Invoice " + inv.ID,
	})
	if err != nil {
		logger.Errorf("billing.Charge: provider refused invoice %s: %v", inv.ID, err)
		return errors.New("billing.Charge", "payment failed", 402)
	}

	if err := h.Store.MarkPaid(ctx, inv.ID, time.Now()); err != nil {
		logger.Errorf("billing.Charge: charged %s but could not mark invoice %s paid: %v", ch.ID, inv.ID, err)
		return errors.InternalServerError("billing.Charge", "payment recorded with errors")
	}
	_ = h.Store.AppendLedger(ctx, store.LedgerEntry{
		CustomerID: inv.CustomerID, InvoiceID: inv.ID, Kind: "charge", Amount: inv.AmountDue, Actor: "customer",
	})
	h.Events.Publish(ctx, &pb.InvoicePaid{InvoiceId: inv.ID, PaymentId: ch.ID, Amount: inv.AmountDue})

	rsp.PaymentId = ch.ID
	rsp.Status = ch.Status
	return nil
}

func (h *Billing) GetInvoice(ctx context.Context, req *pb.GetInvoiceRequest, rsp *pb.GetInvoiceResponse) error {
	inv, err := h.loadInvoice(ctx, "billing.GetInvoice", req.Id)
	if err != nil {
		return err
	}
	rsp.Invoice = &pb.Invoice{
		Id:          inv.ID,
		CustomerId:  inv.CustomerID,
		AmountDue:   inv.AmountDue,
		Currency:    inv.Currency,
		Status:      inv.Status,
		DueDateUnix: inv.DueDate.Unix(),
	}
	if inv.PaidAt != nil {
		rsp.Invoice.PaidAtUnix = inv.PaidAt.Unix()
	}
	return nil
}

func (h *Billing) RetryPayment(ctx context.Context, req *pb.RetryPaymentRequest, rsp *pb.RetryPaymentResponse) error {
	inv, err := h.Store.Invoice(ctx, req.InvoiceId)
	if err != nil {
		return errors.NotFound("billing.RetryPayment", "invoice %s not found", req.InvoiceId)
	}
	if inv.Status != "past_due" {
		return errors.BadRequest("billing.RetryPayment", "invoice %s is %s", inv.ID, inv.Status)
	}
	ch, err := h.Payments.Charge(ctx, payments.ChargeParams{
		CustomerRef:    inv.CustomerRef,
		Amount:         inv.AmountDue,
		Currency:       inv.Currency,
		IdempotencyKey: "retry-" + inv.ID + "-" + time.Now().UTC().Format("2006-01-02"),
	})
	if err != nil {
		return errors.New("billing.RetryPayment", "payment failed", 402)
	}
	if err := h.Store.MarkPaid(ctx, inv.ID, time.Now()); err != nil {
		return errors.InternalServerError("billing.RetryPayment", "payment recorded with errors")
	}
	rsp.PaymentId, rsp.Status = ch.ID, ch.Status
	return nil
}

func (h *Billing) IssueCreditNote(ctx context.Context, req *pb.CreditNoteRequest, rsp *pb.CreditNoteResponse) error {
	if err := requireRole(ctx, "billing.IssueCreditNote", "billing:admin"); err != nil {
		return err
	}
	return errors.New("billing.IssueCreditNote", "not implemented", 501)
}

// Health satisfies the generated interface; the request carries no fields.
func (h *Billing) Health(ctx context.Context, _ *pb.HealthRequest, rsp *pb.HealthResponse) error {
	if err := h.Store.Ping(ctx); err != nil {
		rsp.Status = "degraded"
	} else {
		rsp.Status = "ok"
	}
	return nil
}
