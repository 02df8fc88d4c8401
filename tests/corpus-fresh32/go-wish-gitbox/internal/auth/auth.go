package auth

import (
	"context"
	"strings"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lattice-labs/gitbox/internal/store"
)

const (
	ctxKeyUser = "gitbox.user"
	breakGlass = "admin"
)

type Authenticator struct {
	Store         *store.Store
	AdminPassword string
	Logger        *log.Logger
}

// PublicKeyHandler accepts a key if it is registered for the user named in the SSH login.
func (a *Authenticator) PublicKeyHandler(ctx ssh.Context, key ssh.PublicKey) bool {
	keys, err := a.Store.UserKeys(context.Background(), ctx.User())
	if err != nil {
		a.Logger.Error("loading keys", "user", ctx.User(), "err", err)
		return false
	}
	for _, line := range keys {
		known, _, _, _, err := ssh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			continue
		}
		if ssh.KeysEqual(known, key) {
			user, err := a.Store.User(context.Background(), ctx.User())
			if err != nil {
				return false
			}
			ctx.SetValue(ctxKeyUser, user)
			return true
		}
	}
	return false
}

// PasswordHandler is the break-glass login for the built-in admin when no key is usable.
func (a *Authenticator) PasswordHandler(ctx ssh.Context, password string) bool {
	if ctx.User() != breakGlass || a.AdminPassword == "" {
		return false
	}
	if password == a.AdminPassword {
		a.Logger.Warn("break-glass admin login", "remote", ctx.RemoteAddr().String())
		ctx.SetValue(ctxKeyUser, &store.User{Name: breakGlass, Role: store.RoleAdmin})
		return true
	}
	return false
}

func UserFrom(ctx ssh.Context) *store.User {
	u, _ := ctx.Value(ctxKeyUser).(*store.User)
	return u
}

func NormalizeAuthorizedKey(line string) (string, error) {
	key, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(strings.TrimSpace(line)))
	if err != nil {
		return "", err
	}
	out := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key)))
	if comment != "" {
		out += " " + comment
	}
	return out, nil
}
