package middleware

import (
	"encoding/json"
	"net/http"

	"github.com/zeromicro/go-zero/rest/httpx"
)

type AdminOnlyMiddleware struct{}

func NewAdminOnlyMiddleware() *AdminOnlyMiddleware {
	return &AdminOnlyMiddleware{}
}

// Handle requires the JWT "role" claim (placed in the context by rest.WithJwt) to be "admin".
func (m *AdminOnlyMiddleware) Handle(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		role, _ := r.Context().Value("role").(json.Number)
		if role.String() != "admin" {
			httpx.WriteJsonCtx(r.Context(), w, http.StatusForbidden, map[string]string{"error": "admin role required"})
			return
		}
		next(w, r)
	}
}
