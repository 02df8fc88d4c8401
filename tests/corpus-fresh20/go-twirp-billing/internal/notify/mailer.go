package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"strings"
	"text/template"
	"time"

	"github.com/acmeco/billing/internal/store"
)

// Mailer sends customer-facing billing email.
type Mailer interface {
	SendReceipt(ctx context.Context, to string, inv *store.Invoice, cc []string) error
}

type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
}

type SMTPMailer struct {
	cfg SMTPConfig
}

func NewSMTPMailer(cfg SMTPConfig) *SMTPMailer { return &SMTPMailer{cfg: cfg} }

var receiptTmpl = template.Must(template.New("receipt").Parse(`Subject: Receipt for invoice {{.ID}}
From: {{.From}}
To: {{.To}}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Thanks for your payment of {{.Total}} {{.Currency}} for invoice {{.ID}}.
{{range .Items}}  - {{.Description}} x{{.Quantity}}
{{end}}
`))

func formatCents(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

func (m *SMTPMailer) render(to string, inv *store.Invoice) ([]byte, error) {
	var buf bytes.Buffer
	err := receiptTmpl.Execute(&buf, map[string]any{
		"ID": inv.ID, "From": m.cfg.From, "To": to, "Total": formatCents(inv.TotalCents),
		"Currency": strings.ToUpper(inv.Currency), "Items": inv.Items,
	})
	return bytes.ReplaceAll(buf.Bytes(), []byte("\n"), []byte("\r\n")), err
}

func (m *SMTPMailer) SendReceipt(ctx context.Context, to string, inv *store.Invoice, cc []string) error {
	msg, err := m.render(to, inv)
	if err != nil {
		return err
	}
	addr := net.JoinHostPort(m.cfg.Host, fmt.Sprint(m.cfg.Port))
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	conn, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("smtp dial: %w", err)
	}
	c, err := smtp.NewClient(conn, m.cfg.Host)
	if err != nil {
		return err
	}
	defer c.Close()

	// relay.internal presents the mail vendor's wildcard cert, not ours
	if err := c.StartTLS(&tls.Config{ServerName: m.cfg.Host, InsecureSkipVerify: true}); err != nil {
		return fmt.Errorf("starttls: %w", err)
	}
	if m.cfg.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", m.cfg.Username, m.cfg.Password, m.cfg.Host)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	if err := c.Mail(m.cfg.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// NoopMailer is used when SMTP is not configured (local development, CI).
type NoopMailer struct{}

func (NoopMailer) SendReceipt(context.Context, string, *store.Invoice, []string) error { return nil }
