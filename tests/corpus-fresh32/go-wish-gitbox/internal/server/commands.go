package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	"github.com/charmbracelet/wish/bubbletea"

	"github.com/lattice-labs/gitbox/internal/auth"
	"github.com/lattice-labs/gitbox/internal/config"
	"github.com/lattice-labs/gitbox/internal/store"
	"github.com/lattice-labs/gitbox/internal/tui"
	"github.com/lattice-labs/gitbox/internal/web"
)

var repoName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}$`)

type App struct {
	Store    *store.Store
	Config   *config.Config
	Notifier *web.Notifier
	Logger   *log.Logger
}

// noop ends the TUI chain; bubbletea.Middleware calls the next handler after the program exits.
func noop(ssh.Session) {}

// Router sends interactive sessions without a command to the admin TUI and everything else to Dispatch.
func Router(app *App) wish.Middleware {
	admin := bubbletea.Middleware(tui.Handler(app.Store))(noop)
	admin = activeterm.Middleware()(admin)
	admin = RequireRole(store.RoleAdmin)(admin)

	return func(next ssh.Handler) ssh.Handler {
		return func(s ssh.Session) {
			if len(s.Command()) == 0 {
				admin(s)
				return
			}
			app.Dispatch(s)
			next(s)
		}
	}
}

func (app *App) canManage(ctx context.Context, u *store.User, repo string) (*store.Repo, bool) {
	r, err := app.Store.Repo(ctx, repo)
	if err != nil {
		return nil, false
	}
	return r, u.Role == store.RoleAdmin || r.Owner == u.Name
}

func (app *App) Dispatch(s ssh.Session) {
	ctx := s.Context()
	user := auth.UserFrom(ctx)
	args := s.Command()
	out := s

	switch args[0] {
	// whoami and help only echo the caller's own identity and static text.
	case "whoami":
		wish.Printf(out, "%s (%s)\n", user.Name, user.Role)

	case "help":
		io.WriteString(out, usage)

	case "repo-list":
		repos, err := app.Store.ReposVisibleTo(ctx, user.Name)
		if err != nil {
			wish.Fatalln(s, "listing repositories failed")
			return
		}
		for _, r := range repos {
			vis := "public"
			if r.Private {
				vis = "private"
			}
			wish.Printf(out, "%-32s %-12s %s\n", r.Name, r.Owner, vis)
		}

	case "repo-create":
		fs := flag.NewFlagSet("repo-create", flag.ContinueOnError)
		fs.SetOutput(s.Stderr())
		public := fs.Bool("public", false, "make the repository readable by everyone")
		if err := fs.Parse(args[1:]); err != nil || fs.NArg() != 1 || !repoName.MatchString(fs.Arg(0)) {
			wish.Fatalln(s, "usage: repo-create [--public] <name>")
			return
		}
		repo, err := app.Store.CreateRepo(ctx, user.Name, fs.Arg(0), !*public)
		if err != nil {
			wish.Fatalln(s, "create failed:", err)
			return
		}
		if err := os.MkdirAll(filepath.Join(app.Config.RepoRoot, repo.Name+".git"), 0o750); err != nil {
			wish.Fatalln(s, "create failed:", err)
			return
		}
		app.Notifier.Enqueue(web.Event{Type: "repo.created", Repo: repo.Name, Actor: user.Name})
		wish.Printf(out, "created %s\ndeploy token: %s\n", repo.Name, repo.DeployToken)

	case "repo-delete":
		if len(args) != 2 {
			wish.Fatalln(s, "usage: repo-delete <name>")
			return
		}
		if _, ok := app.canManage(ctx, user, args[1]); !ok {
			wish.Fatalln(s, "permission denied")
			return
		}
		if err := app.Store.DeleteRepo(ctx, user.Name, args[1]); err != nil {
			wish.Fatalln(s, "delete failed:", err)
			return
		}
		os.RemoveAll(filepath.Join(app.Config.RepoRoot, args[1]+".git"))
		wish.Println(out, "deleted", args[1])

	case "repo-rename":
		wish.Fatalln(s, "repo-rename: not implemented yet")

	case "collab-add":
		if len(args) != 3 {
			wish.Fatalln(s, "usage: collab-add <repo> <user>")
			return
		}
		if _, ok := app.canManage(ctx, user, args[1]); !ok {
			wish.Fatalln(s, "permission denied")
			return
		}
		if err := app.Store.AddCollaborator(ctx, user.Name, args[1], args[2]); err != nil {
			wish.Fatalln(s, "collab-add failed:", err)
			return
		}
		wish.Println(out, "added", args[2], "to", args[1])

	case "key-add":
		if len(args) < 3 {
			wish.Fatalln(s, "usage: key-add <user> <authorized_key...>")
			return
		}
		key, err := auth.NormalizeAuthorizedKey(strings.Join(args[2:], " "))
		if err != nil {
			wish.Fatalln(s, "invalid key:", err)
			return
		}
		if err := app.Store.AddKey(ctx, user.Name, args[1], key); err != nil {
			wish.Fatalln(s, "key-add failed:", err)
			return
		}
		wish.Println(out, "key added for", args[1])

	case "user-add":
		if user.Role != store.RoleAdmin {
			wish.Fatalln(s, "permission denied")
			return
		}
		if len(args) != 3 || (args[2] != store.RoleAdmin && args[2] != store.RoleMember) {
			wish.Fatalln(s, "usage: user-add <name> admin|member")
			return
		}
		if err := app.Store.AddUser(ctx, user.Name, args[1], args[2]); err != nil {
			wish.Fatalln(s, "user-add failed:", err)
			return
		}
		wish.Println(out, "user", args[1], "created")

	default:
		wish.Fatalln(s, fmt.Sprintf("unknown command %q, try help", args[0]))
	}
}

var usage = strings.TrimSpace(`
commands:
  whoami                         show who you are
  repo-list                      list repositories you can see
  repo-create [--public] <name>  create a repository
  repo-delete <name>             delete a repository you own
  repo-rename <old> <new>        rename a repository you own
  collab-add <repo> <user>       give a user push access
  key-add <user> <key>           register an SSH key
  user-add <name> admin|member   create a user (admins only)
`) + "\n"
