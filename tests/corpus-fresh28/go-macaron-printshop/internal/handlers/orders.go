package handlers

import (
	"errors"
	"log"
	"net/http"
	"path/filepath"

	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/config"
	"github.com/inkwell/printshop/internal/forms"
	"github.com/inkwell/printshop/internal/provider"
	"github.com/inkwell/printshop/internal/store"
)

func ListOrders(ctx *macaron.Context, user *store.User, st *store.Store) {
	orders, err := st.OrdersForCustomer(ctx.Req.Context(), user.ID, ctx.Query("status"))
	if err != nil {
		log.Printf("list orders for %d: %v", user.ID, err)
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Data["Orders"] = orders
	ctx.Data["Status"] = ctx.Query("status")
	ctx.HTML(http.StatusOK, "orders/list")
}

func ShowOrder(ctx *macaron.Context, user *store.User, st *store.Store) {
	order, err := st.Order(ctx.Req.Context(), ctx.ParamsInt64(":id"))
	if errors.Is(err, store.ErrNotFound) || (err == nil && order.CustomerID != user.ID && !user.IsAdmin) {
		ctx.Error(http.StatusNotFound)
		return
	}
	if err != nil {
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Data["Order"] = order
	ctx.HTML(http.StatusOK, "orders/show")
}

func CreateOrder(ctx *macaron.Context, user *store.User, st *store.Store, pc *provider.Client, cfg *config.Config, form forms.NewOrder) {
	rctx := ctx.Req.Context()
	quote, err := pc.Quote(rctx, form.SKU, form.Quantity, form.Rush)
	if err != nil {
		log.Printf("quote %s x%d: %v", form.SKU, form.Quantity, err)
		ctx.Error(http.StatusBadGateway, "pricing is unavailable, try again shortly")
		return
	}
	order := &store.Order{
		CustomerID:  user.ID,
		SKU:         form.SKU,
		Quantity:    form.Quantity,
		Rush:        form.Rush,
		PriceCents:  quote.PriceCents,
		ArtworkPath: filepath.Join(artworkDir, filepath.Base(form.ArtworkID)),
		ShipTo:      form.ShipTo,
	}
	if err := st.CreateOrder(rctx, order); err != nil {
		log.Printf("create order for %d: %v", user.ID, err)
		ctx.Error(http.StatusInternalServerError)
		return
	}

	job, err := pc.SubmitJob(rctx, provider.JobRequest{
		Reference:  orderRef(order.ID),
		SKU:        order.SKU,
		Quantity:   order.Quantity,
		Rush:       order.Rush,
		ArtworkURL: artworkURL(ctx.Req.Host, cfg, form.ArtworkID),
		ShipTo:     order.ShipTo,
	})
	if err != nil {
		log.Printf("submit order %d to printco: %v", order.ID, err)
		if serr := st.SetStatus(rctx, order.ID, "submit_failed", ""); serr != nil {
			log.Printf("mark order %d submit_failed: %v", order.ID, serr)
		}
		ctx.Redirect("/orders/" + orderRef(order.ID))
		return
	}
	if err := st.SetStatus(rctx, order.ID, "submitted", job.ID); err != nil {
		log.Printf("order %d submitted as job %s but status update failed: %v", order.ID, job.ID, err)
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Redirect("/orders/" + orderRef(order.ID))
}
