package identity

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// Locale is the language a user reads the UI in.
type Locale string

// Supported locales; Chinese is the default.
const (
	LocaleZh Locale = "zh-CN"
	LocaleEn Locale = "en"
)

// ParseLocale accepts the supported locales.
func ParseLocale(s string) (Locale, error) {
	switch Locale(s) {
	case LocaleZh, LocaleEn:
		return Locale(s), nil
	}
	return "", errs.Field("locale", "unknown_locale")
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

// User is an account that can log in.
type User struct {
	id            int64
	username      string
	displayName   string
	passwordHash  string
	roles         []Role
	memberID      *int64
	disabled      bool
	locale        Locale
	failedLogins  int
	lockedUntil   *time.Time
	lastLoginAt   *time.Time
	createdAt     time.Time
	passwordSetAt time.Time
}

// NewUser validates a new account. The password must already be hashed;
// CheckPassword validates the plain text before hashing.
func NewUser(username, displayName, passwordHash string, roles []Role, memberID *int64, now time.Time) (*User, error) {
	username = strings.TrimSpace(strings.ToLower(username))
	displayName = strings.TrimSpace(displayName)
	fields := map[string]string{}
	if !usernamePattern.MatchString(username) {
		fields["username"] = "username_format"
	}
	if displayName == "" {
		fields["display_name"] = "required"
	} else if utf8.RuneCountInString(displayName) > 64 {
		fields["display_name"] = "too_long"
	}
	if len(roles) == 0 {
		fields["roles"] = "required"
	}
	if len(fields) > 0 {
		return nil, errs.Invalid("request.invalid_fields", fields)
	}
	u := &User{
		username: username, displayName: displayName, passwordHash: passwordHash,
		roles: slices.Clone(roles), locale: LocaleZh, createdAt: now, passwordSetAt: now,
	}
	if err := u.setMember(memberID); err != nil {
		return nil, err
	}
	return u, nil
}

// CheckPassword enforces the password policy on a plain-text password.
func CheckPassword(plain string) error {
	if utf8.RuneCountInString(plain) < MinPasswordLength {
		return errs.Field("password", "password_too_short").With("min", MinPasswordLength)
	}
	if len(plain) > 72 { // bcrypt reads at most 72 bytes
		return errs.Field("password", "too_long")
	}
	return nil
}

// Snapshot is the stored form of a user; only infra and tests use it.
type Snapshot struct {
	ID            int64
	Username      string
	DisplayName   string
	PasswordHash  string
	Roles         []Role
	MemberID      *int64
	Disabled      bool
	Locale        Locale
	FailedLogins  int
	LockedUntil   *time.Time
	LastLoginAt   *time.Time
	CreatedAt     time.Time
	PasswordSetAt time.Time
}

// Rehydrate rebuilds a user from storage.
func Rehydrate(s Snapshot) *User {
	loc := s.Locale
	if loc == "" {
		loc = LocaleZh
	}
	return &User{
		id: s.ID, username: s.Username, displayName: s.DisplayName, passwordHash: s.PasswordHash,
		roles: slices.Clone(s.Roles), memberID: s.MemberID, disabled: s.Disabled, locale: loc,
		failedLogins: s.FailedLogins, lockedUntil: s.LockedUntil, lastLoginAt: s.LastLoginAt,
		createdAt: s.CreatedAt, passwordSetAt: s.PasswordSetAt,
	}
}

// Snapshot returns the stored form of u.
func (u *User) Snapshot() Snapshot {
	return Snapshot{
		ID: u.id, Username: u.username, DisplayName: u.displayName, PasswordHash: u.passwordHash,
		Roles: slices.Clone(u.roles), MemberID: u.memberID, Disabled: u.disabled, Locale: u.locale,
		FailedLogins: u.failedLogins, LockedUntil: u.lockedUntil, LastLoginAt: u.lastLoginAt,
		CreatedAt: u.createdAt, PasswordSetAt: u.passwordSetAt,
	}
}

func (u *User) ID() int64               { return u.id }
func (u *User) Username() string        { return u.username }
func (u *User) DisplayName() string     { return u.displayName }
func (u *User) PasswordHash() string    { return u.passwordHash }
func (u *User) Roles() []Role           { return slices.Clone(u.roles) }
func (u *User) MemberID() *int64        { return u.memberID }
func (u *User) Disabled() bool          { return u.disabled }
func (u *User) Locale() Locale          { return u.locale }
func (u *User) LastLoginAt() *time.Time { return u.lastLoginAt }
func (u *User) CreatedAt() time.Time    { return u.createdAt }
func (u *User) Clearance() Clearance    { return ClearanceOf(u.roles) }

// HasRole reports whether u holds r.
func (u *User) HasRole(r Role) bool { return slices.Contains(u.roles, r) }

// SetID is called once by the repository after insert.
func (u *User) SetID(id int64) { u.id = id }

// Rename changes the display name.
func (u *User) Rename(displayName string) error {
	displayName = strings.TrimSpace(displayName)
	if displayName == "" {
		return errs.Field("display_name", "required")
	}
	if utf8.RuneCountInString(displayName) > 64 {
		return errs.Field("display_name", "too_long")
	}
	u.displayName = displayName
	return nil
}

// SetRoles replaces the roles; the member link must still fit them.
func (u *User) SetRoles(roles []Role) error {
	if len(roles) == 0 {
		return errs.Field("roles", "required")
	}
	prev := u.roles
	u.roles = slices.Clone(roles)
	if err := u.setMember(u.memberID); err != nil {
		u.roles = prev
		return err
	}
	return nil
}

// LinkMember links the account to a member unit (or unlinks it with nil).
func (u *User) LinkMember(memberID *int64) error { return u.setMember(memberID) }

// setMember keeps one invariant: only a member-role account is linked to a
// member unit, because the portal's own-unit rule reads this link.
func (u *User) setMember(memberID *int64) error {
	if memberID != nil && *memberID <= 0 {
		return errs.Field("member_id", "invalid")
	}
	if memberID != nil && !slices.Contains(u.roles, Member) {
		return errs.Rule("user.member_link_needs_member_role", "")
	}
	u.memberID = memberID
	return nil
}

// SetPasswordHash replaces the password and clears any lock.
func (u *User) SetPasswordHash(hash string, now time.Time) {
	u.passwordHash = hash
	u.passwordSetAt = now
	u.failedLogins = 0
	u.lockedUntil = nil
}

// SetDisabled disables or enables the account.
func (u *User) SetDisabled(disabled bool) { u.disabled = disabled }

// SetLocale remembers the user's language.
func (u *User) SetLocale(l Locale) { u.locale = l }

// LockedAt reports whether the account is locked at now, and until when.
func (u *User) LockedAt(now time.Time) (bool, time.Time) {
	if u.lockedUntil != nil && now.Before(*u.lockedUntil) {
		return true, *u.lockedUntil
	}
	return false, time.Time{}
}

// LoginPolicy is the throttling configuration for accounts.
type LoginPolicy struct {
	MaxFailures int           // failures in a row before the lock
	LockFor     time.Duration // how long the lock lasts
}

// RecordFailure counts a wrong password; it reports whether this failure
// locked the account.
func (u *User) RecordFailure(p LoginPolicy, now time.Time) bool {
	u.failedLogins++
	if p.MaxFailures > 0 && u.failedLogins >= p.MaxFailures {
		until := now.Add(p.LockFor)
		u.lockedUntil = &until
		u.failedLogins = 0
		return true
	}
	return false
}

// RecordLogin clears the failure count after a successful login.
func (u *User) RecordLogin(now time.Time) {
	u.failedLogins = 0
	u.lockedUntil = nil
	u.lastLoginAt = &now
}
