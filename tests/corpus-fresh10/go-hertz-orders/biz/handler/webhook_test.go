package handler

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/test/assert"
	"github.com/cloudwego/hertz/pkg/common/ut"
	"github.com/cloudwego/hertz/pkg/common/utils"
	"github.com/cloudwego/hertz/pkg/protocol/consts"
)

const testWebhookSecret = "whsec_test_0000000000000000"

func sign(t *testing.T, ts string, body []byte) string {
	t.Helper()
	mac := hmac.New(sha256.New, []byte(testWebhookSecret))
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

func TestParseSigHeader(t *testing.T) {
	tests := []struct {
		name   string
		header string
		wantTS string
		sigLen int
	}{
		{"both parts", "t=1700000000,v1=" + hex.EncodeToString(make([]byte, 32)), "1700000000", 32},
		{"missing v1", "t=1700000000", "1700000000", 0},
		{"garbage", "nonsense", "", 0},
		{"bad hex", "t=1,v1=zz", "1", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, sig := parseSigHeader(tt.header)
			assert.DeepEqual(t, tt.wantTS, ts)
			assert.DeepEqual(t, tt.sigLen, len(sig))
		})
	}
}

func TestStripeWebhookRejectsBadSignature(t *testing.T) {
	h := server.Default()
	hd := &Handler{webhookSecret: []byte(testWebhookSecret)}
	h.POST("/webhooks/stripe", hd.StripeWebhook)

	body := []byte(`{"type":"charge.succeeded"}`)
	w := ut.PerformRequest(h.Engine, consts.MethodPost, "/webhooks/stripe",
		&ut.Body{Body: bytesReader(body), Len: len(body)},
		ut.Header{Key: "Stripe-Signature", Value: "t=1,v1=00"})
	assert.DeepEqual(t, consts.StatusBadRequest, w.Result().StatusCode())
}

func TestStripeWebhookAcceptsValidSignature(t *testing.T) {
	h := server.Default()
	hd := &Handler{webhookSecret: []byte(testWebhookSecret)}
	h.POST("/webhooks/stripe", hd.StripeWebhook)
	h.GET("/ping", func(_ context.Context, c *app.RequestContext) {
		c.JSON(consts.StatusOK, utils.H{"pong": true})
	})

	body := []byte(`{"type":"customer.created"}`)
	ut.PerformRequest(h.Engine, consts.MethodPost, "/webhooks/stripe",
		&ut.Body{Body: bytesReader(body), Len: len(body)},
		ut.Header{Key: "Stripe-Signature", Value: sign(t, "1700000000", body)})
}
