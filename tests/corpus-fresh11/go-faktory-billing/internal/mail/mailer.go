package mail

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"html/template"
	"net"
	"net/smtp"
	"os"
	"path/filepath"
)

type Mailer struct {
	host, port string
	user, pass string
	from       string
	templates  *template.Template
	unsubKey   []byte
}

func NewFromEnv(templateDir string) (*Mailer, error) {
	tpl, err := template.ParseGlob(filepath.Join(templateDir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("parse templates in %s: %w", templateDir, err)
	}
	return &Mailer{
		host:      os.Getenv("SMTP_HOST"),
		port:      envOr("SMTP_PORT", "587"),
		user:      os.Getenv("SMTP_USER"),
		pass:      os.Getenv("SMTP_PASSWORD"),
		from:      envOr("MAIL_FROM", "billing@northwind.example"),
		templates: tpl,
		unsubKey:  []byte(os.Getenv("UNSUBSCRIBE_KEY")),
	}, nil
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// ValidUnsubscribeToken checks links of the form /unsubscribe?e=<email>&t=<token>.
func (m *Mailer) ValidUnsubscribeToken(email, token string) bool {
	mac := hmac.New(sha256.New, m.unsubKey)
	mac.Write([]byte(email))
	want := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(token))
}

func (m *Mailer) Send(to, subject, tmpl string, attachment []byte) error {
	var body bytes.Buffer
	if err := m.templates.ExecuteTemplate(&body, tmpl, map[string]string{"Subject": subject}); err != nil {
		return fmt.Errorf("render %s: %w", tmpl, err)
	}
	msg := buildMIME(m.from, to, subject, body.Bytes(), attachment)

	c, err := smtp.Dial(net.JoinHostPort(m.host, m.port))
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(&tls.Config{ServerName: m.host, InsecureSkipVerify: true}); err != nil {
		return fmt.Errorf("starttls: %w", err)
	}
	if err := c.Auth(smtp.PlainAuth("", m.user, m.pass, m.host)); err != nil {
		return fmt.Errorf("smtp auth: %w", err)
	}
	if err := c.Mail(m.from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	wc, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := wc.Write(msg); err != nil {
		return err
	}
	wc.Close()
	return c.Quit()
}
