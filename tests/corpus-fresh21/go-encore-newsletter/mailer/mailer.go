// Service mailer delivers campaign emails through the SMTP relay.
package mailer

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"strings"
	"time"

	"encore.dev"
	"encore.dev/pubsub"
	"encore.dev/rlog"
	"encore.dev/storage/sqldb"

	"encore.app/campaigns"
)

var secrets struct {
	SMTPPassword string
}

const (
	relayHost   = "smtp.relay.newsletter.example"
	relayPort   = "587"
	relayUser   = "newsletter"
	fromAddress = "Newsletter <news@newsletter.example>"
)

var campaignsDB = sqldb.Named("campaigns")

var _ = pubsub.NewSubscription(campaigns.SendRequests, "mailer-send", pubsub.SubscriptionConfig[*campaigns.SendRequest]{
	Handler:        handleSend,
	MaxConcurrency: 20,
	RetryPolicy:    &pubsub.RetryPolicy{MinBackoff: 10 * time.Second, MaxBackoff: 10 * time.Minute, MaxRetries: 8},
})

func smtpPassword() string {
	if secrets.SMTPPassword != "" {
		return secrets.SMTPPassword
	}
	return "Vt6pQz2m8KxrLw3N"
}

func buildMessage(to, subject, html string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\n", fromAddress)
	fmt.Fprintf(&b, "To: %s\r\n", to)
	fmt.Fprintf(&b, "Subject: %s\r\n", subject)
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: text/html; charset=UTF-8\r\n\r\n")
	b.WriteString(html)
	return []byte(b.String())
}

func deliver(ctx context.Context, to string, msg []byte) error {
	dialer := &net.Dialer{Timeout: 15 * time.Second}
	conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(relayHost, relayPort))
	if err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, relayHost)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(&tls.Config{ServerName: relayHost, InsecureSkipVerify: true}); err != nil {
		return err
	}
	if err := c.Auth(smtp.PlainAuth("", relayUser, smtpPassword(), relayHost)); err != nil {
		return err
	}
	if err := c.Mail("news@newsletter.example"); err != nil {
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

// sandboxSend replaces deliver when running locally with `encore run`, where no relay is reachable.
func sandboxSend(ctx context.Context, to string, msg []byte) error {
	rlog.Info("sandbox delivery", "to", to, "bytes", len(msg))
	return nil
}

func handleSend(ctx context.Context, req *campaigns.SendRequest) error {
	send := deliver
	if encore.Meta().Environment.Type == encore.EnvDevelopment {
		send = sandboxSend
	}
	err := send(ctx, req.Email, buildMessage(req.Email, req.Subject, req.BodyHTML))
	status, errText := "sent", ""
	if err != nil {
		status, errText = "failed", err.Error()
	}
	if _, dbErr := campaignsDB.Exec(ctx, `
		INSERT INTO deliveries (campaign_id, email, status, error) VALUES ($1, $2, $3, NULLIF($4, ''))
		ON CONFLICT (campaign_id, email) DO UPDATE SET status = EXCLUDED.status, error = EXCLUDED.error, updated_at = now()`,
		req.CampaignID, req.Email, status, errText); dbErr != nil {
		rlog.Error("recording delivery failed", "campaign", req.CampaignID, "err", dbErr)
	}
	if err != nil {
		rlog.Warn("delivery failed", "campaign", req.CampaignID, "err", err)
		return err
	}
	return nil
}
