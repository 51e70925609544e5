// Package identity holds users, roles and clearances: who may act, and how
// much of a member's record they may see.
package identity

import (
	"slices"

	"huiguan/domain/errs"
)

// Clearance is a confidentiality level (密级, 8.1.2.3). A field is visible to
// a viewer whose clearance is at least the field's level. These are the
// association's own levels, never the state-secret labels.
type Clearance int

// Confidentiality levels, lowest first.
const (
	Public     Clearance = 0 // 公开
	Members    Clearance = 1 // 会员可见
	Internal   Clearance = 2 // 内部
	Restricted Clearance = 3 // 受限
)

// Valid reports whether c is one of the four levels.
func (c Clearance) Valid() bool { return c >= Public && c <= Restricted }

// Area is the part of the UI a role works in.
type Area string

// The three areas of the UI.
const (
	Console Area = "console" // 工作台
	Portal  Area = "portal"  // 会员门户
	Board   Area = "board"   // 会长办公会看板
)

// Role names a casbin subject. Its zero value is invalid.
type Role string

// The roles of HuiGuan.
const (
	Admin       Role = "admin"
	Secretariat Role = "secretariat"
	Finance     Role = "finance"
	BoardRole   Role = "board"
	Supervisor  Role = "supervisor"
	Evaluator   Role = "evaluator"
	Member      Role = "member"
)

// RoleInfo describes a role for people: labels, clearance and area.
type RoleInfo struct {
	Role      Role
	LabelZh   string
	LabelEn   string
	Clearance Clearance
	Area      Area
}

var roleCatalogue = []RoleInfo{
	{Admin, "系统管理员", "Administrator", Restricted, Console},
	{Secretariat, "秘书处", "Secretariat", Internal, Console},
	{Finance, "财务", "Finance", Internal, Console},
	{BoardRole, "会长办公会", "President's office", Restricted, Board},
	{Supervisor, "监事会", "Supervisory board", Internal, Board},
	{Evaluator, "评价工作组", "Evaluation working group", Internal, Board},
	{Member, "会员单位联系人", "Member unit contact", Members, Portal},
}

// Roles lists every role, in display order.
func Roles() []RoleInfo { return slices.Clone(roleCatalogue) }

// Info returns the description of r.
func (r Role) Info() (RoleInfo, bool) {
	for _, ri := range roleCatalogue {
		if ri.Role == r {
			return ri, true
		}
	}
	return RoleInfo{}, false
}

// ParseRoles validates role names, removing duplicates and keeping order.
func ParseRoles(names []string) ([]Role, error) {
	if len(names) == 0 {
		return nil, errs.Field("roles", "required")
	}
	out := make([]Role, 0, len(names))
	for _, n := range names {
		r := Role(n)
		if _, ok := r.Info(); !ok {
			return nil, errs.Field("roles", "unknown_role")
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// ClearanceOf is the highest clearance among roles; no role sees only public data.
func ClearanceOf(roles []Role) Clearance {
	c := Public
	for _, r := range roles {
		if ri, ok := r.Info(); ok && ri.Clearance > c {
			c = ri.Clearance
		}
	}
	return c
}
