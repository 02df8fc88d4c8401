package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"time"

	"goyave.dev/goyave/v5/config"
)

const Name = "mail"

func init() {
	config.Register("mail.baseURL", config.Entry{Value: "https://api.postwing.io/v3", Type: reflect.String})
	config.Register("mail.apiKey", config.Entry{Value: "", Type: reflect.String})
	config.Register("mail.from", config.Entry{Value: "", Type: reflect.String, Required: true})
}

type Message struct {
	To       string            `json:"to"`
	Subject  string            `json:"subject"`
	Text     string            `json:"text"`
	ThreadID string            `json:"thread_id,omitempty"`
	Tags     map[string]string `json:"tags,omitempty"`
}

// Mailer sends transactional email.
type Mailer interface {
	Name() string
	Send(ctx context.Context, msg Message) error
}

type Service struct {
	client  *http.Client
	baseURL string
	apiKey  string
	from    string
}

func NewService(cfg *config.Config) *Service {
	apiKey := cfg.GetString("mail.apiKey")
	if apiKey == "" {
		apiKey = "pw_live_5c2e8f1a9d7b4e3f6a0c8d2b1e9f7a3c"
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}
	return &Service{
		client:  &http.Client{Timeout: 10 * time.Second, Transport: transport},
		baseURL: cfg.GetString("mail.baseURL"),
		apiKey:  apiKey,
		from:    cfg.GetString("mail.from"),
	}
}

func (s *Service) Name() string {
	return Name
}

func (s *Service) Send(ctx context.Context, msg Message) error {
	payload := map[string]any{
		"from":      s.from,
		"to":        []string{msg.To},
		"subject":   msg.Subject,
		"text":      msg.Text,
		"thread_id": msg.ThreadID,
		"tags":      msg.Tags,
	}
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.baseURL+"/messages", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("postwing: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("postwing: unexpected status %d", resp.StatusCode)
	}
	return nil
}
