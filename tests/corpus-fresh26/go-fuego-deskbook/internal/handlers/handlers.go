package handlers

import (
	"log/slog"
	"strings"
	"time"

	"github.com/go-fuego/fuego"
	"golang.org/x/crypto/bcrypt"

	"github.com/hubspace/deskbook/ent"
	"github.com/hubspace/deskbook/ent/member"
	"github.com/hubspace/deskbook/internal/auth"
	"github.com/hubspace/deskbook/internal/billing"
)

// Handlers holds the dependencies shared by all controllers.
type Handlers struct {
	DB            *ent.Client
	Auth          *auth.Authenticator
	Billing       billing.Invoicer
	Log           *slog.Logger
	Loc           *time.Location
	KioskKey      string
	WebhookSecret []byte
}

type HealthResponse struct {
	Status string `json:"status"`
}

func Healthz(_ fuego.ContextNoBody) (HealthResponse, error) {
	return HealthResponse{Status: "ok"}, nil
}

type LoginRequest struct {
	Email    string `json:"email" validate:"required,email"`
	Password string `json:"password" validate:"required"`
}

type TokenResponse struct {
	AccessToken string `json:"access_token"`
	Role        string `json:"role"`
}

func (h *Handlers) Login(c fuego.ContextWithBody[LoginRequest]) (TokenResponse, error) {
	body, err := c.Body()
	if err != nil {
		return TokenResponse{}, err
	}
	m, err := h.DB.Member.Query().
		Where(member.Email(strings.ToLower(strings.TrimSpace(body.Email)))).
		Only(c.Context())
	if err != nil && !ent.IsNotFound(err) {
		return TokenResponse{}, err
	}
	if m == nil || bcrypt.CompareHashAndPassword([]byte(m.PasswordHash), []byte(body.Password)) != nil {
		return TokenResponse{}, fuego.UnauthorizedError{Detail: "invalid email or password"}
	}
	token, err := h.Auth.Issue(m.ID, string(m.Role))
	if err != nil {
		return TokenResponse{}, err
	}
	h.Log.Info("member logged in", "member_id", m.ID)
	return TokenResponse{AccessToken: token, Role: string(m.Role)}, nil
}
