package middleware

import (
	"context"
	"crypto/subtle"
	"strings"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/common/hlog"
	"github.com/cloudwego/hertz/pkg/common/utils"
	"github.com/cloudwego/hertz/pkg/protocol/consts"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

const CustomerIDKey = "customer_id"

// Auth accepts either a customer JWT or a service key in X-Service-Key.
func Auth(jwtSecret string, serviceKeys []string) app.HandlerFunc {
	return func(ctx context.Context, c *app.RequestContext) {
		if key := string(c.GetHeader("X-Service-Key")); key != "" {
			for _, k := range serviceKeys {
				if subtle.ConstantTimeCompare([]byte(key), []byte(k)) == 1 {
					c.Set("service", true)
					c.Next(ctx)
					return
				}
			}
			c.AbortWithStatusJSON(consts.StatusUnauthorized, utils.H{"error": "invalid service key"})
			return
		}

		raw := strings.TrimPrefix(string(c.GetHeader("Authorization")), "Bearer ")
		token, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
			return []byte(jwtSecret), nil
		}, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil || !token.Valid {
			hlog.CtxDebugf(ctx, "rejecting token: %v", err)
			c.AbortWithStatusJSON(consts.StatusUnauthorized, utils.H{"error": "unauthorized"})
			return
		}
		sub, _ := token.Claims.GetSubject()
		c.Set(CustomerIDKey, sub)
		c.Next(ctx)
	}
}

// RequestID tags every request with an id for log correlation.
func RequestID() app.HandlerFunc {
	return func(ctx context.Context, c *app.RequestContext) {
		id := string(c.GetHeader("X-Request-ID"))
		if id == "" {
			id = uuid.NewString()
		}
		c.Header("X-Request-ID", id)
		c.Next(ctx)
	}
}
