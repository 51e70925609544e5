package identity

import (
	"context"
	"errors"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/identity"
)

// touchEvery limits session writes: last-seen moves at most once a minute.
const touchEvery = time.Minute

// Authenticated is the user behind a valid session.
type Authenticated struct {
	User    *identity.User
	Session Session
}

// Authenticate resolves a session cookie, enforcing idle and absolute expiry.
func (s *Service) Authenticate(ctx context.Context, token string) (Authenticated, error) {
	if token == "" {
		return Authenticated{}, errs.Unauthenticated("auth.unauthenticated")
	}
	now := s.clock.Now()
	hash := s.tokens.Hash(token)
	sess, err := s.sessions.Get(ctx, hash)
	if errors.Is(err, errs.ErrNotFound) {
		return Authenticated{}, errs.Unauthenticated("auth.session_expired")
	}
	if err != nil {
		return Authenticated{}, err
	}
	if !now.Before(sess.ExpiresAt) || !now.Before(sess.LastSeenAt.Add(s.policy.IdleTimeout)) {
		if err := s.sessions.Delete(ctx, hash); err != nil && !errors.Is(err, errs.ErrNotFound) {
			return Authenticated{}, err
		}
		return Authenticated{}, errs.Unauthenticated("auth.session_expired")
	}
	u, err := s.users.Get(ctx, sess.UserID)
	if errors.Is(err, errs.ErrNotFound) {
		return Authenticated{}, errs.Unauthenticated("auth.session_expired")
	}
	if err != nil {
		return Authenticated{}, err
	}
	if u.Disabled() {
		return Authenticated{}, errs.Unauthenticated("auth.disabled")
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := s.sessions.Touch(ctx, hash, now); err != nil {
			return Authenticated{}, err
		}
		sess.LastSeenAt = now
	}
	return Authenticated{User: u, Session: sess}, nil
}

// Logout ends the session of token.
func (s *Service) Logout(ctx context.Context, token string) error {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return err
	}
	return s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.sessions.Delete(ctx, s.tokens.Hash(token)); err != nil && !errors.Is(err, errs.ErrNotFound) {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "auth.logout", Entity: "user", EntityID: p.UserID})
	})
}

// PurgeSessions deletes expired sessions; a nightly job calls it.
func (s *Service) PurgeSessions(ctx context.Context) (int64, error) {
	now := s.clock.Now()
	return s.sessions.DeleteExpired(ctx, now.Add(-s.policy.IdleTimeout), now)
}

// Principal turns an authenticated user into the actor of a request.
func Principal(a Authenticated, requestID, ip string) app.Principal {
	u := a.User
	return app.Principal{
		UserID: u.ID(), Username: u.Username(), Roles: u.Roles(), MemberID: u.MemberID(),
		Clearance: u.Clearance(), RequestID: requestID, IP: ip,
	}
}
