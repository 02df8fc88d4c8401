package auth

import (
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/nats-io/nats.go/micro"
)

const (
	testSecret  = "test-secret-not-for-production"
	testIssuer  = "https://id.test"
	testService = "test-service-token"
)

type fakeRequest struct {
	headers micro.Headers
	code    string
	called  bool
}

func (f *fakeRequest) Respond([]byte, ...micro.RespondOpt) error {
	return errors.New("fakeRequest.Respond: not used by Require")
}
func (f *fakeRequest) RespondJSON(any, ...micro.RespondOpt) error { return nil }
func (f *fakeRequest) Error(code, _ string, _ []byte, _ ...micro.RespondOpt) error {
	f.code = code
	return nil
}
func (f *fakeRequest) Data() []byte           { return nil }
func (f *fakeRequest) Headers() micro.Headers { return f.headers }
func (f *fakeRequest) Subject() string        { return "tickets.test" }
func (f *fakeRequest) Reply() string          { return "" }

func token(t *testing.T, sub string, role Role, ttl time.Duration) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims{
		Role: role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   sub,
			Issuer:    testIssuer,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
		},
	})
	s, err := tok.SignedString([]byte(testSecret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRequire(t *testing.T) {
	a := New(testSecret, testIssuer, testService)
	cases := []struct {
		name     string
		headers  micro.Headers
		role     Role
		wantCode string
		wantCall bool
	}{
		{"no credentials", micro.Headers{}, RoleCustomer, "401", false},
		{"customer token", micro.Headers{"Authorization": {"Bearer " + token(t, "cus-1", RoleCustomer, time.Hour)}}, RoleCustomer, "", true},
		{"customer on admin endpoint", micro.Headers{"Authorization": {"Bearer " + token(t, "cus-1", RoleCustomer, time.Hour)}}, RoleAdmin, "403", false},
		{"expired token", micro.Headers{"Authorization": {"Bearer " + token(t, "adm", RoleAdmin, -time.Minute)}}, RoleCustomer, "401", false},
		{"service token", micro.Headers{"X-Service-Token": {testService}}, RoleStaff, "", true},
		{"wrong service token", micro.Headers{"X-Service-Token": {"guess"}}, RoleCustomer, "401", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := &fakeRequest{headers: tc.headers}
			a.Require(tc.role, func(micro.Request, Identity) { req.called = true })(req)
			if req.code != tc.wantCode {
				t.Errorf("code = %q, want %q", req.code, tc.wantCode)
			}
			if req.called != tc.wantCall {
				t.Errorf("handler called = %v, want %v", req.called, tc.wantCall)
			}
		})
	}
}
