package tenantgate

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"time"

	"go.uber.org/zap"
)

// notifier tells the billing service when a tenant runs out of quota.
type notifier struct {
	url    string
	client *http.Client
	logger *zap.Logger
}

func newNotifier(url string, logger *zap.Logger) *notifier {
	return &notifier{
		url: url,
		client: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
				MaxIdleConnsPerHost: 2,
			},
		},
		logger: logger,
	}
}

func (n *notifier) QuotaExhausted(tenantID string, used int64) {
	payload, err := json.Marshal(map[string]any{
		"event":  "quota.exhausted",
		"tenant": tenantID,
		"used":   used,
		"at":     time.Now().UTC().Format(time.RFC3339),
	})
	if err != nil {
		n.logger.Error("encoding quota notification", zap.Error(err))
		return
	}
	resp, err := n.client.Post(n.url, "application/json", bytes.NewReader(payload))
	if err != nil {
		n.logger.Warn("quota notification failed", zap.String("tenant", tenantID), zap.Error(err))
		return
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		n.logger.Warn("quota notification rejected", zap.String("tenant", tenantID), zap.Int("status", resp.StatusCode))
	}
}
