// Package identity runs accounts and sessions: login with throttling,
// server-side sessions with CSRF tokens, and user administration.
package identity

import (
	"context"
	"time"

	"huiguan/app"
	"huiguan/domain/identity"
)

// Users stores accounts.
type Users interface {
	Create(ctx context.Context, u *identity.User) error
	Get(ctx context.Context, id int64) (*identity.User, error)
	// GetForUpdate locks the row for the rest of the transaction in ctx.
	GetForUpdate(ctx context.Context, id int64) (*identity.User, error)
	ByUsername(ctx context.Context, username string) (*identity.User, error)
	Update(ctx context.Context, u *identity.User) error
	List(ctx context.Context, f UserFilter, p app.Page) (app.List[*identity.User], error)
	Count(ctx context.Context) (int64, error)
}

// UserFilter narrows the user list.
type UserFilter struct {
	Query    string // username or display name, substring
	Role     identity.Role
	Disabled *bool
	Sort     string // "username", "-created_at", …
}

// Session is a server-side login session. Only the SHA-256 of the cookie
// token is stored, so a copy of the database does not hand out sessions.
type Session struct {
	IDHash     string
	UserID     int64
	CSRFToken  string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

// Sessions stores sessions.
type Sessions interface {
	Create(ctx context.Context, s Session) error
	Get(ctx context.Context, idHash string) (Session, error)
	Touch(ctx context.Context, idHash string, at time.Time) error
	Delete(ctx context.Context, idHash string) error
	DeleteForUser(ctx context.Context, userID int64) error
	DeleteExpired(ctx context.Context, idleBefore, now time.Time) (int64, error)
}

// Throttle counts failures per key in a fixed window, in the database, so
// that every instance sees the same count.
type Throttle interface {
	Fail(ctx context.Context, key string, now time.Time, window time.Duration) (int, error)
	Failures(ctx context.Context, key string, now time.Time, window time.Duration) (int, time.Time, error)
}

// Hasher hashes and checks passwords.
type Hasher interface {
	Hash(plain string) (string, error)
	Matches(hash, plain string) bool
}

// Tokens makes random secrets.
type Tokens interface {
	// New returns a random token and its storage hash.
	New() (token, hash string, err error)
	Hash(token string) string
}

// MemberUnits answers whether a member unit exists and names units; the
// member registry implements it.
type MemberUnits interface {
	Exists(ctx context.Context, id int64) (bool, error)
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Policy is the session and throttling configuration.
type Policy struct {
	IdleTimeout     time.Duration
	AbsoluteTimeout time.Duration
	Login           identity.LoginPolicy
	IPMaxFailures   int
	IPWindow        time.Duration
}
