package logic

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"

	"github.com/acme-retail/orders-api/internal/svc"
	"github.com/acme-retail/orders-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/rest/httpx"
)

type WebhookLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

func NewWebhookLogic(ctx context.Context, svcCtx *svc.ServiceContext) *WebhookLogic {
	return &WebhookLogic{Logger: logx.WithContext(ctx), ctx: ctx, svcCtx: svcCtx}
}

func (l *WebhookLogic) Handle(r *http.Request) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return err
	}
	got, err := hex.DecodeString(r.Header.Get("X-Payment-Signature"))
	if err != nil {
		return httpx.NewCodeError(http.StatusBadRequest, "malformed signature")
	}
	mac := hmac.New(sha256.New, []byte(l.svcCtx.Config.Payment.WebhookSecret))
	mac.Write(body)
	if !bytes.Equal(got, mac.Sum(nil)) {
		l.Infof("payment webhook rejected: bad signature")
		return httpx.NewCodeError(http.StatusUnauthorized, "bad signature")
	}

	var evt types.PaymentWebhookReq
	if err := json.Unmarshal(body, &evt); err != nil {
		return httpx.NewCodeError(http.StatusBadRequest, "invalid payload")
	}
	return l.svcCtx.Orders.UpdateStatus(l.ctx, evt.OrderId, evt.Status)
}

// VerifyCallbackToken checks the static token the provider echoes on redirect callbacks.
func VerifyCallbackToken(expected, presented string) bool {
	return hmac.Equal([]byte(expected), []byte(presented))
}
