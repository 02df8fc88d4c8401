package middleware

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"
)

const testSecret = "unit-test-secret"

func sign(t *testing.T, roles ...string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{
		TenantID: "t1",
		Roles:    roles,
		RegisteredClaims: jwt.RegisteredClaims{
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Minute)),
		},
	})
	s, err := tok.SignedString([]byte(testSecret))
	require.NoError(t, err)
	return s
}

func assertStatus(t *testing.T, r http.Handler, req *http.Request, want int) {
	t.Helper()
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	require.Equal(t, want, w.Code, w.Body.String())
}

func router(mw ...gin.HandlerFunc) *gin.Engine {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.GET("/x", append(mw, func(c *gin.Context) { c.Status(http.StatusOK) })...)
	return r
}

func TestRequireJWT_GuardRejectsMissingToken(t *testing.T) {
	assertStatus(t, router(RequireJWT(testSecret)), httptest.NewRequest(http.MethodGet, "/x", nil), http.StatusUnauthorized)
}

func TestRequireJWT_AcceptsValidToken(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	req.Header.Set("Authorization", "Bearer "+sign(t))
	assertStatus(t, router(RequireJWT(testSecret)), req, http.StatusOK)
}

func TestRequireRole(t *testing.T) {
	cases := map[string]struct {
		roles []string
		want  int
	}{
		"admin allowed":   {[]string{"admin"}, http.StatusOK},
		"support allowed": {[]string{"support", "viewer"}, http.StatusOK},
		"viewer denied":   {[]string{"viewer"}, http.StatusForbidden},
		"no roles denied": {nil, http.StatusForbidden},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/x", nil)
			req.Header.Set("Authorization", "Bearer "+sign(t, tc.roles...))
			assertStatus(t, router(RequireJWT(testSecret), RequireRole("admin", "support")), req, tc.want)
		})
	}
}

func TestAPIKeyAuth(t *testing.T) {
	for _, tc := range []struct {
		key, header string
		want        int
	}{
		{"k", "k", http.StatusOK},
		{"k", "wrong", http.StatusUnauthorized},
		{"", "", http.StatusUnauthorized},
	} {
		req := httptest.NewRequest(http.MethodGet, "/x", nil)
		req.Header.Set("X-Internal-Key", tc.header)
		assertStatus(t, router(APIKeyAuth(tc.key)), req, tc.want)
	}
}
