package client

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Monitor struct {
	ID              string   `json:"id,omitempty"`
	Name            string   `json:"name"`
	Type            string   `json:"type"`
	Target          string   `json:"target"`
	IntervalSeconds int64    `json:"interval_seconds"`
	Regions         []string `json:"regions"`
	TeamID          string   `json:"team_id,omitempty"`
	Status          string   `json:"status,omitempty"`
}

func (c *Client) CreateMonitor(ctx context.Context, m Monitor, teamID string) (*Monitor, error) {
	var out Monitor
	if err := c.do(ctx, http.MethodPost, "/v2/monitors", m, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c *Client) GetMonitor(ctx context.Context, id string) (*Monitor, error) {
	var out Monitor
	if err := c.do(ctx, http.MethodGet, "/v2/monitors/"+url.PathEscape(id), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c *Client) UpdateMonitor(ctx context.Context, m Monitor) (*Monitor, error) {
	var out Monitor
	if err := c.do(ctx, http.MethodPut, "/v2/monitors/"+url.PathEscape(m.ID), m, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c *Client) DeleteMonitor(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/v2/monitors/"+url.PathEscape(id), nil, nil)
}

func (c *Client) AttachContacts(ctx context.Context, monitorID string, contactIDs []string) error {
	body := map[string][]string{"contact_ids": contactIDs}
	return c.do(ctx, http.MethodPut, "/v2/monitors/"+url.PathEscape(monitorID)+"/contacts", body, nil)
}

// WaitForMonitorActive polls until the first check has run in every region.
func (c *Client) WaitForMonitorActive(ctx context.Context, id string, timeout time.Duration) (*Monitor, error) {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		m, err := c.GetMonitor(ctx, id)
		if err != nil {
			return nil, err
		}
		switch m.Status {
		case "active":
			return m, nil
		case "failed":
			return nil, fmt.Errorf("monitor %s failed to start", id)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("monitor %s still %q after waiting", id, m.Status)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(3 * time.Second):
		}
	}
}
