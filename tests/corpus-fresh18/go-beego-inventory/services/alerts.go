package services

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"strings"

	"github.com/beego/beego/v2/core/logs"
	"github.com/beego/beego/v2/server/web"

	"github.com/northwind-logistics/inventory-api/models"
)

// Alerter delivers low-stock notifications to the purchasing team.
type Alerter interface {
	LowStock(level models.StockLevel) error
}

type noopAlerter struct{}

// LowStock does nothing; used when no SMTP relay is configured (dev, tests).
func (noopAlerter) LowStock(models.StockLevel) error { return nil }

type smtpAlerter struct {
	addr       string
	host       string
	from       string
	recipients []string
	auth       smtp.Auth
}

var alerter Alerter = noopAlerter{}

func InitAlerts() {
	addr := web.AppConfig.DefaultString("smtp_addr", "")
	if addr == "" {
		logs.Info("smtp_addr not set; low-stock alerts disabled")
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		logs.Error("invalid smtp_addr %q: %v", addr, err)
		return
	}
	alerter = &smtpAlerter{
		addr:       addr,
		host:       host,
		from:       web.AppConfig.DefaultString("smtp_from", "inventory@northwind.example"),
		recipients: strings.Split(web.AppConfig.DefaultString("purchasing_emails", ""), ","),
		auth: smtp.PlainAuth("", web.AppConfig.DefaultString("smtp_user", ""),
			web.AppConfig.DefaultString("smtp_password", ""), host),
	}
}

func (a *smtpAlerter) LowStock(level models.StockLevel) error {
	c, err := smtp.Dial(a.addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(&tls.Config{ServerName: a.host, InsecureSkipVerify: true}); err != nil {
		return fmt.Errorf("starttls: %w", err)
	}
	if err := c.Auth(a.auth); err != nil {
		return err
	}
	if err := c.Mail(a.from); err != nil {
		return err
	}
	for _, r := range a.recipients {
		if err := c.Rcpt(strings.TrimSpace(r)); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Subject: Low stock: item %d in warehouse %d\r\n\r\nQuantity on hand: %d\r\n",
		level.ItemID, level.WarehouseID, level.Quantity)
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// CheckReorder sends an alert when a stock level drops to its reorder point.
func CheckReorder(level models.StockLevel) {
	if level.Item == nil || level.Quantity > level.Item.ReorderAt {
		return
	}
	if err := alerter.LowStock(level); err != nil {
		logs.Error("low-stock alert for item %d: %v", level.ItemID, err)
	}
}
