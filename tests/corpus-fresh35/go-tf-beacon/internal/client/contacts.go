package client

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

type Contact struct {
	ID                   string `json:"id,omitempty"`
	Name                 string `json:"name"`
	Kind                 string `json:"kind"`
	Address              string `json:"address"`
	SigningSecretVersion int64  `json:"signing_secret_version,omitempty"`
}

type Team struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Members []string `json:"members"`
}

func (c *Client) CreateContact(ctx context.Context, ct Contact) (*Contact, error) {
	var out Contact
	if err := c.doLegacy(ctx, http.MethodPost, "/v1/contacts", ct, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c *Client) GetContact(ctx context.Context, id string) (*Contact, error) {
	var out Contact
	if err := c.doLegacy(ctx, http.MethodGet, "/v1/contacts/"+url.PathEscape(id), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c *Client) RenameContact(ctx context.Context, id, name string) error {
	return c.doLegacy(ctx, http.MethodPatch, "/v1/contacts/"+url.PathEscape(id), map[string]string{"name": name}, nil)
}

func (c *Client) DeleteContact(ctx context.Context, id string) error {
	return c.doLegacy(ctx, http.MethodDelete, "/v1/contacts/"+url.PathEscape(id), nil, nil)
}

// RotateContactSecret issues a new webhook signing secret for a contact.
func (c *Client) RotateContactSecret(ctx context.Context, id string) (int64, error) {
	return 0, errors.New("beacon: signing secret rotation not implemented")
}

func (c *Client) TeamByName(ctx context.Context, name string) (*Team, error) {
	var teams []Team
	if err := c.do(ctx, http.MethodGet, "/v2/teams?name="+url.QueryEscape(name), nil, &teams); err != nil {
		return nil, err
	}
	for i := range teams {
		if teams[i].Name == name {
			return &teams[i], nil
		}
	}
	return nil, ErrNotFound
}
