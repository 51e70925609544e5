package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm/clause"

	"huiguan/app"
	"huiguan/domain/errs"
)

type jobLeaseRecord struct {
	Name   string `gorm:"primaryKey"`
	Holder string
	Until  time.Time
}

func (jobLeaseRecord) TableName() string { return "job_leases" }

type jobRunRecord struct {
	ID         int64 `gorm:"primaryKey"`
	Job        string
	Slot       time.Time
	Holder     string
	StartedAt  time.Time
	FinishedAt *time.Time
	Status     string
	Error      string
}

func (jobRunRecord) TableName() string { return "job_runs" }

// Jobs stores job leases and runs.
type Jobs struct{ s *Store }

// NewJobs returns the jobs repository.
func NewJobs(s *Store) *Jobs { return &Jobs{s: s} }

// AcquireLease takes the named lease for holder until now+ttl, when it is
// free, expired or already held by holder.
func (r *Jobs) AcquireLease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (bool, error) {
	db := r.s.conn(ctx)
	if err := db.Clauses(clause.OnConflict{DoNothing: true}).
		Create(&jobLeaseRecord{Name: name, Holder: "", Until: time.Unix(0, 0).UTC()}).Error; err != nil {
		return false, translate(err)
	}
	res := db.Model(&jobLeaseRecord{}).
		Where("name = ? AND (until < ? OR holder = ?)", name, now, holder).
		Updates(map[string]any{"holder": holder, "until": now.Add(ttl)})
	if res.Error != nil {
		return false, translate(res.Error)
	}
	return res.RowsAffected == 1, nil
}

// ReleaseLease frees the lease if holder still has it.
func (r *Jobs) ReleaseLease(ctx context.Context, name, holder string) error {
	return translate(r.s.conn(ctx).Model(&jobLeaseRecord{}).Where("name = ? AND holder = ?", name, holder).
		Updates(map[string]any{"holder": "", "until": time.Unix(0, 0).UTC()}).Error)
}

// ClaimRun records the run of job for one schedule slot; the unique
// (job, slot) index lets exactly one instance claim it.
func (r *Jobs) ClaimRun(ctx context.Context, job string, slot time.Time, holder string, now time.Time) (int64, bool, error) {
	rec := jobRunRecord{Job: job, Slot: slot.UTC(), Holder: holder, StartedAt: now, Status: "running"}
	err := translate(r.s.conn(ctx).Create(&rec).Error)
	if errors.Is(err, errs.ErrConflict) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return rec.ID, true, nil
}

// FinishRun records the outcome of a run.
func (r *Jobs) FinishRun(ctx context.Context, id int64, now time.Time, runErr error) error {
	status, msg := "ok", ""
	if runErr != nil {
		status, msg = "failed", runErr.Error()
	}
	return translate(r.s.conn(ctx).Model(&jobRunRecord{}).Where("id = ?", id).
		Updates(map[string]any{"finished_at": now, "status": status, "error": msg}).Error)
}

// Runs lists runs, newest first, optionally of one job.
func (r *Jobs) Runs(ctx context.Context, job string, p app.Page) (app.List[app.JobRun], error) {
	q := r.s.conn(ctx).Model(&jobRunRecord{})
	if job != "" {
		q = q.Where("job = ?", job)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[app.JobRun]{}, translate(err)
	}
	var recs []jobRunRecord
	if err := q.Order("id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[app.JobRun]{}, translate(err)
	}
	out := app.List[app.JobRun]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]app.JobRun, len(recs))}
	for i, rec := range recs {
		out.Items[i] = app.JobRun{ID: rec.ID, Job: rec.Job, Slot: rec.Slot.UTC(), Holder: rec.Holder,
			StartedAt: rec.StartedAt.UTC(), FinishedAt: utcPtr(rec.FinishedAt), Status: rec.Status, Error: rec.Error}
	}
	return out, nil
}
