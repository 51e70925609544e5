// Package app holds what every use case shares: the transaction port, the
// clock, and the principal acting in a request.
package app

import (
	"context"
	"time"

	"huiguan/domain/errs"
	"huiguan/domain/identity"
)

// Tx runs fn in one database transaction, or joins the one already in ctx.
// Repositories find the transaction in the context they are given.
type Tx interface {
	Do(ctx context.Context, fn func(ctx context.Context) error) error
}

// Clock gives the current time; tests pass a fixed one.
type Clock interface{ Now() time.Time }

// SystemClock is the real clock, in UTC.
type SystemClock struct{}

// Now returns the current UTC time in microseconds, the precision both
// databases keep, so a value reads back equal to what was written.
func (SystemClock) Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// Principal is who acts in a request: a logged-in user, or the system.
type Principal struct {
	UserID    int64
	Username  string
	Roles     []identity.Role
	MemberID  *int64
	Clearance identity.Clearance
	RequestID string
	IP        string
}

// HasRole reports whether the principal holds r.
func (p Principal) HasRole(r identity.Role) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// UnitScope is the member unit a principal's listings are limited to: its
// own unit when the account is linked to one, every unit (0) for staff, and
// none (-1, which matches no row) for a member account without a link, so a
// half-configured portal account can never read other units' records.
func (p Principal) UnitScope() int64 {
	if p.MemberID != nil {
		return *p.MemberID
	}
	for _, r := range p.Roles {
		if r != identity.Member {
			return 0
		}
	}
	if len(p.Roles) == 0 {
		return 0 // the system principal
	}
	return -1
}

// System acts for jobs and command-line operations.
func System(requestID string) Principal {
	return Principal{Username: "system", Clearance: identity.Restricted, RequestID: requestID}
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal in ctx, if any.
func PrincipalFrom(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// MustPrincipal returns the principal in ctx or an unauthenticated error;
// use cases that need an actor call it first.
func MustPrincipal(ctx context.Context) (Principal, error) {
	p, ok := PrincipalFrom(ctx)
	if !ok {
		return Principal{}, errs.Unauthenticated("auth.unauthenticated")
	}
	return p, nil
}

// Page is the paging of a list query, already bounded.
type Page struct {
	Page     int
	PageSize int
}

// MaxPageSize bounds every list.
const MaxPageSize = 200

// NewPage validates paging values; zero means the default.
func NewPage(page, size int) (Page, error) {
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = 20
	}
	if page < 1 {
		return Page{}, errs.Field("page", "min").With("min", 1)
	}
	if size < 1 || size > MaxPageSize {
		return Page{}, errs.Field("page_size", "range").With("min", 1).With("max", MaxPageSize)
	}
	return Page{Page: page, PageSize: size}, nil
}

// Offset is the number of rows before the page.
func (p Page) Offset() int { return (p.Page - 1) * p.PageSize }

// List is one page of results.
type List[T any] struct {
	Items    []T
	Total    int64
	Page     int
	PageSize int
}
