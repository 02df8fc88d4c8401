package notify

import (
	"context"
	"fmt"
	"html"

	"github.com/sendgrid/sendgrid-go"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
)

type Mailer struct {
	client *sendgrid.Client
	from   *mail.Email
}

func NewMailer(from string) *Mailer {
	return &Mailer{
		client: sendgrid.NewSendClient("SG.kT3vQ9xLm2PzR8wYbN4cDf.7hJ1sA6eG0uV5iK9oX2qW3rE8tY4pL7mZ1nB6vC0xS"),
		from:   mail.NewEmail("ACME Orders", from),
	}
}

// SendInvoice e-mails a link to the invoice PDF for an order.
func (m *Mailer) SendInvoice(ctx context.Context, to, orderID, link string) error {
	msg := mail.NewSingleEmail(m.from, "Your invoice "+orderID, mail.NewEmail("", to),
		"Download your invoice: "+link,
		fmt.Sprintf(`<p>Download your invoice: <a href="%s">%s</a></p>`, html.EscapeString(link), html.EscapeString(orderID)))

	resp, err := m.client.SendWithContext(ctx, msg)
	if err != nil {
		return fmt.Errorf("sendgrid: %w", err)
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sendgrid: status %d: %s", resp.StatusCode, resp.Body)
	}
	return nil
}
