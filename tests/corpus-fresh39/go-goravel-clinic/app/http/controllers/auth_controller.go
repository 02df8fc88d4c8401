package controllers

import (
	"github.com/goravel/framework/contracts/http"
	"github.com/goravel/framework/facades"

	"clinic/app/models"
)

type AuthController struct{}

func NewAuthController() *AuthController {
	return &AuthController{}
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Login is public: it is how a token is obtained in the first place.
func (r *AuthController) Login(ctx http.Context) http.Response {
	var req loginRequest
	if err := ctx.Request().Bind(&req); err != nil || req.Email == "" || req.Password == "" {
		return ctx.Response().Json(http.StatusUnprocessableEntity, http.Json{"error": "email and password are required"})
	}
	var user models.User
	if err := facades.Orm().Query().Where("email", req.Email).First(&user); err != nil || user.ID == 0 {
		return ctx.Response().Json(http.StatusUnauthorized, http.Json{"error": "invalid credentials"})
	}
	if !facades.Hash().Check(req.Password, user.Password) {
		return ctx.Response().Json(http.StatusUnauthorized, http.Json{"error": "invalid credentials"})
	}
	token, err := facades.Auth(ctx).Login(&user)
	if err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not issue token"})
	}
	return ctx.Response().Success().Json(http.Json{"token": token})
}

func (r *AuthController) Health(ctx http.Context) http.Response {
	return ctx.Response().Success().Json(http.Json{"status": "ok"})
}
