package identity_test

import (
	"errors"
	"testing"
	"time"

	"huiguan/domain/errs"
	"huiguan/domain/identity"
)

var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestParseRoles(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   []string
		want []identity.Role
		err  bool
	}{
		{[]string{"admin"}, []identity.Role{identity.Admin}, false},
		{[]string{"finance", "board", "finance"}, []identity.Role{identity.Finance, identity.BoardRole}, false},
		{nil, nil, true},
		{[]string{"root"}, nil, true},
		{[]string{""}, nil, true},
	}
	for _, c := range cases {
		got, err := identity.ParseRoles(c.in)
		if (err != nil) != c.err {
			t.Fatalf("ParseRoles(%v) err = %v, want error %v", c.in, err, c.err)
		}
		if err == nil && len(got) != len(c.want) {
			t.Fatalf("ParseRoles(%v) = %v, want %v", c.in, got, c.want)
		}
		for i := range c.want {
			if got[i] != c.want[i] {
				t.Fatalf("ParseRoles(%v) = %v, want %v", c.in, got, c.want)
			}
		}
	}
}

func TestClearanceIsTheHighestRole(t *testing.T) {
	t.Parallel()
	if c := identity.ClearanceOf([]identity.Role{identity.Member}); c != identity.Members {
		t.Fatalf("member clearance = %d, want %d", c, identity.Members)
	}
	if c := identity.ClearanceOf([]identity.Role{identity.Member, identity.Secretariat}); c != identity.Internal {
		t.Fatalf("member+secretariat clearance = %d, want %d", c, identity.Internal)
	}
	if c := identity.ClearanceOf(nil); c != identity.Public {
		t.Fatalf("no roles clearance = %d, want public", c)
	}
}

func TestNewUserValidates(t *testing.T) {
	t.Parallel()
	one := int64(1)
	cases := []struct {
		name, username, display string
		roles                   []identity.Role
		member                  *int64
		field                   string
	}{
		{"bad username", "A b", "x", []identity.Role{identity.Admin}, nil, "username"},
		{"short username", "ab", "x", []identity.Role{identity.Admin}, nil, "username"},
		{"blank display", "alice", "  ", []identity.Role{identity.Admin}, nil, "display_name"},
		{"no roles", "alice", "Alice", nil, nil, "roles"},
	}
	for _, c := range cases {
		_, err := identity.NewUser(c.username, c.display, "h", c.roles, c.member, now)
		e, ok := errs.As(err)
		if !ok || !errors.Is(err, errs.ErrInvalid) || e.Fields[c.field] == "" {
			t.Fatalf("%s: err = %v, want invalid field %s", c.name, err, c.field)
		}
	}
	if _, err := identity.NewUser("alice", "Alice", "h", []identity.Role{identity.Secretariat}, &one, now); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("staff linked to a member unit: err = %v, want rule error", err)
	}
	u, err := identity.NewUser(" Alice.W ", "Alice", "h", []identity.Role{identity.Member}, &one, now)
	if err != nil {
		t.Fatal(err)
	}
	if u.Username() != "alice.w" || *u.MemberID() != 1 {
		t.Fatalf("user = %q member %v", u.Username(), u.MemberID())
	}
	if err := u.SetRoles([]identity.Role{identity.Finance}); !errors.Is(err, errs.ErrRule) {
		t.Fatalf("dropping member role while linked: err = %v, want rule error", err)
	}
	if !u.HasRole(identity.Member) {
		t.Fatal("a refused role change must leave the roles as they were")
	}
}

func TestPasswordPolicy(t *testing.T) {
	t.Parallel()
	if err := identity.CheckPassword("short"); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("short password: %v", err)
	}
	if err := identity.CheckPassword("long enough pass"); err != nil {
		t.Fatalf("valid password refused: %v", err)
	}
}

func TestLockAfterFailures(t *testing.T) {
	t.Parallel()
	u, _ := identity.NewUser("bob", "Bob", "h", []identity.Role{identity.Admin}, nil, now)
	p := identity.LoginPolicy{MaxFailures: 3, LockFor: 15 * time.Minute}
	for i := 0; i < 2; i++ {
		if u.RecordFailure(p, now) {
			t.Fatalf("locked after %d failures", i+1)
		}
	}
	if !u.RecordFailure(p, now) {
		t.Fatal("third failure did not lock")
	}
	if locked, until := u.LockedAt(now.Add(14 * time.Minute)); !locked || !until.Equal(now.Add(15*time.Minute)) {
		t.Fatalf("locked=%v until=%v", locked, until)
	}
	if locked, _ := u.LockedAt(now.Add(15 * time.Minute)); locked {
		t.Fatal("still locked when the lock ended")
	}
	u.RecordLogin(now)
	if locked, _ := u.LockedAt(now); locked {
		t.Fatal("login must clear the lock")
	}
}
