package push

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

const DefaultEndpoint = "https://fcm.googleapis.com/fcm/send"

var ErrUnregistered = errors.New("push: device token is no longer registered")

type Message struct {
	Title string            `json:"title"`
	Body  string            `json:"body"`
	Data  map[string]string `json:"-"`
}

type Receipt struct {
	MessageID string
}

type Client struct {
	endpoint  string
	serverKey string
	http      *http.Client
}

type Option func(*Client)

func WithEndpoint(endpoint string) Option {
	return func(c *Client) { c.endpoint = endpoint }
}

func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) { c.http = hc }
}

func NewClient(serverKey string, opts ...Option) *Client {
	if serverKey == "" {
		panic("push: empty server key")
	}
	c := &Client{
		endpoint:  DefaultEndpoint,
		serverKey: serverKey,
		http: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
				MaxIdleConnsPerHost: 32,
				IdleConnTimeout:     90 * time.Second,
			},
		},
	}
	for _, opt := range opts {
		opt(c)
	}
	return c
}

type fcmRequest struct {
	To           string            `json:"to"`
	Priority     string            `json:"priority"`
	Notification Message           `json:"notification"`
	Data         map[string]string `json:"data,omitempty"`
}

type fcmResponse struct {
	Failure int `json:"failure"`
	Results []struct {
		MessageID string `json:"message_id"`
		Error     string `json:"error"`
	} `json:"results"`
}

func (c *Client) Send(ctx context.Context, deviceToken string, msg Message, ttl time.Duration) (Receipt, error) {
	body, err := json.Marshal(fcmRequest{To: deviceToken, Priority: "high", Notification: msg, Data: msg.Data})
	if err != nil {
		return Receipt{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return Receipt{}, err
	}
	req.Header.Set("Authorization", "key="+c.serverKey)
	req.Header.Set("Content-Type", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		return Receipt{}, fmt.Errorf("push: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Receipt{}, fmt.Errorf("push: unexpected status %d", resp.StatusCode)
	}

	var out fcmResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return Receipt{}, fmt.Errorf("push: decode response: %w", err)
	}
	if len(out.Results) == 0 {
		return Receipt{}, errors.New("push: empty result set")
	}
	switch r := out.Results[0]; r.Error {
	case "":
		return Receipt{MessageID: r.MessageID}, nil
	case "NotRegistered", "InvalidRegistration":
		return Receipt{}, ErrUnregistered
	default:
		return Receipt{}, fmt.Errorf("push: %s", r.Error)
	}
}
