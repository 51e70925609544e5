package store_test

import (
	"context"
	"testing"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/infra/db/dbtest"
	"huiguan/infra/store"
	"huiguan/testkit"
)

func newAudit(t *testing.T, tg dbtest.Target) (*audit.Log, *store.Store, func(sql string, args ...any)) {
	d := tg.Open(t)
	st := store.New(d)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := d.Gorm.Exec(sql, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	return audit.NewLog(store.NewAudit(st), st, app.SystemClock{}), st, exec
}

func record(t *testing.T, l *audit.Log, n int) {
	t.Helper()
	ctx := app.WithPrincipal(context.Background(), app.Principal{UserID: 1, Username: "admin", RequestID: "r1", IP: "10.0.0.1"})
	for i := 1; i <= n; i++ {
		err := l.Record(ctx, audit.Change{Action: "member.update", Entity: "member", EntityID: int64(i),
			Before: map[string]any{"name": "旧名称"}, After: map[string]any{"name": "新名称", "fee_fen": int64(120000)}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestAuditVerifyCatchesTampering edits stored rows directly, as someone
// with database access would, and shows verify naming the first broken entry.
func TestAuditVerifyCatchesTampering(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		l, _, exec := newAudit(t, tg)
		record(t, l, 6)
		ctx := context.Background()
		res, err := l.Verify(ctx)
		if err != nil || !res.OK || res.Checked != 6 {
			t.Fatalf("intact: %+v %v", res, err)
		}

		exec("UPDATE audit_entries SET after = ? WHERE seq = 4", `{"fee_fen":1,"name":"新名称"}`)
		res, err = l.Verify(ctx)
		if err != nil || res.OK || res.Break.Seq != 4 || res.Break.Reason != "hash_mismatch" || res.Checked != 3 {
			t.Fatalf("edited entry 4: %+v %+v %v", res, res.Break, err)
		}
	})
}

func TestAuditVerifyCatchesDeletion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		l, _, exec := newAudit(t, tg)
		record(t, l, 5)
		exec("DELETE FROM audit_entries WHERE seq = 5")
		res, err := l.Verify(context.Background())
		if err != nil || res.OK || res.Break.Reason != "truncated" {
			t.Fatalf("deleted newest entry: %+v %v", res, err)
		}
		exec("DELETE FROM audit_entries WHERE seq = 2")
		res, _ = l.Verify(context.Background())
		if res.OK || res.Break.Seq != 3 || res.Break.Reason != "seq_gap" {
			t.Fatalf("deleted entry 2: %+v", res.Break)
		}
	})
}

// TestAuditIsWrittenWithTheChange shows the entry rolls back with its
// transaction: no audit for a change that did not happen.
func TestAuditIsWrittenWithTheChange(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		l, st, _ := newAudit(t, tg)
		ctx := testkit.Ctx()
		errBoom := context.Canceled
		err := st.Do(ctx, func(ctx context.Context) error {
			if err := l.Record(ctx, audit.Change{Action: "x", Entity: "y", EntityID: 1}); err != nil {
				return err
			}
			return errBoom
		})
		if err != errBoom {
			t.Fatalf("err = %v", err)
		}
		record(t, l, 1)
		res, _ := l.Verify(ctx)
		if !res.OK || res.Checked != 1 {
			t.Fatalf("rolled-back entry left a trace: %+v", res)
		}
	})
}

// TestAuditChainUnderConcurrency appends from many goroutines: the head
// lock must keep one unbroken chain.
func TestAuditChainUnderConcurrency(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		l, _, _ := newAudit(t, tg)
		done := make(chan error, 8)
		for g := 0; g < 8; g++ {
			go func() {
				var err error
				for i := 0; i < 10 && err == nil; i++ {
					err = l.Record(testkit.Ctx(), audit.Change{Action: "a", Entity: "e", EntityID: int64(i)})
				}
				done <- err
			}()
		}
		for g := 0; g < 8; g++ {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		res, err := l.Verify(context.Background())
		if err != nil || !res.OK || res.Checked != 80 {
			t.Fatalf("after concurrent appends: %+v %+v %v", res, res.Break, err)
		}
	})
}
