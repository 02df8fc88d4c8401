package handlers

import (
	"log"
	"net/http"

	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/forms"
	"github.com/inkwell/printshop/internal/provider"
	"github.com/inkwell/printshop/internal/store"
)

// Each marketplace partner orders through a regular customer account.
func partnerAccount(ctx *macaron.Context, st *store.Store) (*store.User, bool) {
	name, _ := ctx.Data["Partner"].(string)
	user, err := st.UserByEmail(ctx.Req.Context(), name+"@partners.inkwell.example")
	if err != nil {
		log.Printf("partner %q has no customer account: %v", name, err)
		ctx.JSON(http.StatusForbidden, map[string]string{"error": "partner account not provisioned"})
		return nil, false
	}
	return user, true
}

func PartnerCreateOrder(ctx *macaron.Context, st *store.Store, pc *provider.Client, form forms.PartnerOrder) {
	account, ok := partnerAccount(ctx, st)
	if !ok {
		return
	}
	quote, err := pc.Quote(ctx.Req.Context(), form.SKU, form.Quantity, false)
	if err != nil {
		ctx.JSON(http.StatusBadGateway, map[string]string{"error": "pricing unavailable"})
		return
	}
	order := &store.Order{
		CustomerID:  account.ID,
		SKU:         form.SKU,
		Quantity:    form.Quantity,
		PriceCents:  quote.PriceCents,
		ArtworkPath: form.ArtworkURL,
		ShipTo:      form.ShipTo,
	}
	if err := st.CreateOrder(ctx.Req.Context(), order); err != nil {
		log.Printf("partner order %s: %v", form.ExternalRef, err)
		ctx.JSON(http.StatusInternalServerError, map[string]string{"error": "could not store order"})
		return
	}
	ctx.JSON(http.StatusAccepted, map[string]any{"id": order.ID, "price_cents": order.PriceCents})
}

func PartnerOrderStatus(ctx *macaron.Context, st *store.Store) {
	account, ok := partnerAccount(ctx, st)
	if !ok {
		return
	}
	order, err := st.Order(ctx.Req.Context(), ctx.ParamsInt64(":id"))
	if err != nil || order.CustomerID != account.ID {
		ctx.JSON(http.StatusNotFound, map[string]string{"error": "not found"})
		return
	}
	ctx.JSON(http.StatusOK, map[string]any{"id": order.ID, "status": order.Status})
}
