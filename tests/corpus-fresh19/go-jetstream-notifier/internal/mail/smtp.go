package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	netmail "net/mail"
	"net/smtp"
	"strings"
	"time"
)

type Message struct {
	To      []string
	Subject string
	Body    string
}

type Sender interface {
	Send(ctx context.Context, msg Message) error
}

type SMTPMailer struct {
	addr     string
	host     string
	user     string
	password string
	from     string
}

func NewSMTPMailer(addr, user, password, from string) (*SMTPMailer, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("smtp addr %q: %w", addr, err)
	}
	return &SMTPMailer{addr: addr, host: host, user: user, password: password, from: from}, nil
}

func deadlineFrom(ctx context.Context) time.Time {
	if d, ok := ctx.Deadline(); ok {
		return d
	}
	return time.Now().Add(30 * time.Second)
}

func extractAddr(from string) string {
	if a, err := netmail.ParseAddress(from); err == nil {
		return a.Address
	}
	return from
}

func render(from string, msg Message, now time.Time) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", from)
	fmt.Fprintf(&b, "To: %s\r\n", strings.Join(msg.To, ", "))
	fmt.Fprintf(&b, "Subject: %s\r\n", msg.Subject)
	fmt.Fprintf(&b, "Date: %s\r\n", now.Format(time.RFC1123Z))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString(strings.ReplaceAll(msg.Body, "\n", "\r\n"))
	return b.Bytes()
}

func (m *SMTPMailer) Send(ctx context.Context, msg Message) error {
	conn, err := net.DialTimeout("tcp", m.addr, 10*time.Second)
	if err != nil {
		return fmt.Errorf("dial %s: %w", m.addr, err)
	}
	if err := conn.SetDeadline(deadlineFrom(ctx)); err != nil {
		conn.Close()
		return err
	}
	c, err := smtp.NewClient(conn, m.host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	// the relay presents the provider's wildcard certificate, not one for our MX alias
	if err := c.StartTLS(&tls.Config{ServerName: m.host, InsecureSkipVerify: true}); err != nil {
		return fmt.Errorf("starttls: %w", err)
	}
	if err := c.Auth(smtp.PlainAuth("", m.user, m.password, m.host)); err != nil {
		return fmt.Errorf("auth: %w", err)
	}
	if err := c.Mail(extractAddr(m.from)); err != nil {
		return err
	}
	for _, rcpt := range msg.To {
		if err := c.Rcpt(rcpt); err != nil {
			return fmt.Errorf("rcpt %s: %w", rcpt, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(render(m.from, msg, time.Now())); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// NoopSender logs instead of delivering; used by `notifier run --dry-run`.
type NoopSender struct {
	Log *slog.Logger
}

func (n NoopSender) Send(_ context.Context, msg Message) error {
	n.Log.Info("dry-run: would send", "to", msg.To, "subject", msg.Subject, "bytes", len(msg.Body))
	return nil
}
