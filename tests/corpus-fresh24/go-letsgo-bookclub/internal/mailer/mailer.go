package mailer

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"time"
)

type Sender interface {
	Send(to, subject, body string) error
}

type Mailer struct {
	host     string
	port     int
	username string
	password string
	sender   string
}

func New(host string, port int, username, password, sender string) *Mailer {
	return &Mailer{host: host, port: port, username: username, password: password, sender: sender}
}

func (m *Mailer) Send(to, subject, body string) error {
	addr := net.JoinHostPort(m.host, strconv.Itoa(m.port))
	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return fmt.Errorf("dial %s: %w", addr, err)
	}
	c, err := smtp.NewClient(conn, m.host)
	if err != nil {
		return err
	}
	defer c.Close()

	tlsConfig := &tls.Config{ServerName: m.host, InsecureSkipVerify: true}
	if err := c.StartTLS(tlsConfig); err != nil {
		return fmt.Errorf("starttls: %w", err)
	}
	if err := c.Auth(smtp.PlainAuth("", m.username, m.password, m.host)); err != nil {
		return fmt.Errorf("auth: %w", err)
	}
	if err := c.Mail(m.username); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	msg := strings.Join([]string{
		"From: " + m.sender,
		"To: " + to,
		"Subject: " + subject,
		"Date: " + time.Now().UTC().Format(time.RFC1123Z),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"",
		body,
	}, "\r\n")
	if _, err := w.Write([]byte(msg)); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}
