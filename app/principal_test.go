package app_test

import (
	"testing"

	"huiguan/app"
	"huiguan/domain/identity"
)

func TestUnitScope(t *testing.T) {
	seven := int64(7)
	cases := []struct {
		name string
		p    app.Principal
		want int64
	}{
		{"linked member sees its unit", app.Principal{Roles: []identity.Role{identity.Member}, MemberID: &seven}, 7},
		{"unlinked member sees nothing", app.Principal{Roles: []identity.Role{identity.Member}}, -1},
		{"staff sees every unit", app.Principal{Roles: []identity.Role{identity.Secretariat}}, 0},
		{"staff who is also a member contact sees every unit", app.Principal{Roles: []identity.Role{identity.Member, identity.Finance}}, 0},
		{"system sees every unit", app.System("job"), 0},
	}
	for _, c := range cases {
		if got := c.p.UnitScope(); got != c.want {
			t.Errorf("%s: UnitScope() = %d, want %d", c.name, got, c.want)
		}
	}
}
