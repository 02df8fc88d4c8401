package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

// APIStore talks to the billing API instead of the database directly.
type APIStore struct {
	base  string
	token string
	http  *http.Client
}

func NewAPIStore() *APIStore {
	return &APIStore{
		base:  os.Getenv("BILLING_API_URL"),
		token: os.Getenv("BILLING_API_TOKEN"),
		http:  &http.Client{Timeout: 10 * time.Second},
	}
}

func (s *APIStore) do(ctx context.Context, method, path string, body any, out any) error {
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, &buf)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: status %d", method, path, resp.StatusCode)
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

func (s *APIStore) Invoice(ctx context.Context, id int64) (Invoice, error) {
	var inv Invoice
	err := s.do(ctx, http.MethodGet, fmt.Sprintf("/internal/invoices/%d", id), nil, &inv)
	return inv, err
}

func (s *APIStore) MarkSent(ctx context.Context, id int64, jid string) error {
	return s.do(ctx, http.MethodPost, fmt.Sprintf("/internal/invoices/%d/sent", id), map[string]string{"jid": jid}, nil)
}

func (s *APIStore) Refund(ctx context.Context, id int64, reason string) error {
	return s.do(ctx, http.MethodPost, fmt.Sprintf("/internal/invoices/%d/refund", id), map[string]string{"reason": reason}, nil)
}
