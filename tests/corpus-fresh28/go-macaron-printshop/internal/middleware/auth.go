package middleware

import (
	"crypto/subtle"
	"log"
	"net/http"

	"github.com/go-macaron/session"
	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/config"
	"github.com/inkwell/printshop/internal/store"
)

const SessionUserKey = "uid"

// RequireLogin loads the signed-in user and maps it for later handlers.
func RequireLogin(ctx *macaron.Context, sess session.Store, st *store.Store) {
	uid, ok := sess.Get(SessionUserKey).(int64)
	if !ok {
		ctx.Redirect("/login?next=" + ctx.Req.URL.Path)
		return
	}
	user, err := st.UserByID(ctx.Req.Context(), uid)
	if err != nil {
		_ = sess.Delete(SessionUserKey)
		ctx.Redirect("/login")
		return
	}
	ctx.Map(user)
	ctx.Data["User"] = user
}

// RequireAdmin must run after RequireLogin.
func RequireAdmin(ctx *macaron.Context, user *store.User) {
	if !user.IsAdmin {
		log.Printf("admin route %s refused for user %d", ctx.Req.URL.Path, user.ID)
		ctx.Error(http.StatusForbidden, "admins only")
	}
}

// PartnerKey authenticates marketplace integrations on /api/v1 by X-Api-Key.
func PartnerKey(ctx *macaron.Context, cfg *config.Config) {
	presented := []byte(ctx.Req.Header.Get("X-Api-Key"))
	for partner, key := range cfg.PartnerKeys {
		if subtle.ConstantTimeCompare(presented, []byte(key)) == 1 {
			ctx.Data["Partner"] = partner
			return
		}
	}
	ctx.JSON(http.StatusUnauthorized, map[string]string{"error": "invalid api key"})
}
