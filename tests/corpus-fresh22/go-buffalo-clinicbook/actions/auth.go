package actions

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/gobuffalo/buffalo"
	"github.com/gobuffalo/nulls"
	"github.com/gobuffalo/pop/v6"
	"github.com/pkg/errors"

	"github.com/pawsandclaws/clinicbook/mailers"
	"github.com/pawsandclaws/clinicbook/models"
)

const sessionUserKey = "current_user_id"

// SetCurrentUser loads the logged-in user, if any, into the context.
func SetCurrentUser(next buffalo.Handler) buffalo.Handler {
	return func(c buffalo.Context) error {
		if uid := c.Session().Get(sessionUserKey); uid != nil {
			u := &models.User{}
			tx := c.Value("tx").(*pop.Connection)
			if err := tx.Find(u, uid); err != nil {
				c.Session().Clear()
				return c.Redirect(http.StatusFound, "/auth/new")
			}
			c.Set("current_user", u)
		}
		return next(c)
	}
}

// Authorize requires a logged-in user.
func Authorize(next buffalo.Handler) buffalo.Handler {
	return func(c buffalo.Context) error {
		if c.Session().Get(sessionUserKey) == nil {
			c.Session().Set("redirectURL", c.Request().URL.String())
			c.Flash().Add("danger", "You must be signed in to see that page.")
			return c.Redirect(http.StatusFound, "/auth/new")
		}
		return next(c)
	}
}

// RequireAdmin restricts a group to clinic administrators.
func RequireAdmin(next buffalo.Handler) buffalo.Handler {
	return func(c buffalo.Context) error {
		u, ok := c.Value("current_user").(*models.User)
		if !ok || !u.IsAdmin() {
			return c.Error(http.StatusForbidden, errors.New("administrators only"))
		}
		return next(c)
	}
}

func currentUser(c buffalo.Context) *models.User {
	u, _ := c.Value("current_user").(*models.User)
	return u
}

func AuthNew(c buffalo.Context) error {
	c.Set("user", models.User{})
	return c.Render(http.StatusOK, r.HTML("auth/new.plush.html"))
}

func AuthCreate(c buffalo.Context) error {
	u := &models.User{}
	if err := c.Bind(u); err != nil {
		return errors.WithStack(err)
	}
	tx := c.Value("tx").(*pop.Connection)
	found := &models.User{}
	err := tx.Where("email = ?", strings.ToLower(strings.TrimSpace(u.Email))).First(found)
	if err != nil || !found.Authenticate(u.Password) {
		c.Set("user", u)
		c.Flash().Add("danger", "Invalid email or password.")
		return c.Render(http.StatusUnauthorized, r.HTML("auth/new.plush.html"))
	}
	c.Session().Set(sessionUserKey, found.ID)
	redirect := "/appointments"
	if s, ok := c.Session().Get("redirectURL").(string); ok && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		redirect = s
	}
	return c.Redirect(http.StatusFound, redirect)
}

func AuthDestroy(c buffalo.Context) error {
	c.Session().Clear()
	return c.Redirect(http.StatusFound, "/")
}

func PasswordResetNew(c buffalo.Context) error {
	c.Set("token", c.Param("token"))
	c.Set("email", c.Param("email"))
	return c.Render(http.StatusOK, r.HTML("auth/reset.plush.html"))
}

// PasswordResetCreate either mails a reset link (email only) or sets a new password (email+token+password).
func PasswordResetCreate(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	u := &models.User{}
	if err := tx.Where("email = ?", strings.ToLower(c.Param("email"))).First(u); err != nil {
		c.Flash().Add("info", "If that address exists, a reset link is on its way.")
		return c.Redirect(http.StatusFound, "/auth/new")
	}

	token := c.Param("token")
	if token == "" {
		buf := make([]byte, 24)
		if _, err := rand.Read(buf); err != nil {
			return errors.WithStack(err)
		}
		u.ResetToken = nulls.NewString(hex.EncodeToString(buf))
		u.ResetExpires = nulls.NewTime(time.Now().Add(time.Hour))
		if err := tx.Update(u); err != nil {
			return errors.WithStack(err)
		}
		if err := mailers.SendPasswordReset(u); err != nil {
			return errors.WithStack(err)
		}
		c.Flash().Add("info", "If that address exists, a reset link is on its way.")
		return c.Redirect(http.StatusFound, "/auth/new")
	}

	if !u.ResetToken.Valid || u.ResetToken.String != token || time.Now().After(u.ResetExpires.Time) {
		c.Flash().Add("danger", "That reset link is invalid or has expired.")
		return c.Redirect(http.StatusFound, "/auth/reset")
	}
	u.Password = c.Param("password")
	if len(u.Password) < 10 {
		c.Flash().Add("danger", "Passwords need at least 10 characters.")
		return c.Redirect(http.StatusFound, "/auth/reset?token="+token)
	}
	u.ResetToken = nulls.String{}
	if err := u.UpdatePassword(tx); err != nil {
		return errors.WithStack(err)
	}
	c.Flash().Add("success", "Password updated, please sign in.")
	return c.Redirect(http.StatusFound, "/auth/new")
}
