package identity

import (
	"context"
	"errors"
	"math"
	"strings"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/identity"
)

// LoginCommand is a login attempt.
type LoginCommand struct {
	Username  string
	Password  string
	IP        string
	UserAgent string
	// OldToken is the session cookie the browser still sent, if any; it is
	// revoked so a session id can never be fixed before login.
	OldToken string
}

// LoggedIn is a new session.
type LoggedIn struct {
	Token     string
	CSRFToken string
	User      *identity.User
	Session   Session
}

// Login checks the password with per-account and per-IP throttling and
// opens a new session.
func (s *Service) Login(ctx context.Context, cmd LoginCommand) (LoggedIn, error) {
	now := s.clock.Now()
	ipKey := "ip:" + cmd.IP
	n, since, err := s.throttle.Failures(ctx, ipKey, now, s.policy.IPWindow)
	if err != nil {
		return LoggedIn{}, err
	}
	if s.policy.IPMaxFailures > 0 && n >= s.policy.IPMaxFailures {
		retry := since.Add(s.policy.IPWindow).Sub(now)
		return LoggedIn{}, (&errs.Error{Kind: errs.ErrThrottled, Code: "rate.limited"}).With("retry_after", ceilSeconds(retry.Seconds()))
	}
	username := strings.TrimSpace(strings.ToLower(cmd.Username))
	if username == "" || cmd.Password == "" {
		fields := map[string]string{}
		if username == "" {
			fields["username"] = "required"
		}
		if cmd.Password == "" {
			fields["password"] = "required"
		}
		return LoggedIn{}, errs.Invalid("request.invalid_fields", fields)
	}
	invalid := errs.Unauthenticated("auth.invalid_credentials")

	u, err := s.users.ByUsername(ctx, username)
	if errors.Is(err, errs.ErrNotFound) {
		s.hasher.Matches(s.dummyHash, cmd.Password)
		if _, err := s.throttle.Fail(ctx, ipKey, now, s.policy.IPWindow); err != nil {
			return LoggedIn{}, err
		}
		return LoggedIn{}, invalid
	}
	if err != nil {
		return LoggedIn{}, err
	}

	var out LoggedIn
	var refusal error
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		u, err := s.users.GetForUpdate(ctx, u.ID())
		if err != nil {
			return err
		}
		if locked, until := u.LockedAt(now); locked {
			refusal = lockedError(until.Sub(now).Seconds())
			return nil
		}
		if !s.hasher.Matches(u.PasswordHash(), cmd.Password) {
			justLocked := u.RecordFailure(s.policy.Login, now)
			if err := s.users.Update(ctx, u); err != nil {
				return err
			}
			if _, err := s.throttle.Fail(ctx, ipKey, now, s.policy.IPWindow); err != nil {
				return err
			}
			refusal = invalid
			if justLocked {
				refusal = lockedError(s.policy.Login.LockFor.Seconds())
				return s.audit.Record(withActor(ctx, u, cmd.IP), audit.Change{
					Action: "auth.lock", Entity: "user", EntityID: u.ID(),
					After: map[string]any{"reason": "too_many_failures"},
				})
			}
			return nil
		}
		if u.Disabled() {
			refusal = errs.Unauthenticated("auth.disabled")
			return nil
		}
		u.RecordLogin(now)
		if err := s.users.Update(ctx, u); err != nil {
			return err
		}
		if cmd.OldToken != "" {
			if err := s.sessions.Delete(ctx, s.tokens.Hash(cmd.OldToken)); err != nil && !errors.Is(err, errs.ErrNotFound) {
				return err
			}
		}
		token, hash, err := s.tokens.New()
		if err != nil {
			return err
		}
		csrf, _, err := s.tokens.New()
		if err != nil {
			return err
		}
		sess := Session{
			IDHash: hash, UserID: u.ID(), CSRFToken: csrf, CreatedAt: now, LastSeenAt: now,
			ExpiresAt: now.Add(s.policy.AbsoluteTimeout), IP: cmd.IP, UserAgent: truncate(cmd.UserAgent, 255),
		}
		if err := s.sessions.Create(ctx, sess); err != nil {
			return err
		}
		out = LoggedIn{Token: token, CSRFToken: csrf, User: u, Session: sess}
		return s.audit.Record(withActor(ctx, u, cmd.IP), audit.Change{Action: "auth.login", Entity: "user", EntityID: u.ID()})
	})
	if err != nil {
		return LoggedIn{}, err
	}
	if refusal != nil {
		return LoggedIn{}, refusal
	}
	return out, nil
}

func lockedError(seconds float64) error {
	return (&errs.Error{Kind: errs.ErrThrottled, Code: "auth.locked"}).With("retry_after", ceilSeconds(seconds))
}

func ceilSeconds(s float64) int { return int(math.Max(1, math.Ceil(s))) }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// withActor makes u the actor of ctx when no principal is there yet (login
// happens before the request has one).
func withActor(ctx context.Context, u *identity.User, ip string) context.Context {
	p, ok := app.PrincipalFrom(ctx)
	if ok && p.UserID != 0 {
		return ctx
	}
	p.UserID, p.Username, p.Roles, p.IP = u.ID(), u.Username(), u.Roles(), ip
	return app.WithPrincipal(ctx, p)
}
