package tools

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/acme/billing-desk-mcp/internal/auth"
)

// readPlans serves the public price list; it is the same data as the pricing page.
func (h *Handlers) readPlans(ctx context.Context, request mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
	plans, err := h.api.Plans(ctx)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(plans)
	if err != nil {
		return nil, err
	}
	return []mcp.ResourceContents{
		mcp.TextResourceContents{URI: request.Params.URI, MIMEType: "application/json", Text: string(b)},
	}, nil
}

func templateArg(request mcp.ReadResourceRequest, name string) string {
	switch v := request.Params.Arguments[name].(type) {
	case string:
		return v
	case []string:
		if len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func (h *Handlers) readCustomer(ctx context.Context, request mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
	p, ok := auth.FromContext(ctx)
	if !ok || !p.Has(auth.RoleSupport) {
		return nil, fmt.Errorf("the support role is required")
	}
	id := templateArg(request, "id")
	if id == "" {
		return nil, fmt.Errorf("customer id missing from %s", request.Params.URI)
	}
	customer, err := h.api.Customer(ctx, id)
	if err != nil {
		return nil, err
	}
	notes, err := h.store.Notes(id)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(map[string]any{"customer": customer, "notes": notes})
	if err != nil {
		return nil, err
	}
	return []mcp.ResourceContents{
		mcp.TextResourceContents{URI: request.Params.URI, MIMEType: "application/json", Text: string(b)},
	}, nil
}
