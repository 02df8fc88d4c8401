package handlers

import (
	"log"
	"net/http"

	"github.com/go-macaron/session"
	"golang.org/x/crypto/bcrypt"
	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/forms"
	"github.com/inkwell/printshop/internal/middleware"
	"github.com/inkwell/printshop/internal/provider"
	"github.com/inkwell/printshop/internal/store"
)

func Healthz(ctx *macaron.Context, st *store.Store) {
	if err := st.DB.PingContext(ctx.Req.Context()); err != nil {
		ctx.JSON(http.StatusServiceUnavailable, map[string]string{"db": "down"})
		return
	}
	ctx.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

func LoginPage(ctx *macaron.Context) {
	ctx.HTML(http.StatusOK, "login")
}

func Login(ctx *macaron.Context, sess session.Store, st *store.Store, form forms.Login) {
	user, err := st.UserByEmail(ctx.Req.Context(), form.Email)
	if err != nil || bcrypt.CompareHashAndPassword(user.PasswordHash, []byte(form.Password)) != nil {
		ctx.Data["Error"] = "Unknown email or wrong password"
		ctx.HTML(http.StatusUnauthorized, "login")
		return
	}
	if err := sess.Set(middleware.SessionUserKey, user.ID); err != nil {
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Redirect("/orders")
}

func Logout(ctx *macaron.Context, sess session.Store) {
	if err := sess.Destory(ctx); err != nil {
		log.Printf("logout: destroy session: %v", err)
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Redirect("/login")
}

func AdminOrders(ctx *macaron.Context, st *store.Store) {
	orders, err := st.AllOrders(ctx.Req.Context(), ctx.Query("status"))
	if err != nil {
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Data["Orders"] = orders
	ctx.HTML(http.StatusOK, "admin/orders")
}

// ForceReprint asks PrintCo to print a job again at our cost (damaged in transit etc.).
func ForceReprint(ctx *macaron.Context, user *store.User, st *store.Store, pc *provider.Client) {
	order, err := st.Order(ctx.Req.Context(), ctx.ParamsInt64(":id"))
	if err != nil || !order.ProviderJob.Valid {
		ctx.Error(http.StatusNotFound)
		return
	}
	job, err := pc.Reprint(ctx.Req.Context(), order.ProviderJob.String, ctx.Query("reason"))
	if err != nil {
		log.Printf("reprint order %d: %v", order.ID, err)
		ctx.Error(http.StatusBadGateway)
		return
	}
	if err := st.SetStatus(ctx.Req.Context(), order.ID, "reprinting", job.ID); err != nil {
		ctx.Error(http.StatusInternalServerError)
		return
	}
	log.Printf("order %d reprint requested by user %d", order.ID, user.ID)
	ctx.Redirect("/admin/orders")
}
