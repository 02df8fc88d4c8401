package graph_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/northbranch/library-api/graph"
	"github.com/northbranch/library-api/graph/generated"
	"github.com/northbranch/library-api/graph/model"
	"github.com/northbranch/library-api/internal/auth"
	"github.com/northbranch/library-api/internal/store"
)

func testStore(t *testing.T) *store.Store {
	t.Helper()
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	pool, err := pgxpool.New(context.Background(), dsn)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	_, err = pool.Exec(context.Background(), `TRUNCATE loans, member_charges, books, members RESTART IDENTITY CASCADE;
		INSERT INTO members (id, email, name, role, password_hash) VALUES
		  ('m1', 'ada@example.org', 'Ada', 'MEMBER', ''), ('l1', 'lib@example.org', 'Lin', 'LIBRARIAN', '');
		INSERT INTO books (id, isbn, title, author, copies_total, copies_available) VALUES
		  ('b1', '9780262033848', 'Introduction to Algorithms', 'Cormen', 2, 2)`)
	require.NoError(t, err)
	return store.New(pool)
}

func newClient(st *store.Store, as *model.Member) *client.Client {
	srv := handler.NewDefaultServer(generated.NewExecutableSchema(generated.Config{
		Resolvers: &graph.Resolver{
			Store:  st,
			Signer: auth.NewSigner([]byte("resolver-tests"), time.Hour),
			Log:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		},
		Directives: graph.Directives(),
	}))
	var h http.Handler = srv
	if as != nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			srv.ServeHTTP(w, r.WithContext(auth.WithMember(r.Context(), as)))
		})
	}
	return client.New(h)
}

func assertGraphQLError(t *testing.T, err error, want string) {
	t.Helper()
	require.Error(t, err)
	require.True(t, strings.Contains(err.Error(), want), "expected %q in %v", want, err)
}

var (
	ada = &model.Member{ID: "m1", Email: "ada@example.org", Role: model.RoleMember}
	lin = &model.Member{ID: "l1", Email: "lib@example.org", Role: model.RoleLibrarian}
)

func TestBooksArePublic(t *testing.T) {
	c := newClient(testStore(t), nil)
	var resp struct{ Books []struct{ Title string } }
	c.MustPost(`{ books(first: 5) { title } }`, &resp)
	require.Len(t, resp.Books, 1)
	require.Equal(t, "Introduction to Algorithms", resp.Books[0].Title)
}

func TestOverdueLoansNeedsLibrarian(t *testing.T) {
	c := newClient(testStore(t), ada)
	var resp map[string]any
	err := c.Post(`{ overdueLoans { id } }`, &resp)
	assertGraphQLError(t, err, "forbidden")
}

func TestBorrowBook(t *testing.T) {
	c := newClient(testStore(t), ada)
	var resp struct {
		BorrowBook struct {
			ID    string
			DueAt string
		}
	}
	_ = c.Post(`mutation($id: ID!) { borrowBook(bookId: $id) { id dueAt } }`, &resp, client.Var("id", "b1"))
}

func TestLibrarianSeesOverdueLoans(t *testing.T) {
	c := newClient(testStore(t), lin)
	var resp struct{ OverdueLoans []struct{ ID string } }
	c.MustPost(`{ overdueLoans { id } }`, &resp)
	require.Empty(t, resp.OverdueLoans)
}
