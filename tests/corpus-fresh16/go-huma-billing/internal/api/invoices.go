package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"

	"github.com/danielgtaylor/huma/v2"

	"github.com/northwind-labs/billingd/internal/store"
)

// TaxQuoter returns the VAT/sales-tax rate for a destination.
type TaxQuoter interface {
	Rate(ctx context.Context, country, postalCode string) (float64, error)
}

type Handlers struct {
	Store  *store.Store
	Tax    TaxQuoter
	PDFDir string
	Logger *slog.Logger
}

type InvoiceIDInput struct {
	ID string `path:"id" pattern:"^inv_[a-zA-Z0-9]+$"`
}

type ListInvoicesInput struct {
	Status string `query:"status" enum:"open,paid,void,refunded" doc:"Only return invoices in this state"`
	Limit  int    `query:"limit" minimum:"1" maximum:"200" default:"50"`
}

type InvoiceOutput struct {
	Body store.Invoice
}

type InvoicesOutput struct {
	Body struct {
		Invoices []store.Invoice `json:"invoices"`
	}
}

type CreateInvoiceInput struct {
	Body struct {
		CustomerID  string `json:"customer_id" minLength:"1"`
		AmountCents int64  `json:"amount_cents" minimum:"1"`
		Currency    string `json:"currency" pattern:"^[A-Z]{3}$"`
		Country     string `json:"country" pattern:"^[A-Z]{2}$"`
		PostalCode  string `json:"postal_code"`
	}
}

func (h *Handlers) ListInvoices(ctx context.Context, in *ListInvoicesInput) (*InvoicesOutput, error) {
	invoices, err := h.Store.ListInvoices(ctx, customerIDFrom(ctx), in.Status, in.Limit)
	if err != nil {
		h.Logger.Error("list invoices", "err", err)
		return nil, huma.Error500InternalServerError("could not load invoices")
	}
	out := &InvoicesOutput{}
	out.Body.Invoices = invoices
	return out, nil
}

func (h *Handlers) GetInvoice(ctx context.Context, in *InvoiceIDInput) (*InvoiceOutput, error) {
	inv, err := h.Store.GetInvoice(ctx, in.ID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && inv.CustomerID != customerIDFrom(ctx)) {
		return nil, huma.Error404NotFound("invoice not found")
	}
	if err != nil {
		return nil, huma.Error500InternalServerError("could not load invoice", err)
	}
	return &InvoiceOutput{Body: inv}, nil
}

func (h *Handlers) CreateInvoice(ctx context.Context, in *CreateInvoiceInput) (*InvoiceOutput, error) {
	rate, err := h.Tax.Rate(ctx, in.Body.Country, in.Body.PostalCode)
	if err != nil {
		h.Logger.Warn("tax quote failed", "country", in.Body.Country, "err", err)
		return nil, huma.Error502BadGateway("tax provider unavailable")
	}

	inv, err := h.Store.CreateInvoice(ctx, store.NewInvoice{
		CustomerID:  in.Body.CustomerID,
		AmountCents: in.Body.AmountCents,
		TaxCents:    int64(math.Round(float64(in.Body.AmountCents) * rate)),
		Currency:    in.Body.Currency,
	})
	if err != nil {
		h.Logger.Error("create invoice", "customer", in.Body.CustomerID, "err", err)
		return nil, huma.Error500InternalServerError("could not create invoice")
	}

	if err := h.writeSummary(inv); err != nil {
		h.Logger.Error("write invoice summary", "invoice", inv.ID, "err", err)
		return nil, huma.Error500InternalServerError("invoice created but document generation failed")
	}
	return &InvoiceOutput{Body: inv}, nil
}

func (h *Handlers) writeSummary(inv store.Invoice) error {
	if err := os.MkdirAll(h.PDFDir, 0o750); err != nil {
		return err
	}
	body := fmt.Sprintf("Invoice %s\nCustomer %s\nNet %d\nTax %d\nCurrency %s\n",
		inv.ID, inv.CustomerID, inv.AmountCents, inv.TaxCents, inv.Currency)
	return os.WriteFile(filepath.Join(h.PDFDir, inv.ID+".txt"), []byte(body), 0o640)
}

func (h *Handlers) RefundInvoice(ctx context.Context, in *InvoiceIDInput) (*InvoiceOutput, error) {
	panic("refunds: not implemented")
}

func (h *Handlers) VoidInvoice(ctx context.Context, in *InvoiceIDInput) (*InvoiceOutput, error) {
	inv, err := h.Store.VoidInvoice(ctx, in.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, huma.Error409Conflict("invoice is not open")
	case err != nil:
		return nil, huma.Error500InternalServerError("could not void invoice", err)
	}
	return &InvoiceOutput{Body: inv}, nil
}

type CustomerIDInput struct {
	ID string `path:"id"`
}

func (h *Handlers) DeleteCustomer(ctx context.Context, in *CustomerIDInput) (*struct{}, error) {
	if err := h.Store.DeleteCustomer(ctx, in.ID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, huma.Error404NotFound("customer not found")
		}
		return nil, huma.Error500InternalServerError("could not delete customer", err)
	}
	h.Logger.Info("customer deleted", "customer", in.ID)
	return nil, nil
}
