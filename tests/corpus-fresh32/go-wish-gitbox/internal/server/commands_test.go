package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/testsession"
	gossh "golang.org/x/crypto/ssh"

	"github.com/lattice-labs/gitbox/internal/auth"
	"github.com/lattice-labs/gitbox/internal/config"
	"github.com/lattice-labs/gitbox/internal/store"
	"github.com/lattice-labs/gitbox/internal/web"
)

const adminPassword = "correct-horse-battery-staple-test"

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

func setup(t *testing.T) (*ssh.Server, *store.Store, gossh.Signer) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "gitbox.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	signer := newSigner(t)
	ctx := context.Background()
	if err := st.AddUser(ctx, "test", "alice", store.RoleMember); err != nil {
		t.Fatal(err)
	}
	if err := st.AddKey(ctx, "test", "alice", string(gossh.MarshalAuthorizedKey(signer.PublicKey()))); err != nil {
		t.Fatal(err)
	}

	logger := log.New(io.Discard)
	cfg := &config.Config{RepoRoot: filepath.Join(dir, "repos"), AdminPassword: adminPassword}
	app := &App{Store: st, Config: cfg, Notifier: web.NewNotifier("http://127.0.0.1:9", "test-webhook-secret", logger), Logger: logger}
	authn := &auth.Authenticator{Store: st, AdminPassword: adminPassword, Logger: logger}
	srv, err := wish.NewServer(
		wish.WithPublicKeyAuth(authn.PublicKeyHandler),
		wish.WithPasswordAuth(authn.PasswordHandler),
		wish.WithMiddleware(Router(app), RequireUser()),
	)
	if err != nil {
		t.Fatal(err)
	}
	return srv, st, signer
}

func run(t *testing.T, srv *ssh.Server, user string, method gossh.AuthMethod, cmd string) (string, error) {
	t.Helper()
	sess := testsession.New(t, srv, &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{method},
		// testsession starts the server with a throwaway host key on 127.0.0.1.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	var out bytes.Buffer
	sess.Stdout = &out
	sess.Stderr = &out
	err := sess.Run(cmd)
	return out.String(), err
}

func requireOutput(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Fatalf("output %q does not contain %q", got, want)
	}
}

func TestWhoami(t *testing.T) {
	srv, _, signer := setup(t)
	out, err := run(t, srv, "alice", gossh.PublicKeys(signer), "whoami")
	if err != nil {
		t.Fatal(err)
	}
	requireOutput(t, out, "alice (member)")
}

func TestRepoCreate(t *testing.T) {
	srv, _, signer := setup(t)
	run(t, srv, "alice", gossh.PublicKeys(signer), "repo-create demo")
}

func TestUserAddRequiresAdmin(t *testing.T) {
	srv, st, signer := setup(t)
	out, err := run(t, srv, "alice", gossh.PublicKeys(signer), "user-add mallory admin")
	if err == nil {
		t.Fatal("expected non-zero exit")
	}
	requireOutput(t, out, "permission denied")
	if _, err := st.User(context.Background(), "mallory"); err != store.ErrNotFound {
		t.Fatalf("mallory should not exist, got err=%v", err)
	}
}

func TestBreakGlassAdminCanAddUsers(t *testing.T) {
	srv, st, _ := setup(t)
	out, err := run(t, srv, "admin", gossh.Password(adminPassword), "user-add bob member")
	if err != nil {
		t.Fatalf("user-add failed: %v (%s)", err, out)
	}
	u, err := st.User(context.Background(), "bob")
	if err != nil || u.Role != store.RoleMember {
		t.Fatalf("bob not created as member: %+v, %v", u, err)
	}
}
