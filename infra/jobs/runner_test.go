package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"huiguan/app"
	"huiguan/infra/db/dbtest"
	"huiguan/infra/jobs"
	"huiguan/infra/store"
)

func runners(t *testing.T, tg dbtest.Target, job func(ctx context.Context) error, spec string) (*jobs.Runner, *jobs.Runner, *store.Jobs) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	// Two instances: each its own pool on the same database, as two processes would be.
	repoA := store.NewJobs(store.New(tg.Open(t)))
	repoB := store.NewJobs(store.New(tg.Open(t)))
	a := jobs.NewRunner(repoA, app.SystemClock{}, log, "instance-a")
	b := jobs.NewRunner(repoB, app.SystemClock{}, log, "instance-b")
	for _, r := range []*jobs.Runner{a, b} {
		if err := r.Add(jobs.Job{Name: "count", Spec: spec, Timeout: time.Minute, Run: job}); err != nil {
			t.Fatal(err)
		}
	}
	return a, b, repoA
}

// TestTwoRunnersRunASlotOnce fires one slot on two instances at the same
// moment, many times over: each slot runs exactly once.
func TestTwoRunnersRunASlotOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		var runs atomic.Int64
		a, b, repo := runners(t, tg, func(ctx context.Context) error {
			runs.Add(1)
			time.Sleep(5 * time.Millisecond) // long enough for the other instance to try meanwhile
			return nil
		}, "0 0 3 * * *")
		slot0 := time.Date(2026, 3, 1, 19, 0, 0, 0, time.UTC)
		const slots = 10
		for i := 0; i < slots; i++ {
			slot := slot0.AddDate(0, 0, i)
			var wg sync.WaitGroup
			for _, r := range []*jobs.Runner{a, b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := r.RunSlot(context.Background(), "count", slot); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			// A late instance, after the first finished and released the lease, still finds the slot taken.
			if ran, err := b.RunSlot(context.Background(), "count", slot); err != nil || ran {
				t.Fatalf("late instance ran slot %v again (ran=%v, err=%v)", slot, ran, err)
			}
		}
		if got := runs.Load(); got != slots {
			t.Fatalf("ran %d times for %d slots", got, slots)
		}
		list, err := repo.Runs(context.Background(), "count", app.Page{Page: 1, PageSize: 50})
		if err != nil || list.Total != slots || list.Items[0].Status != "ok" || list.Items[0].FinishedAt == nil {
			t.Fatalf("recorded runs: %+v %v", list, err)
		}
	})
}

// TestTwoSchedulersOnOneDatabase lets robfig/cron fire every second on both
// instances for a while: every second's slot runs once in total.
func TestTwoSchedulersOnOneDatabase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		var mu sync.Mutex
		perSecond := map[int64]int{}
		var total atomic.Int64
		a, b, repo := runners(t, tg, func(ctx context.Context) error {
			total.Add(1)
			mu.Lock()
			perSecond[time.Now().Unix()]++
			mu.Unlock()
			return nil
		}, "* * * * * *")
		a.Start()
		b.Start()
		time.Sleep(3200 * time.Millisecond)
		a.Stop()
		b.Stop()
		list, err := repo.Runs(context.Background(), "count", app.Page{Page: 1, PageSize: 200})
		if err != nil {
			t.Fatal(err)
		}
		if total.Load() < 2 || int64(len(list.Items)) != total.Load() {
			t.Fatalf("%d runs executed, %d recorded", total.Load(), len(list.Items))
		}
		slots := map[time.Time]int{}
		for _, r := range list.Items {
			slots[r.Slot]++
			if slots[r.Slot] > 1 {
				t.Fatalf("slot %v ran twice", r.Slot)
			}
		}
	})
}

func TestFailedAndPanickingJobsAreRecorded(t *testing.T) {
	tg := dbtest.SQLite(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	repo := store.NewJobs(store.New(tg.Open(t)))
	r := jobs.NewRunner(repo, app.SystemClock{}, log, "x")
	_ = r.Add(jobs.Job{Name: "boom", Spec: "@daily", Run: func(context.Context) error { panic("bad data") }})
	if _, err := r.RunNow(context.Background(), "boom"); err == nil {
		t.Fatal("a panicking job must report an error")
	}
	list, _ := repo.Runs(context.Background(), "boom", app.Page{Page: 1, PageSize: 10})
	if len(list.Items) != 1 || list.Items[0].Status != "failed" || list.Items[0].Error != "panic: bad data" {
		t.Fatalf("recorded: %+v", list.Items)
	}
	if err := r.Add(jobs.Job{Name: "bad", Spec: "every day", Run: func(context.Context) error { return nil }}); err == nil {
		t.Fatal("a bad cron spec must be refused")
	}
}
