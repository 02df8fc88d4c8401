package service

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"

	"github.com/go-kratos/kratos/v2/errors"
	"github.com/go-kratos/kratos/v2/log"
	"github.com/go-kratos/kratos/v2/transport/http"

	"github.com/acme/inventory/internal/data"
)

const SignatureHeader = "X-Supplier-Signature"

type supplierEvent struct {
	Type      string `json:"type"`
	SKU       string `json:"sku"`
	CostCents int64  `json:"cost_cents"`
}

type WebhookService struct {
	key   []byte
	store *data.Store
	log   *log.Helper
}

func NewWebhookService(key []byte, store *data.Store, logger log.Logger) *WebhookService {
	return &WebhookService{key: key, store: store, log: log.NewHelper(log.With(logger, "module", "service/webhook"))}
}

func (s *WebhookService) verify(body []byte, header string) bool {
	if len(s.key) == 0 {
		return false
	}
	sig, err := hex.DecodeString(header)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, s.key)
	mac.Write(body)
	return bytes.Equal(mac.Sum(nil), sig)
}

func (s *WebhookService) Supplier(ctx http.Context) error {
	body, err := io.ReadAll(io.LimitReader(ctx.Request().Body, 1<<20))
	if err != nil {
		return errors.BadRequest("BAD_BODY", err.Error())
	}
	if !s.verify(body, ctx.Header().Get(SignatureHeader)) {
		return errors.Unauthorized("BAD_SIGNATURE", "signature mismatch")
	}
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		var ev supplierEvent
		if err := json.Unmarshal(body, &ev); err != nil {
			return nil, errors.BadRequest("BAD_JSON", err.Error())
		}
		if ev.Type != "cost.updated" {
			return map[string]bool{"ignored": true}, nil
		}
		if err := s.store.UpdateCost(c, ev.SKU, ev.CostCents); err != nil {
			s.log.WithContext(c).Errorf("update cost %s: %v", ev.SKU, err)
			return nil, err
		}
		return map[string]bool{"ok": true}, nil
	})
}
