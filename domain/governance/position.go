package governance

import (
	"strings"
	"time"

	"huiguan/domain/errs"
)

// Title is an officer position (7.1.2.2).
type Title string

// Officer positions.
const (
	President              Title = "president"                // 会长
	VicePresident          Title = "vice_president"           // 副会长
	SecretaryGeneral       Title = "secretary_general"        // 秘书长
	DeputySecretaryGeneral Title = "deputy_secretary_general" // 副秘书长
	ChiefSupervisor        Title = "chief_supervisor"         // 监事长
	Director               Title = "director"                 // 理事
	Supervisor             Title = "supervisor"               // 监事
)

// Titles lists the positions in rank order.
var Titles = []Title{President, VicePresident, SecretaryGeneral, DeputySecretaryGeneral, ChiefSupervisor, Director, Supervisor}

// ParseTitle accepts the positions.
func ParseTitle(s string) (Title, error) {
	for _, t := range Titles {
		if string(t) == s {
			return t, nil
		}
	}
	return "", errs.Field("title", "invalid")
}

// TermLimited reports whether the consecutive-term limit of 7.3.3.1
// applies to the title when held full-time.
func (t Title) TermLimited() bool { return t == President || t == SecretaryGeneral }

// PositionType defines a position: its powers and how holders are appointed
// and removed (7.1.2.2). A holder may be appointed only to a defined position.
type PositionType struct {
	Title             Title
	Powers            string
	AppointmentMethod string
	RemovalMethod     string
	TermYears         int
}

// Defined reports whether the position is fully defined (R-7.1.2.2-b).
func (p PositionType) Defined() bool {
	return strings.TrimSpace(p.Powers) != "" && strings.TrimSpace(p.AppointmentMethod) != "" &&
		strings.TrimSpace(p.RemovalMethod) != "" && p.TermYears > 0
}

// ClauseTermLimit is the clause on full-time officers' terms.
const ClauseTermLimit = "7.3.3.1"

// Tenure is one person holding one position for one term (届).
type Tenure struct {
	ID           int64
	Title        Title
	PersonName   string
	MemberID     *int64
	FullTime     bool
	TermNo       int
	TermStart    time.Time
	TermEnd      time.Time
	ResolutionID *int64
}

// Appoint validates a tenure against the position's definition and, for a
// full-time president or secretary-general, the consecutive-term limit over
// the person's earlier tenures of the same position (a gap of one term
// resets the count; a part-time holder is out of scope).
func Appoint(def PositionType, t Tenure, history []Tenure, maxConsecutive int) (Tenure, error) {
	fields := map[string]string{}
	t.PersonName = strings.TrimSpace(t.PersonName)
	if t.PersonName == "" {
		fields["person_name"] = "required"
	}
	if t.TermNo < 1 {
		fields["term_no"] = "min"
	}
	if t.TermStart.IsZero() {
		fields["term_start"] = "required"
	}
	if t.TermEnd.IsZero() || !t.TermEnd.After(t.TermStart) {
		fields["term_end"] = "after_start"
	}
	if len(fields) > 0 {
		return Tenure{}, errs.Invalid("request.invalid_fields", fields)
	}
	if !def.Defined() {
		return Tenure{}, errs.Rule("position.undefined", "7.1.2.2").With("title", string(t.Title))
	}
	if t.FullTime && t.Title.TermLimited() {
		held := map[int]bool{}
		for _, h := range history {
			if h.Title == t.Title && h.FullTime && h.PersonName == t.PersonName {
				held[h.TermNo] = true
			}
		}
		if held[t.TermNo] {
			return Tenure{}, errs.Conflict("position.already_held")
		}
		run := 1
		for k := t.TermNo - 1; held[k]; k-- {
			run++
		}
		if run > maxConsecutive {
			return Tenure{}, errs.Rule("position.term_limit", ClauseTermLimit).With("max", maxConsecutive).With("run", run)
		}
	}
	return t, nil
}
