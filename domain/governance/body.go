package governance

import (
	"strconv"
	"strings"
	"time"

	"huiguan/domain/errs"
)

// BodyKind is a governing body of the association.
type BodyKind string

// The bodies 7.1.2.2 names.
const (
	GeneralAssembly  BodyKind = "general_assembly"  // 会员（代表）大会
	Council          BodyKind = "council"           // 理事会
	StandingCouncil  BodyKind = "standing_council"  // 常务理事会
	SupervisoryBoard BodyKind = "supervisory_board" // 监事会
	PresidentOffice  BodyKind = "president_office"  // 会长办公会
)

// ParseBodyKind accepts the five kinds.
func ParseBodyKind(s string) (BodyKind, error) {
	switch BodyKind(s) {
	case GeneralAssembly, Council, StandingCouncil, SupervisoryBoard, PresidentOffice:
		return BodyKind(s), nil
	}
	return "", errs.Field("kind", "invalid")
}

// Ratio is a fraction such as two thirds.
type Ratio struct{ Num, Den int }

// Valid reports whether the ratio is in (0, 1].
func (r Ratio) Valid() bool { return r.Den > 0 && r.Num > 0 && r.Num <= r.Den }

// Reached reports whether part/whole ≥ the ratio, in integers.
func (r Ratio) Reached(part, whole int) bool { return whole > 0 && part*r.Den >= whole*r.Num }

// Exceeded reports whether part/whole > the ratio (a strict majority for 1/2).
func (r Ratio) Exceeded(part, whole int) bool { return whole > 0 && part*r.Den > whole*r.Num }

// Rules are a body's voting rules, from the association's charter.
type Rules struct {
	Quorum   Ratio // share of members attending (in person or by proxy)
	Majority Ratio // share of attendees voting for, to pass (strictly more than, for 1/2)
	Special  Ratio // for charter amendments and fee standards (at least)
}

// DefaultRules are the defaults when the charter says nothing else: two
// thirds present, a majority of those present, two thirds for the charter
// and fee standards.
var DefaultRules = Rules{Quorum: Ratio{2, 3}, Majority: Ratio{1, 2}, Special: Ratio{2, 3}}

// Seat is one member of a body: a member unit, or a named person.
type Seat struct {
	MemberID   *int64
	PersonName string
}

// Key identifies a seat for attendance.
func (s Seat) Key() string {
	if s.MemberID != nil {
		return "m:" + strconv.FormatInt(*s.MemberID, 10)
	}
	return "p:" + strings.TrimSpace(s.PersonName)
}

// Body is a governing body with its current term.
type Body struct {
	ID              int64
	Kind            BodyKind
	Name            string
	TermNo          int // 届次
	TermStart       time.Time
	TermEnd         time.Time
	Seats           []Seat
	Rules           Rules
	Powers          string
	FormationMethod string
	RemovalMethod   string
}

// Validate checks a body.
func (b Body) Validate() error {
	fields := map[string]string{}
	if strings.TrimSpace(b.Name) == "" {
		fields["name"] = "required"
	}
	if b.TermNo < 1 {
		fields["term_no"] = "min"
	}
	if b.TermStart.IsZero() {
		fields["term_start"] = "required"
	}
	if b.TermEnd.IsZero() || !b.TermEnd.After(b.TermStart) {
		fields["term_end"] = "after_start"
	}
	if !b.Rules.Quorum.Valid() || !b.Rules.Majority.Valid() || !b.Rules.Special.Valid() {
		fields["rules"] = "ratio"
	}
	seen := map[string]bool{}
	for _, s := range b.Seats {
		if (s.MemberID == nil) == (strings.TrimSpace(s.PersonName) == "") {
			fields["members"] = "seat"
		}
		if seen[s.Key()] {
			fields["members"] = "duplicate"
		}
		seen[s.Key()] = true
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	return nil
}

// HasSeat reports whether key is a member of the body.
func (b Body) HasSeat(key string) bool {
	for _, s := range b.Seats {
		if s.Key() == key {
			return true
		}
	}
	return false
}

// Complete reports whether the body's powers, formation, term and removal
// are defined (R-7.1.2.2-a).
func (b Body) Complete() bool {
	return strings.TrimSpace(b.Powers) != "" && strings.TrimSpace(b.FormationMethod) != "" &&
		strings.TrimSpace(b.RemovalMethod) != "" && !b.TermEnd.IsZero()
}
