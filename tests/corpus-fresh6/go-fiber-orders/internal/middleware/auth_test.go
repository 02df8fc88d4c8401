package middleware

import (
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/stretchr/testify/assert"
)

func TestRequireInternalKey(t *testing.T) {
	cases := []struct {
		name   string
		key    string
		header string
		want   int
	}{
		{"matching key", "k-123", "k-123", fiber.StatusOK},
		{"wrong key", "k-123", "nope", fiber.StatusUnauthorized},
		{"unset key refuses everything", "", "", fiber.StatusUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := fiber.New()
			app.Get("/", RequireInternalKey(tc.key), func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusOK) })
			req := httptest.NewRequest("GET", "/", nil)
			if tc.header != "" {
				req.Header.Set("X-Internal-Key", tc.header)
			}
			resp, err := app.Test(req, -1)
			if assert.NoError(t, err) {
				assert.Equal(t, tc.want, resp.StatusCode)
			}
		})
	}
}
