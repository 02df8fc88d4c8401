package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	billingv1 "github.com/acmeco/billing/rpc/billing/v1"
)

type command func(ctx context.Context, c billingv1.Billing, args []string, out io.Writer) error

var commands = map[string]command{
	"get":    cmdGet,
	"list":   cmdList,
	"pay":    cmdPay,
	"void":   cmdVoid,
	"export": cmdExport,
}

func printJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func cmdGet(ctx context.Context, c billingv1.Billing, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("get", flag.ContinueOnError)
	id := fs.String("id", "", "invoice id")
	if err := fs.Parse(args); err != nil {
		return err
	}
	inv, err := c.GetInvoice(ctx, &billingv1.GetInvoiceRequest{Id: *id})
	if err != nil {
		return err
	}
	return printJSON(out, inv)
}

func cmdList(ctx context.Context, c billingv1.Billing, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	customer := fs.String("customer", "", "filter by customer id")
	status := fs.String("status", "", "open|paid|void")
	size := fs.Int("n", 50, "page size")
	if err := fs.Parse(args); err != nil {
		return err
	}
	resp, err := c.ListInvoices(ctx, &billingv1.ListInvoicesRequest{CustomerId: *customer, Status: *status, PageSize: int32(*size)})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCUSTOMER\tTOTAL\tSTATUS")
	for _, inv := range resp.Invoices {
		fmt.Fprintf(tw, "%s\t%s\t%d.%02d %s\t%s\n", inv.Id, inv.CustomerId, inv.TotalCents/100, inv.TotalCents%100, strings.ToUpper(inv.Currency), inv.Status)
	}
	return tw.Flush()
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func cmdPay(ctx context.Context, c billingv1.Billing, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("pay", flag.ContinueOnError)
	id := fs.String("id", "", "invoice id")
	ref := fs.String("ref", "", "payment reference (bank transfer id)")
	amount := fs.Int64("amount", 0, "amount in cents")
	var cc stringList
	fs.Var(&cc, "cc", "extra receipt recipient (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	inv, err := c.PayInvoice(ctx, &billingv1.PayInvoiceRequest{Id: *id, PaymentReference: *ref, AmountCents: *amount, ReceiptCc: cc})
	if err != nil {
		return err
	}
	return printJSON(out, inv)
}

func cmdVoid(ctx context.Context, c billingv1.Billing, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("void", flag.ContinueOnError)
	id := fs.String("id", "", "invoice id")
	reason := fs.String("reason", "", "why the invoice is voided")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *reason == "" {
		return errors.New("void: -reason is required")
	}
	inv, err := c.VoidInvoice(ctx, &billingv1.VoidInvoiceRequest{Id: *id, Reason: *reason})
	if err != nil {
		return err
	}
	return printJSON(out, inv)
}

func cmdExport(ctx context.Context, c billingv1.Billing, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	days := fs.Int("days", 30, "export the last N days")
	format := fs.String("format", "csv", "csv|parquet")
	if err := fs.Parse(args); err != nil {
		return err
	}
	to := time.Now()
	resp, err := c.ExportLedger(ctx, &billingv1.ExportLedgerRequest{
		From:   timestamppb.New(to.AddDate(0, 0, -*days)),
		To:     timestamppb.New(to),
		Format: *format,
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(out, resp.DownloadUrl)
	return err
}
