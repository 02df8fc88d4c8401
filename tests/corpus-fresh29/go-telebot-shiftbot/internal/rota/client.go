// Package rota talks to the Rotaplan scheduling API.
package rota

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

type Shift struct {
	ID       string    `json:"id"`
	StaffID  string    `json:"staff_id"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
	Role     string    `json:"role"`
}

func New(baseURL, apiKey string, httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 15 * time.Second}
	}
	return &Client{baseURL: baseURL, apiKey: apiKey, http: httpClient}
}

func (c *Client) do(ctx context.Context, method, path string, query url.Values, out any) error {
	u := c.baseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("rotaplan %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("rotaplan %s %s: status %d", method, path, resp.StatusCode)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// FetchRoster returns the team's shifts for the ISO week containing week.
func (c *Client) FetchRoster(ctx context.Context, teamID string, week time.Time) ([]Shift, error) {
	var body struct {
		Shifts []Shift `json:"shifts"`
	}
	err := c.do(ctx, http.MethodGet, "/teams/"+url.PathEscape(teamID)+"/roster", url.Values{"week": {"current"}}, &body)
	return body.Shifts, err
}

// ReassignShift moves a shift to another staff member after an approved swap.
func (c *Client) ReassignShift(ctx context.Context, shiftID, toStaffID string) error {
	return c.do(ctx, http.MethodPost, "/shifts/"+url.PathEscape(shiftID)+"/reassign", url.Values{"staff_id": {toStaffID}}, nil)
}

// CancelShift marks a shift cancelled in Rotaplan.
func (c *Client) CancelShift(ctx context.Context, shiftID string) error {
	return c.do(ctx, http.MethodPost, "/shifts/"+url.PathEscape(shiftID)+"/cancel", nil, nil)
}
