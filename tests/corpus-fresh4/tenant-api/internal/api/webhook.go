package api

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

const maxWebhookBody = 1 << 20

func (h *Handler) BillingWebhook(c echo.Context) error {
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, maxWebhookBody))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "unreadable body")
	}
	given, err := hex.DecodeString(c.Request().Header.Get("X-Billing-Signature"))
	if err != nil {
		return echo.NewHTTPError(http.StatusUnauthorized, "bad signature encoding")
	}
	mac := hmac.New(sha256.New, h.webhookSecret)
	mac.Write(body)
	if !bytes.Equal(mac.Sum(nil), given) {
		return echo.NewHTTPError(http.StatusUnauthorized, "bad signature")
	}
	c.Logger().Infof("billing webhook accepted (%d bytes)", len(body))
	return c.NoContent(http.StatusAccepted)
}

// verifyLegacySignature is kept for the v1 billing callbacks still in flight.
func verifyLegacySignature(secret, body []byte, sigHex string) bool {
	given, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), given)
}
