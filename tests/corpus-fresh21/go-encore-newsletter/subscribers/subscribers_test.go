package subscribers

import (
	"context"
	"errors"
	"testing"

	"encore.dev/beta/errs"
	"encore.dev/et"
)

func TestMain(m *testing.M) {
	et.EnableServiceInstanceIsolation()
	m.Run()
}

func mustCode(t *testing.T, err error, want errs.ErrCode) {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != want {
		t.Fatalf("err = %v, want code %v", err, want)
	}
}

func TestSubscribeRejectsBadEmail(t *testing.T) {
	_, err := Subscribe(context.Background(), &SubscribeParams{ListID: "weekly", Email: "not-an-email"})
	mustCode(t, err, errs.InvalidArgument)
}

func TestSubscribeThenConfirm(t *testing.T) {
	ctx := context.Background()
	if _, err := db.Exec(ctx, `INSERT INTO lists (id, name) VALUES ('weekly', 'Weekly') ON CONFLICT DO NOTHING`); err != nil {
		t.Fatal(err)
	}
	resp, err := Subscribe(ctx, &SubscribeParams{ListID: "weekly", Email: "Reader@Example.test"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := byID(ctx, resp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Confirm(ctx, s.ID, s.confirmToken); err != nil {
		t.Fatal(err)
	}
	after, _ := byID(ctx, s.ID)
	if after.Status != "confirmed" {
		t.Fatalf("status = %q", after.Status)
	}
}

func TestConfirmWithWrongToken(t *testing.T) {
	ctx := context.Background()
	_, _ = db.Exec(ctx, `INSERT INTO lists (id, name) VALUES ('weekly', 'Weekly') ON CONFLICT DO NOTHING`)
	resp, err := Subscribe(ctx, &SubscribeParams{ListID: "weekly", Email: "x@example.test"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Confirm(ctx, resp.ID, "wrong")
	mustCode(t, err, errs.PermissionDenied)
}

func TestResubscribeKeepsSingleRow(t *testing.T) {
	ctx := context.Background()
	_, _ = db.Exec(ctx, `INSERT INTO lists (id, name) VALUES ('weekly', 'Weekly') ON CONFLICT DO NOTHING`)
	_, _ = Subscribe(ctx, &SubscribeParams{ListID: "weekly", Email: "twice@example.test"})
	_, _ = Subscribe(ctx, &SubscribeParams{ListID: "weekly", Email: "twice@example.test"})
}
