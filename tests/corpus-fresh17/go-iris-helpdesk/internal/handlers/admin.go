package handlers

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/kataras/iris/v12"
	"golang.org/x/crypto/bcrypt"

	"github.com/acme/helpdesk/internal/auth"
	"github.com/acme/helpdesk/internal/store"
)

var (
	timeNow    = time.Now
	sessionTTL = 12 * time.Hour
)

type UserStore interface {
	FindUserByEmail(ctx context.Context, email string) (store.User, error)
	ListUsers(ctx context.Context) ([]store.User, error)
	DeleteUser(ctx context.Context, id int64) error
	AppendAudit(ctx context.Context, a store.Audit) error
}

type Admin struct {
	Store  UserStore
	Signer *auth.Signer
	Log    *slog.Logger
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (h *Admin) Login(ctx iris.Context) {
	var req loginRequest
	if err := ctx.ReadJSON(&req); err != nil {
		ctx.StopWithStatus(iris.StatusBadRequest)
		return
	}
	u, err := h.Store.FindUserByEmail(ctx.Request().Context(), req.Email)
	if err != nil || bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(req.Password)) != nil {
		ctx.StopWithStatus(iris.StatusUnauthorized)
		return
	}
	token := h.Signer.Issue(auth.Claims{UserID: u.ID, Role: u.Role, Expires: timeNow().Add(sessionTTL)})
	ctx.JSON(iris.Map{"token": token})
}

func (h *Admin) ListUsers(ctx iris.Context) {
	users, err := h.Store.ListUsers(ctx.Request().Context())
	if err != nil {
		h.Log.Error("list users", "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	ctx.JSON(users)
}

func (h *Admin) DeleteUser(ctx iris.Context) {
	id := ctx.Params().GetInt64Default("id", 0)
	err := h.Store.DeleteUser(ctx.Request().Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		ctx.StopWithStatus(iris.StatusNotFound)
		return
	}
	if err != nil {
		h.Log.Error("delete user", "id", id, "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	actor := auth.ClaimsFrom(ctx)
	_ = h.Store.AppendAudit(ctx.Request().Context(), store.Audit{ActorID: actor.UserID, Action: "user.delete", Target: strconv.FormatInt(id, 10)})
	ctx.StatusCode(iris.StatusNoContent)
}

func (h *Admin) ExportCSV(ctx iris.Context) {
	ctx.StopWithStatus(iris.StatusNotImplemented)
}
