package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	appidentity "huiguan/app/identity"
)

type sessionRecord struct {
	IDHash     string `gorm:"primaryKey"`
	UserID     int64
	CSRFToken  string `gorm:"column:csrf_token"`
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

func (sessionRecord) TableName() string { return "sessions" }

// Sessions stores login sessions in the database, so every instance of the
// server sees the same sessions.
type Sessions struct{ s *Store }

// NewSessions returns the session repository.
func NewSessions(s *Store) *Sessions { return &Sessions{s: s} }

var _ appidentity.Sessions = (*Sessions)(nil)

// Create stores a session.
func (r *Sessions) Create(ctx context.Context, s appidentity.Session) error {
	rec := sessionRecord(s)
	return translate(r.s.conn(ctx).Create(&rec).Error)
}

// Get loads a session by its hash.
func (r *Sessions) Get(ctx context.Context, idHash string) (appidentity.Session, error) {
	var rec sessionRecord
	if err := r.s.conn(ctx).Where("id_hash = ?", idHash).Take(&rec).Error; err != nil {
		return appidentity.Session{}, translate(err)
	}
	s := appidentity.Session(rec)
	s.CreatedAt, s.LastSeenAt, s.ExpiresAt = s.CreatedAt.UTC(), s.LastSeenAt.UTC(), s.ExpiresAt.UTC()
	return s, nil
}

// Touch moves the last-seen time.
func (r *Sessions) Touch(ctx context.Context, idHash string, at time.Time) error {
	return translate(r.s.conn(ctx).Model(&sessionRecord{}).Where("id_hash = ?", idHash).Update("last_seen_at", at).Error)
}

// Delete removes one session.
func (r *Sessions) Delete(ctx context.Context, idHash string) error {
	return translate(r.s.conn(ctx).Where("id_hash = ?", idHash).Delete(&sessionRecord{}).Error)
}

// DeleteForUser removes every session of a user.
func (r *Sessions) DeleteForUser(ctx context.Context, userID int64) error {
	return translate(r.s.conn(ctx).Where("user_id = ?", userID).Delete(&sessionRecord{}).Error)
}

// DeleteExpired removes sessions past their absolute or idle expiry.
func (r *Sessions) DeleteExpired(ctx context.Context, idleBefore, now time.Time) (int64, error) {
	res := r.s.conn(ctx).Where("expires_at <= ? OR last_seen_at <= ?", now, idleBefore).Delete(&sessionRecord{})
	return res.RowsAffected, translate(res.Error)
}

type throttleRecord struct {
	Key         string `gorm:"primaryKey"`
	Failures    int
	WindowStart time.Time
}

func (throttleRecord) TableName() string { return "login_throttle" }

// Throttle counts login failures per key in fixed windows.
type Throttle struct{ s *Store }

// NewThrottle returns the throttle repository.
func NewThrottle(s *Store) *Throttle { return &Throttle{s: s} }

var _ appidentity.Throttle = (*Throttle)(nil)

// Fail counts one failure and returns the count in the current window.
func (r *Throttle) Fail(ctx context.Context, key string, now time.Time, window time.Duration) (int, error) {
	var n int
	err := r.s.Do(ctx, func(ctx context.Context) error {
		tx := r.s.conn(ctx)
		// Insert-or-ignore first so the row exists; then lock and count.
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).
			Create(&throttleRecord{Key: key, Failures: 0, WindowStart: now}).Error; err != nil {
			return translate(err)
		}
		var rec throttleRecord
		if err := r.s.forUpdate(tx).Where("`key` = ?", key).Take(&rec).Error; err != nil {
			return translate(err)
		}
		if now.Sub(rec.WindowStart) >= window {
			rec.Failures, rec.WindowStart = 0, now
		}
		rec.Failures++
		n = rec.Failures
		return translate(tx.Model(&throttleRecord{}).Where("`key` = ?", key).
			Updates(map[string]any{"failures": rec.Failures, "window_start": rec.WindowStart}).Error)
	})
	return n, err
}

// Failures returns the count in the current window and when it started.
func (r *Throttle) Failures(ctx context.Context, key string, now time.Time, window time.Duration) (int, time.Time, error) {
	var rec throttleRecord
	err := r.s.conn(ctx).Where("`key` = ?", key).Take(&rec).Error
	if err != nil {
		err = translate(err)
		if isNotFound(err) {
			return 0, now, nil
		}
		return 0, now, err
	}
	if now.Sub(rec.WindowStart) >= window {
		return 0, now, nil
	}
	return rec.Failures, rec.WindowStart.UTC(), nil
}
