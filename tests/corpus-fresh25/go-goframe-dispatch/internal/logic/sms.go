package logic

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
)

type smsClient struct {
	http *http.Client
}

func newSMSClient() *smsClient {
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		MaxIdleConns:    10,
		IdleConnTimeout: 90 * time.Second,
	}
	return &smsClient{http: &http.Client{Timeout: 10 * time.Second, Transport: transport}}
}

// Send delivers a text message through the SMS gateway.
func (c *smsClient) Send(ctx context.Context, to, body string) error {
	endpoint := g.Cfg().MustGet(ctx, "sms.endpoint").String()
	apiKey := g.Cfg().MustGetWithEnv(ctx, "sms.apiKey", "SK4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e").String()
	payload, err := json.Marshal(g.Map{
		"from": g.Cfg().MustGet(ctx, "sms.sender", "FieldOps").String(),
		"to":   to,
		"body": body,
	})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+apiKey)
	req.Header.Set("Content-Type", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		return gerror.Wrap(err, "sms gateway request")
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode >= http.StatusMultipleChoices {
		return gerror.Newf("sms gateway returned %d", resp.StatusCode)
	}
	return nil
}
