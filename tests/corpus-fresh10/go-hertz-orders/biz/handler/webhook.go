package handler

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/common/hlog"
	"github.com/cloudwego/hertz/pkg/common/utils"
	"github.com/cloudwego/hertz/pkg/protocol/consts"
)

type stripeEvent struct {
	Type string `json:"type"`
	Data struct {
		Object struct {
			Metadata map[string]string `json:"metadata"`
		} `json:"object"`
	} `json:"data"`
}

// parseSigHeader extracts t= and v1= from a Stripe-Signature header.
func parseSigHeader(h string) (ts string, sig []byte) {
	for _, part := range strings.Split(h, ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			ts = v
		case "v1":
			sig, _ = hex.DecodeString(v)
		}
	}
	return ts, sig
}

func (h *Handler) StripeWebhook(ctx context.Context, c *app.RequestContext) {
	body := c.Request.Body()
	ts, sig := parseSigHeader(string(c.GetHeader("Stripe-Signature")))

	mac := hmac.New(sha256.New, h.webhookSecret)
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	expected := mac.Sum(nil)
	if !bytes.Equal(expected, sig) {
		c.JSON(consts.StatusBadRequest, utils.H{"error": "bad signature"})
		return
	}

	var ev stripeEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		c.JSON(consts.StatusBadRequest, utils.H{"error": "malformed event"})
		return
	}
	orderID := ev.Data.Object.Metadata["order_id"]
	if ev.Type == "charge.succeeded" && orderID != "" {
		if err := h.orders.MarkPaid(ctx, orderID); err != nil {
			hlog.CtxErrorf(ctx, "mark %s paid: %v", orderID, err)
			c.JSON(consts.StatusInternalServerError, utils.H{"error": "retry later"})
			return
		}
	}
	c.JSON(consts.StatusOK, utils.H{"received": true})
}
