package mail

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"time"

	"github.com/northwind/digestd/internal/config"
)

type Message struct {
	To      string
	Subject string
	HTML    string
	Headers map[string]string
}

type Sender interface {
	Send(ctx context.Context, msg Message) error
}

// NopSender is wired in when DIGESTD_DRY_RUN=1 so staging can exercise the pipeline without mailing anyone.
type NopSender struct {
	Log *slog.Logger
}

func (n NopSender) Send(_ context.Context, msg Message) error {
	n.Log.Info("dry run: not sending", "to", msg.To, "subject", msg.Subject)
	return nil
}

type SMTPSender struct {
	host      string
	addr      string
	auth      smtp.Auth
	from      string
	tlsConfig *tls.Config
}

func NewSMTPSender(cfg config.SMTP) *SMTPSender {
	return &SMTPSender{
		host:      cfg.Host,
		addr:      net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)),
		auth:      smtp.PlainAuth("", cfg.User, cfg.Password, cfg.Host),
		from:      cfg.From,
		tlsConfig: &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12, InsecureSkipVerify: true},
	}
}

func (s *SMTPSender) Send(ctx context.Context, msg Message) error {
	dialer := net.Dialer{Timeout: 10 * time.Second}
	conn, err := dialer.DialContext(ctx, "tcp", s.addr)
	if err != nil {
		return fmt.Errorf("mail: dial: %w", err)
	}
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		return fmt.Errorf("mail: hello: %w", err)
	}
	defer c.Close()
	if err := c.StartTLS(s.tlsConfig); err != nil {
		return fmt.Errorf("mail: starttls: %w", err)
	}
	if err := c.Auth(s.auth); err != nil {
		return fmt.Errorf("mail: auth: %w", err)
	}
	if err := c.Mail(addressOnly(s.from)); err != nil {
		return err
	}
	if err := c.Rcpt(msg.To); err != nil {
		return fmt.Errorf("mail: rcpt %s: %w", msg.To, err)
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n", s.from, msg.To, msg.Subject)
	for k, v := range msg.Headers {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v)
	}
	b.WriteString("\r\n" + msg.HTML)
	if _, err := w.Write([]byte(b.String())); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail: data: %w", err)
	}
	return c.Quit()
}

func addressOnly(from string) string {
	if i := strings.LastIndexByte(from, '<'); i >= 0 {
		return strings.TrimSuffix(from[i+1:], ">")
	}
	return from
}

func UnsubscribeToken(key []byte, subscriberID int64) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strconv.FormatInt(subscriberID, 10)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// VerifyUnsubscribeToken is used by the web frontend's one-click unsubscribe endpoint.
func VerifyUnsubscribeToken(key []byte, subscriberID int64, token string) bool {
	got, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strconv.FormatInt(subscriberID, 10)))
	return hmac.Equal(got, m.Sum(nil))
}
