// Package jobs runs scheduled jobs with robfig/cron. Every instance of the
// server schedules every job; before a job runs, its instance claims the
// schedule slot in the database (a unique row per job and slot) and takes
// the job's lease, so N instances on one database run each slot once and
// never two runs of one job at the same time.
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/robfig/cron/v3"

	"huiguan/app"
	"huiguan/infra/store"
)

// Job is one scheduled use case.
type Job struct {
	Name    string
	Spec    string // cron spec with seconds: "0 30 2 * * *"
	Timeout time.Duration
	Run     func(ctx context.Context) error
}

// Runner schedules jobs and records their runs.
type Runner struct {
	cron   *cron.Cron
	repo   *store.Jobs
	clock  app.Clock
	log    *slog.Logger
	holder string
	parser cron.Parser
	jobs   map[string]scheduled
}

type scheduled struct {
	job   Job
	sched cron.Schedule
}

// Shanghai is the zone the association's schedules are written in.
func Shanghai() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600) // no tzdata: China has no DST
	}
	return loc
}

// NewRunner builds a runner; holder names this instance in leases and runs.
func NewRunner(repo *store.Jobs, clock app.Clock, log *slog.Logger, holder string) *Runner {
	if holder == "" {
		host, _ := os.Hostname()
		holder = fmt.Sprintf("%s-%d-%d", host, os.Getpid(), time.Now().UnixNano()%1_000_000)
	}
	parser := cron.NewParser(cron.Second | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
	return &Runner{
		cron: cron.New(cron.WithParser(parser), cron.WithLocation(Shanghai())),
		repo: repo, clock: clock, log: log, holder: holder, parser: parser, jobs: map[string]scheduled{},
	}
}

// Add schedules a job.
func (r *Runner) Add(j Job) error {
	if _, dup := r.jobs[j.Name]; dup {
		return fmt.Errorf("jobs: %q added twice", j.Name)
	}
	sched, err := r.parser.Parse(j.Spec)
	if err != nil {
		return fmt.Errorf("jobs: %s: bad spec %q: %w", j.Name, j.Spec, err)
	}
	r.jobs[j.Name] = scheduled{job: j, sched: sched}
	_, err = r.cron.AddFunc(j.Spec, func() {
		slot := r.slotAt(sched, r.clock.Now())
		if _, err := r.RunSlot(context.Background(), j.Name, slot); err != nil {
			r.log.Error("job failed", "job", j.Name, "slot", slot, "err", err)
		}
	})
	return err
}

// slotSkew absorbs clock differences between instances: an instance that
// fires up to this late still names the same slot as the others.
const slotSkew = 30 * time.Second

// slotAt names the schedule activation that a firing at now belongs to.
func (r *Runner) slotAt(sched cron.Schedule, now time.Time) time.Time {
	return sched.Next(now.Add(-slotSkew).In(Shanghai())).UTC()
}

// Start begins scheduling; Stop waits for running jobs.
func (r *Runner) Start() { r.cron.Start() }

// Stop stops scheduling and waits for running jobs to end.
func (r *Runner) Stop() { <-r.cron.Stop().Done() }

// RunSlot runs the job for one slot unless another instance claimed it or
// holds the job's lease; it reports whether this instance ran it.
func (r *Runner) RunSlot(ctx context.Context, name string, slot time.Time) (bool, error) {
	s, ok := r.jobs[name]
	if !ok {
		return false, fmt.Errorf("jobs: unknown job %q", name)
	}
	timeout := s.job.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Minute
	}
	now := r.clock.Now()
	// The lease outlives the timeout a little so a hung run cannot overlap.
	got, err := r.repo.AcquireLease(ctx, name, r.holder, now, timeout+time.Minute)
	if err != nil || !got {
		return false, err
	}
	defer func() {
		if err := r.repo.ReleaseLease(context.Background(), name, r.holder); err != nil {
			r.log.Error("job lease release failed", "job", name, "err", err)
		}
	}()
	id, claimed, err := r.repo.ClaimRun(ctx, name, slot, r.holder, now)
	if err != nil || !claimed {
		return false, err
	}
	runCtx, cancel := context.WithTimeout(app.WithPrincipal(ctx, app.System("job:"+name)), timeout)
	defer cancel()
	runErr := safeRun(runCtx, s.job.Run)
	if err := r.repo.FinishRun(context.Background(), id, r.clock.Now(), runErr); err != nil {
		return true, err
	}
	if runErr != nil {
		return true, fmt.Errorf("jobs: %s: %w", name, runErr)
	}
	r.log.Info("job ran", "job", name, "slot", slot)
	return true, nil
}

// RunNow runs a job outside its schedule (an operator's request); the slot
// is the current second, so it never collides with a scheduled slot.
func (r *Runner) RunNow(ctx context.Context, name string) (bool, error) {
	return r.RunSlot(ctx, name, r.clock.Now().Truncate(time.Second))
}

// safeRun turns a panic in a job into its run's error, so one bad job does
// not take the server down.
func safeRun(ctx context.Context, fn func(context.Context) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return fn(ctx)
}
