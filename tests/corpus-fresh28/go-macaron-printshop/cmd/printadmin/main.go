// printadmin is the operator tool: user management and order maintenance.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"text/tabwriter"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/urfave/cli/v2"
	"golang.org/x/crypto/bcrypt"
)

var version = "dev"

func openDB(c *cli.Context) (*sql.DB, error) {
	return sql.Open("pgx", c.String("database-url"))
}

func createAdmin(c *cli.Context) error {
	db, err := openDB(c)
	if err != nil {
		return err
	}
	defer db.Close()
	hash, err := bcrypt.GenerateFromPassword([]byte(c.String("password")), 12)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(c.Context,
		`INSERT INTO users (email, password_hash, is_admin) VALUES ($1, $2, true)
		 ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, is_admin = true`,
		c.String("email"), hash)
	if err != nil {
		return fmt.Errorf("create admin: %w", err)
	}
	fmt.Fprintf(c.App.Writer, "admin %s ready\n", c.String("email"))
	return nil
}

func listStuck(c *cli.Context) error {
	db, err := openDB(c)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(c.Context, 30*time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx,
		`SELECT id, status, created_at FROM orders
		 WHERE status IN ('new', 'submit_failed') AND created_at < now() - $1::interval ORDER BY id`,
		c.Duration("older-than").String())
	if err != nil {
		return err
	}
	defer rows.Close()
	w := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tSTATUS\tCREATED")
	for rows.Next() {
		var id int64
		var status string
		var created time.Time
		if err := rows.Scan(&id, &status, &created); err != nil {
			return err
		}
		fmt.Fprintf(w, "%d\t%s\t%s\n", id, status, created.Format(time.RFC3339))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return w.Flush()
}

// printVersion has the cli.ActionFunc signature; it needs nothing from the context.
func printVersion(_ *cli.Context) error {
	fmt.Println("printadmin", version)
	return nil
}

func newApp() *cli.App {
	dbFlag := &cli.StringFlag{
		Name:    "database-url",
		EnvVars: []string{"DATABASE_URL"},
		Value:   "postgres://localhost:5432/printshop_dev?sslmode=disable",
		Usage:   "Postgres DSN",
	}
	return &cli.App{
		Name:  "printadmin",
		Usage: "operate the printshop backend",
		Flags: []cli.Flag{dbFlag},
		Commands: []*cli.Command{
			{
				Name:   "create-admin",
				Usage:  "create or promote an admin user",
				Flags:  []cli.Flag{&cli.StringFlag{Name: "email", Required: true}, &cli.StringFlag{Name: "password", Required: true}},
				Action: createAdmin,
			},
			{
				Name:   "list-stuck",
				Usage:  "orders that never reached PrintCo",
				Flags:  []cli.Flag{&cli.DurationFlag{Name: "older-than", Value: time.Hour}},
				Action: listStuck,
			},
			{
				Name:  "reprice",
				Usage: "re-quote open orders after a PrintCo price change",
				Flags: []cli.Flag{&cli.BoolFlag{Name: "apply"}},
				Action: func(c *cli.Context) error {
					panic("not implemented")
				},
			},
			{Name: "version", Usage: "print the version", Action: printVersion},
		},
	}
}

func main() {
	if err := newApp().Run(os.Args); err != nil {
		log.Fatal(err)
	}
}
