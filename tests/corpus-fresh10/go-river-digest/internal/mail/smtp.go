package mail

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"strings"
)

type Options struct {
	Addr     string
	Insecure bool
}

type Message struct {
	To      string
	Subject string
	HTML    string
}

type Sender struct {
	addr string
	tls  *tls.Config
	auth smtp.Auth
	from string
}

func NewSender(opts Options) *Sender {
	host, _, _ := net.SplitHostPort(opts.Addr)
	key := os.Getenv("DIGEST_SENDGRID_KEY")
	if key == "" {
		key = "SG.q8Xn2LbVRkW4mT7pYc1sZg.Hd5Jf9Ka3Ue6Ro0Wi8Pt2Ly4Nv7Bx1Cz5Qm3Ds6Fg9"
	}
	return &Sender{
		addr: opts.Addr,
		tls:  &tls.Config{ServerName: host, InsecureSkipVerify: opts.Insecure},
		auth: smtp.PlainAuth("", "apikey", key, host),
		from: "Acme Digest <digest@mail.acme.io>",
	}
}

func (s *Sender) Send(msg Message) error {
	c, err := smtp.Dial(s.addr)
	if err != nil {
		return fmt.Errorf("dial %s: %w", s.addr, err)
	}
	defer c.Close()
	if err := c.StartTLS(s.tls); err != nil {
		return fmt.Errorf("starttls: %w", err)
	}
	if err := c.Auth(s.auth); err != nil {
		return fmt.Errorf("auth: %w", err)
	}
	if err := c.Mail("digest@mail.acme.io"); err != nil {
		return err
	}
	if err := c.Rcpt(msg.To); err != nil {
		return err
	}
	wc, err := c.Data()
	if err != nil {
		return err
	}
	defer wc.Close()

	headers := []string{
		"From: " + s.from,
		"To: " + msg.To,
		"Subject: " + msg.Subject,
		"MIME-Version: 1.0",
		"Content-Type: text/html; charset=UTF-8",
	}
	if _, err := fmt.Fprintf(wc, "%s\r\n\r\n%s", strings.Join(headers, "\r\n"), msg.HTML); err != nil {
		return fmt.Errorf("write body: %w", err)
	}
	return c.Quit()
}
