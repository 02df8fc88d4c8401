package actions

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"strings"

	"github.com/gobuffalo/buffalo"
	"github.com/gobuffalo/envy"
	"github.com/gobuffalo/pop/v6"
	"github.com/pkg/errors"
)

func smsSignatureValid(secret, url string, body []byte, given string) bool {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(url))
	mac.Write(body)
	expected := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(expected), []byte(given))
}

// SmsWebhook receives replies to reminder texts ("C" confirms, "X" cancels).
func SmsWebhook(c buffalo.Context) error {
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, 64<<10))
	if err != nil {
		return errors.WithStack(err)
	}
	secret := envy.Get("SMS_WEBHOOK_SECRET", "")
	if secret == "" || !smsSignatureValid(secret, "https://"+c.Request().Host+c.Request().URL.Path, body, c.Request().Header.Get("X-Sms-Signature")) {
		return c.Error(http.StatusUnauthorized, errors.New("bad signature"))
	}

	if err := c.Request().ParseForm(); err != nil {
		return c.Error(http.StatusBadRequest, err)
	}
	from := c.Request().PostForm.Get("From")
	reply := strings.ToUpper(strings.TrimSpace(c.Request().PostForm.Get("Body")))

	tx := c.Value("tx").(*pop.Connection)
	var status string
	switch reply {
	case "C":
		status = "confirmed"
	case "X":
		status = "cancel_requested"
	default:
		return c.Render(http.StatusOK, r.String("ignored"))
	}
	err = tx.RawQuery(`UPDATE appointments SET status = ?
		WHERE id = (SELECT a.id FROM appointments a JOIN users u ON u.id = a.owner_id
		            WHERE u.phone = ? AND a.status = 'booked' AND a.starts_at > now() ORDER BY a.starts_at LIMIT 1)`,
		status, from).Exec()
	if err != nil {
		c.Logger().Errorf("sms reply from %s could not be applied: %v", from, err)
		return errors.WithStack(err)
	}
	return c.Render(http.StatusOK, r.String("ok"))
}
