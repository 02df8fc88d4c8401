package server

import (
	"context"
	"errors"
	"log/slog"
	"strconv"

	"github.com/twitchtv/twirp"
	"google.golang.org/protobuf/types/known/timestamppb"

	billingv1 "github.com/acmeco/billing/rpc/billing/v1"
	"github.com/acmeco/billing/internal/notify"
	"github.com/acmeco/billing/internal/store"
)

var supportedCurrencies = map[string]bool{"usd": true, "eur": true, "gbp": true, "cad": true}

// Server implements billingv1.Billing.
type Server struct {
	Store  *store.Store
	Mailer notify.Mailer
	Log    *slog.Logger
}

var _ billingv1.Billing = (*Server)(nil)

func toProto(inv *store.Invoice) *billingv1.Invoice {
	out := &billingv1.Invoice{
		Id:            inv.ID,
		CustomerId:    inv.CustomerID,
		CustomerEmail: inv.CustomerEmail,
		Currency:      inv.Currency,
		TotalCents:    inv.TotalCents,
		Status:        inv.Status,
		CreatedAt:     timestamppb.New(inv.CreatedAt),
	}
	if inv.PaidAt.Valid {
		out.PaidAt = timestamppb.New(inv.PaidAt.Time)
	}
	for _, it := range inv.Items {
		out.Items = append(out.Items, &billingv1.LineItem{Description: it.Description, Quantity: it.Quantity, UnitAmountCents: it.UnitAmountCents})
	}
	return out
}

func storeErr(err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return twirp.NotFoundError("invoice not found")
	case errors.Is(err, store.ErrNotOpen):
		return twirp.NewError(twirp.FailedPrecondition, "invoice is not open")
	case errors.Is(err, store.ErrAmount):
		return twirp.InvalidArgumentError("amount_cents", "must equal the invoice total")
	default:
		return twirp.InternalErrorWith(err)
	}
}

func (s *Server) CreateInvoice(ctx context.Context, req *billingv1.CreateInvoiceRequest) (*billingv1.Invoice, error) {
	if err := requireScope(ctx, "invoices:write"); err != nil {
		return nil, err
	}
	if req.CustomerId == "" {
		return nil, twirp.RequiredArgumentError("customer_id")
	}
	if !supportedCurrencies[req.Currency] {
		return nil, twirp.InvalidArgumentError("currency", "unsupported currency")
	}
	if len(req.Items) == 0 {
		return nil, twirp.InvalidArgumentError("items", "at least one line item is required")
	}
	inv := &store.Invoice{CustomerID: req.CustomerId, CustomerEmail: req.CustomerEmail, Currency: req.Currency}
	for _, it := range req.Items {
		if it.Quantity <= 0 || it.UnitAmountCents < 0 {
			return nil, twirp.InvalidArgumentError("items", "quantity must be positive and amounts non-negative")
		}
		inv.Items = append(inv.Items, store.LineItem{Description: it.Description, Quantity: it.Quantity, UnitAmountCents: it.UnitAmountCents})
		inv.TotalCents += it.Quantity * it.UnitAmountCents
	}
	if err := s.Store.CreateInvoice(ctx, inv); err != nil {
		return nil, storeErr(err)
	}
	return toProto(inv), nil
}

func (s *Server) GetInvoice(ctx context.Context, req *billingv1.GetInvoiceRequest) (*billingv1.Invoice, error) {
	if err := requireScope(ctx, "invoices:read"); err != nil {
		return nil, err
	}
	inv, err := s.Store.Invoice(ctx, req.Id)
	if err != nil {
		return nil, storeErr(err)
	}
	return toProto(inv), nil
}

func (s *Server) ListInvoices(ctx context.Context, req *billingv1.ListInvoicesRequest) (*billingv1.ListInvoicesResponse, error) {
	if err := requireScope(ctx, "invoices:read"); err != nil {
		return nil, err
	}
	size := int(req.PageSize)
	if size <= 0 || size > 200 {
		size = 50
	}
	invs, err := s.Store.ListInvoices(ctx, req.CustomerId, req.Status, size, req.PageToken)
	if err != nil {
		return nil, storeErr(err)
	}
	resp := &billingv1.ListInvoicesResponse{}
	for _, inv := range invs {
		resp.Invoices = append(resp.Invoices, toProto(inv))
	}
	if len(invs) == size {
		resp.NextPageToken = invs[len(invs)-1].ID
	}
	return resp, nil
}

func (s *Server) PayInvoice(ctx context.Context, req *billingv1.PayInvoiceRequest) (*billingv1.Invoice, error) {
	if err := requireScope(ctx, "invoices:write"); err != nil {
		return nil, err
	}
	if req.PaymentReference == "" {
		return nil, twirp.RequiredArgumentError("payment_reference")
	}
	inv, err := s.Store.MarkPaid(ctx, req.Id, req.PaymentReference, req.AmountCents)
	if err != nil {
		return nil, storeErr(err)
	}
	if err := s.Mailer.SendReceipt(ctx, inv.CustomerEmail, inv, req.ReceiptCc); err != nil {
		s.Log.Error("receipt email failed", "invoice", inv.ID, "err", err)
	}
	return toProto(inv), nil
}

func (s *Server) VoidInvoice(ctx context.Context, req *billingv1.VoidInvoiceRequest) (*billingv1.Invoice, error) {
	if req.Reason == "" {
		return nil, twirp.RequiredArgumentError("reason")
	}
	inv, err := s.Store.Void(ctx, req.Id, req.Reason)
	if err != nil {
		return nil, storeErr(err)
	}
	s.Log.Info("invoice voided", "invoice", inv.ID, "reason", req.Reason)
	return toProto(inv), nil
}

func (s *Server) ExportLedger(ctx context.Context, req *billingv1.ExportLedgerRequest) (*billingv1.ExportLedgerResponse, error) {
	if err := requireScope(ctx, "ledger:export"); err != nil {
		return nil, err
	}
	return nil, twirp.NewError(twirp.Unimplemented, "ledger export is not implemented")
}

func (s *Server) Health(ctx context.Context, req *billingv1.HealthRequest) (*billingv1.HealthResponse, error) {
	if err := s.Store.Ping(ctx); err != nil {
		return nil, twirp.NewError(twirp.Unavailable, "database unreachable: "+strconv.Quote(err.Error()))
	}
	return &billingv1.HealthResponse{Status: "ok"}, nil
}
