package tools

import (
	"context"
	"log/slog"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/acme/billing-desk-mcp/internal/billing"
	"github.com/acme/billing-desk-mcp/internal/store"
)

// BillingAPI is the part of the internal billing service the tools use.
type BillingAPI interface {
	Customer(ctx context.Context, id string) (*billing.Customer, error)
	ListInvoices(ctx context.Context, customerID, status string, limit int) ([]billing.Invoice, error)
	Refund(ctx context.Context, invoiceID string, amountCents int64, reason, actor string) (string, error)
	SetAccountStatus(ctx context.Context, customerID, status, reason string) error
	ResendInvoice(ctx context.Context, invoiceID, email string) error
	Plans(ctx context.Context) ([]billing.Plan, error)
}

type Handlers struct {
	api         BillingAPI
	store       *store.Store
	refundLimit int64
	logger      *slog.Logger
}

func NewHandlers(api BillingAPI, st *store.Store, refundLimitCents int64, logger *slog.Logger) *Handlers {
	return &Handlers{api: api, store: st, refundLimit: refundLimitCents, logger: logger}
}

func NewServer(h *Handlers) *server.MCPServer {
	s := server.NewMCPServer("billing-desk", "1.2.0",
		server.WithToolCapabilities(false),
		server.WithResourceCapabilities(true, false),
		server.WithRecovery(),
		server.WithInstructions("Tools for the billing support desk. Refunds and account changes are audited."),
	)

	s.AddTool(mcp.NewTool("whoami",
		mcp.WithDescription("Show the authenticated caller and their billing roles"),
	), h.whoami)

	s.AddTool(mcp.NewTool("lookup_customer",
		mcp.WithDescription("Look up a customer account with its desk notes"),
		mcp.WithString("customer_id", mcp.Required(), mcp.Description("Customer id, e.g. cus_123")),
	), h.lookupCustomer)

	s.AddTool(mcp.NewTool("list_invoices",
		mcp.WithDescription("List a customer's invoices"),
		mcp.WithString("customer_id", mcp.Required()),
		mcp.WithString("status", mcp.Enum("open", "paid", "void", "uncollectible"), mcp.Description("Only invoices in this status")),
		mcp.WithNumber("limit", mcp.Min(1), mcp.Max(100), mcp.DefaultNumber(20)),
	), h.listInvoices)

	s.AddTool(mcp.NewTool("issue_refund",
		mcp.WithDescription("Refund part or all of an invoice"),
		mcp.WithString("invoice_id", mcp.Required()),
		mcp.WithNumber("amount_cents", mcp.Required(), mcp.Min(1)),
		mcp.WithString("reason", mcp.Required()),
		mcp.WithString("confirm", mcp.Required(), mcp.Description("Repeat the invoice id to confirm")),
	), h.issueRefund)

	s.AddTool(mcp.NewTool("suspend_account",
		mcp.WithDescription("Suspend a customer account (stops service and dunning)"),
		mcp.WithString("customer_id", mcp.Required()),
		mcp.WithString("reason", mcp.Required()),
	), h.suspendAccount)

	s.AddTool(mcp.NewTool("add_account_note",
		mcp.WithDescription("Add an internal note to a customer account"),
		mcp.WithString("customer_id", mcp.Required()),
		mcp.WithString("note", mcp.Required()),
	), h.addAccountNote)

	s.AddTool(mcp.NewTool("resend_invoice",
		mcp.WithDescription("Send an invoice again to the customer's billing email"),
		mcp.WithString("invoice_id", mcp.Required()),
		mcp.WithString("customer_id", mcp.Required()),
	), h.resendInvoice)

	s.AddTool(mcp.NewTool("export_ledger",
		mcp.WithDescription("Export the ledger of a customer as CSV"),
		mcp.WithString("customer_id", mcp.Required()),
		mcp.WithString("month", mcp.Required(), mcp.Pattern(`^\d{4}-\d{2}$`)),
	), h.exportLedger)

	s.AddResource(mcp.NewResource("billing://plans", "Price plans",
		mcp.WithResourceDescription("Public price list of all plans"),
		mcp.WithMIMEType("application/json"),
	), h.readPlans)

	s.AddResourceTemplate(mcp.NewResourceTemplate("billing://customers/{id}", "Customer account",
		mcp.WithTemplateDescription("A customer account with its desk notes"),
		mcp.WithTemplateMIMEType("application/json"),
	), h.readCustomer)

	return s
}
