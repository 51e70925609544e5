package member

import (
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// Edit changes roster fields; nil fields stay as they are.
type Edit struct {
	Name         *string
	Address      *string
	LegalRep     *Person
	MemberRep    *Person
	CouncilRep   **Person // pointer to nil removes the council representative
	Contacts     *[]Contact
	Industry     *string
	ChainSegment *string
	Region       *string
	TierID       *int64
	CouncilUnit  *bool
	Profile      *Profile
	Warnings     *[]Warning
}

// Empty reports whether the edit changes nothing.
func (e Edit) Empty() bool { return e == Edit{} }

// WarningLevels are the levels of a risk warning, lowest first.
var WarningLevels = []string{"low", "medium", "high"}

// ApplyEdit changes the roster entry. A current member's entry must stay
// complete (8.1.2.3); an applicant's may be completed step by step. Every
// edit counts as a review of the record (8.1.2.4 动态管理).
func (m *Member) ApplyEdit(e Edit, now time.Time) error {
	if m.Status.Terminal() {
		return errs.Rule("member.already_left", ClauseLifecycle).With("status", string(m.Status))
	}
	next := *m
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	set(&next.Name, e.Name)
	set(&next.Address, e.Address)
	set(&next.Industry, e.Industry)
	set(&next.ChainSegment, e.ChainSegment)
	set(&next.Region, e.Region)
	if e.LegalRep != nil {
		next.LegalRep = *e.LegalRep
	}
	if e.MemberRep != nil {
		next.MemberRep = *e.MemberRep
	}
	if e.CouncilRep != nil {
		next.CouncilRep = *e.CouncilRep
	}
	if e.Contacts != nil {
		next.Contacts = *e.Contacts
	}
	if e.TierID != nil {
		next.TierID = *e.TierID
	}
	if e.CouncilUnit != nil {
		next.CouncilUnit = *e.CouncilUnit
	}
	if e.Profile != nil {
		next.Profile = *e.Profile
	}
	if e.Warnings != nil {
		next.Warnings = *e.Warnings
	}

	fields := map[string]string{}
	if next.Name == "" {
		fields["name"] = "required"
	} else if utf8.RuneCountInString(next.Name) > 128 {
		fields["name"] = "too_long"
	}
	if next.TierID <= 0 {
		fields["tier_id"] = "required"
	}
	for _, w := range next.Warnings {
		if strings.TrimSpace(w.Text) == "" || w.Date.IsZero() || !validLevel(w.Level) {
			fields["warnings"] = "warning"
		}
	}
	current := next.Status == Active || next.Status == Suspended
	checkRoster(next.roster(), fields, current)
	if current && next.CouncilUnit && (next.CouncilRep == nil || strings.TrimSpace(next.CouncilRep.Name) == "") {
		fields["council_representative"] = "required"
	}
	if len(fields) > 0 {
		if current && missingOnly(fields) {
			return &errs.Error{Kind: errs.ErrRule, Code: "member.roster_incomplete", Clause: ClauseRoster, Fields: fields}
		}
		return errs.Invalid("request.invalid_fields", fields)
	}
	next.LastReviewedAt = now
	*m = next
	return nil
}

// MarkReviewed records that staff checked the entry and found it current.
func (m *Member) MarkReviewed(now time.Time) { m.LastReviewedAt = now }

// ReviewDue reports whether the entry has not been reviewed for months.
func (m *Member) ReviewDue(now time.Time, months int) bool {
	return !m.Status.Terminal() && m.LastReviewedAt.AddDate(0, months, 0).Before(now)
}

func validLevel(l string) bool {
	for _, x := range WarningLevels {
		if x == l {
			return true
		}
	}
	return false
}

// missingOnly reports whether every field problem is a missing value, which
// for a current member is the roster rule speaking rather than bad input.
func missingOnly(fields map[string]string) bool {
	for _, code := range fields {
		if code != "required" {
			return false
		}
	}
	return true
}
