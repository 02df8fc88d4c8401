package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/northbranch/library-api/graph/model"
)

var ErrNoCopies = errors.New("no copies available")

type Store struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

type BookFilter struct {
	Author        string
	TitleContains string
	AvailableOnly bool
}

const bookCols = `id, isbn, title, author, copies_total, copies_available, cover_path`

func scanBook(row pgx.Row) (*model.Book, error) {
	var b model.Book
	if err := row.Scan(&b.ID, &b.Isbn, &b.Title, &b.Author, &b.CopiesTotal, &b.CopiesAvailable, &b.CoverPath); err != nil {
		return nil, err
	}
	return &b, nil
}

func (s *Store) ListBooks(ctx context.Context, f BookFilter, limit int) ([]*model.Book, error) {
	var (
		where []string
		args  []any
	)
	if f.Author != "" {
		args = append(args, f.Author)
		where = append(where, fmt.Sprintf("author ILIKE $%d", len(args)))
	}
	if f.TitleContains != "" {
		args = append(args, "%"+f.TitleContains+"%")
		where = append(where, fmt.Sprintf("title ILIKE $%d", len(args)))
	}
	if f.AvailableOnly {
		where = append(where, "copies_available > 0")
	}
	q := "SELECT " + bookCols + " FROM books"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY title LIMIT 100"

	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*model.Book
	for rows.Next() {
		b, err := scanBook(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func (s *Store) BookByID(ctx context.Context, id string) (*model.Book, error) {
	b, err := scanBook(s.pool.QueryRow(ctx, "SELECT "+bookCols+" FROM books WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return b, err
}

func (s *Store) InsertBook(ctx context.Context, b *model.Book) (*model.Book, error) {
	return scanBook(s.pool.QueryRow(ctx,
		`INSERT INTO books (isbn, title, author, copies_total, copies_available, cover_path)
		 VALUES ($1, $2, $3, $4, $4, $5) RETURNING `+bookCols,
		b.Isbn, b.Title, b.Author, b.CopiesTotal, b.CoverPath))
}

func (s *Store) MemberByID(ctx context.Context, id string) (*model.Member, error) {
	var m model.Member
	err := s.pool.QueryRow(ctx, `SELECT id, email, name, role, password_hash FROM members WHERE id = $1`, id).
		Scan(&m.ID, &m.Email, &m.Name, &m.Role, &m.PasswordHash)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &m, err
}

func (s *Store) MemberByEmail(ctx context.Context, email string) (*model.Member, error) {
	var m model.Member
	err := s.pool.QueryRow(ctx, `SELECT id, email, name, role, password_hash FROM members WHERE lower(email) = lower($1)`, email).
		Scan(&m.ID, &m.Email, &m.Name, &m.Role, &m.PasswordHash)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &m, err
}

func (s *Store) SetMemberRole(ctx context.Context, id string, role model.Role) (*model.Member, error) {
	if _, err := s.pool.Exec(ctx, `UPDATE members SET role = $2 WHERE id = $1`, id, role); err != nil {
		return nil, err
	}
	return s.MemberByID(ctx, id)
}

func (s *Store) DeleteMember(ctx context.Context, id string) (bool, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM members WHERE id = $1`, id)
	return tag.RowsAffected() == 1, err
}

func (s *Store) Borrow(ctx context.Context, bookID, memberID string, period time.Duration) (*model.Loan, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx) //nolint:errcheck

	tag, err := tx.Exec(ctx, `UPDATE books SET copies_available = copies_available - 1 WHERE id = $1 AND copies_available > 0`, bookID)
	if err != nil {
		return nil, err
	}
	if tag.RowsAffected() == 0 {
		return nil, ErrNoCopies
	}
	var l model.Loan
	err = tx.QueryRow(ctx,
		`INSERT INTO loans (book_id, member_id, borrowed_at, due_at) VALUES ($1, $2, now(), now() + $3::interval)
		 RETURNING id, book_id, member_id, borrowed_at, due_at`,
		bookID, memberID, fmt.Sprintf("%d seconds", int(period.Seconds())),
	).Scan(&l.ID, &l.BookID, &l.MemberID, &l.BorrowedAt, &l.DueAt)
	if err != nil {
		return nil, err
	}
	return &l, tx.Commit(ctx)
}

func (s *Store) LoanByID(ctx context.Context, id string) (*model.Loan, error) {
	var l model.Loan
	err := s.pool.QueryRow(ctx,
		`SELECT id, book_id, member_id, borrowed_at, due_at, returned_at, late_fee_cents FROM loans WHERE id = $1`, id,
	).Scan(&l.ID, &l.BookID, &l.MemberID, &l.BorrowedAt, &l.DueAt, &l.ReturnedAt, &l.LateFeeCents)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &l, err
}

func (s *Store) MarkReturned(ctx context.Context, l *model.Loan, at time.Time) error {
	_, err := s.pool.Exec(ctx, `
		WITH r AS (UPDATE loans SET returned_at = $2 WHERE id = $1 AND returned_at IS NULL RETURNING book_id)
		UPDATE books SET copies_available = copies_available + 1 WHERE id IN (SELECT book_id FROM r)`, l.ID, at)
	return err
}

func (s *Store) ChargeLateFee(ctx context.Context, loanID, memberID string, cents int) error {
	_, err := s.pool.Exec(ctx, `
		WITH f AS (UPDATE loans SET late_fee_cents = $3 WHERE id = $1)
		INSERT INTO member_charges (member_id, loan_id, amount_cents, created_at) VALUES ($2, $1, $3, now())`,
		loanID, memberID, cents)
	return err
}

const loanCols = `id, book_id, member_id, borrowed_at, due_at, returned_at, late_fee_cents`

func (s *Store) queryLoans(ctx context.Context, q string, args ...any) ([]*model.Loan, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*model.Loan, error) {
		var l model.Loan
		err := row.Scan(&l.ID, &l.BookID, &l.MemberID, &l.BorrowedAt, &l.DueAt, &l.ReturnedAt, &l.LateFeeCents)
		return &l, err
	})
}

func (s *Store) OverdueLoans(ctx context.Context) ([]*model.Loan, error) {
	return s.queryLoans(ctx, `SELECT `+loanCols+` FROM loans WHERE returned_at IS NULL AND due_at < now() ORDER BY due_at`)
}

func (s *Store) LoansForMember(ctx context.Context, memberID string) ([]*model.Loan, error) {
	return s.queryLoans(ctx, `SELECT `+loanCols+` FROM loans WHERE member_id = $1 ORDER BY borrowed_at DESC`, memberID)
}

func (s *Store) SearchMembers(ctx context.Context, term string, limit int) ([]*model.Member, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, email, name, role, password_hash FROM members
		 WHERE $1 = '' OR name ILIKE '%' || $1 || '%' OR email ILIKE '%' || $1 || '%'
		 ORDER BY name LIMIT $2`, term, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*model.Member, error) {
		var m model.Member
		err := row.Scan(&m.ID, &m.Email, &m.Name, &m.Role, &m.PasswordHash)
		return &m, err
	})
}
