package app

import "time"

// JobRun is one recorded run of a scheduled job.
type JobRun struct {
	ID         int64
	Job        string
	Slot       time.Time
	Holder     string
	StartedAt  time.Time
	FinishedAt *time.Time
	Status     string // running, ok, failed
	Error      string
}
