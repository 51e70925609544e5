package governance

import (
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// MeetingKind distinguishes elections (换届) from other meetings.
type MeetingKind string

// Meeting kinds.
const (
	Regular       MeetingKind = "regular"
	Election      MeetingKind = "election" // 换届选举
	Extraordinary MeetingKind = "extraordinary"
)

// ParseMeetingKind accepts the kinds; empty is regular.
func ParseMeetingKind(s string) (MeetingKind, error) {
	switch MeetingKind(s) {
	case "":
		return Regular, nil
	case Regular, Election, Extraordinary:
		return MeetingKind(s), nil
	}
	return "", errs.Field("kind", "invalid")
}

// Presence is how a seat took part.
type Presence string

// Attendance statuses.
const (
	Present Presence = "present"
	Proxy   Presence = "proxy"
	Absent  Presence = "absent"
)

// Attendance is one seat at one meeting.
type Attendance struct {
	Seat   Seat
	Status Presence
}

// Meeting is a recorded meeting of a body.
type Meeting struct {
	ID       int64
	BodyID   int64
	Kind     MeetingKind
	Title    string
	HeldOn   time.Time
	Place    string
	Agenda   string
	Minutes  string
	Attended []Attendance
	// Seats is the number of seats at the time, kept with the meeting so its
	// quorum does not change when the body's roster does later.
	Seats     int
	Attending int // present or by proxy
}

// RecordMeeting validates attendance against the body and computes the
// quorum figures. seats is the size of the body at the meeting: its roster,
// or for a general assembly without one, the number of current member units.
func RecordMeeting(b Body, m Meeting, seats int) (Meeting, error) {
	fields := map[string]string{}
	m.Title = strings.TrimSpace(m.Title)
	if m.Title == "" {
		fields["title"] = "required"
	} else if utf8.RuneCountInString(m.Title) > 200 {
		fields["title"] = "too_long"
	}
	if m.HeldOn.IsZero() {
		fields["held_on"] = "required"
	}
	seen := map[string]bool{}
	attending := 0
	for _, a := range m.Attended {
		switch a.Status {
		case Present, Proxy:
			attending++
		case Absent:
		default:
			fields["attendees"] = "presence"
		}
		k := a.Seat.Key()
		if seen[k] {
			fields["attendees"] = "duplicate"
		}
		seen[k] = true
		// A listed body admits only its seats; a general assembly without a
		// roster admits any member unit.
		if len(b.Seats) > 0 && !b.HasSeat(k) {
			fields["attendees"] = "not_a_seat"
		}
		if len(b.Seats) == 0 && a.Seat.MemberID == nil {
			fields["attendees"] = "seat"
		}
	}
	if seats <= 0 {
		fields["body_id"] = "no_seats"
	}
	if attending > seats {
		fields["attendees"] = "more_than_seats"
	}
	if len(fields) > 0 {
		return Meeting{}, errs.Invalid("request.invalid_fields", fields)
	}
	m.BodyID, m.Seats, m.Attending = b.ID, seats, attending
	return m, nil
}

// Quorate reports whether enough seats attended under rules.
func (m Meeting) Quorate(r Rules) bool { return r.Quorum.Reached(m.Attending, m.Seats) }

// ResolutionKind is what a resolution decides.
type ResolutionKind string

// Resolution kinds.
const (
	FeeStandard       ResolutionKind = "fee_standard"
	CharterAmendment  ResolutionKind = "charter_amendment"
	ElectionResult    ResolutionKind = "election"
	ExpulsionDecision ResolutionKind = "expulsion"
	CreditDecision    ResolutionKind = "credit_decision"
	OtherDecision     ResolutionKind = "other"
)

// ParseResolutionKind accepts the kinds.
func ParseResolutionKind(s string) (ResolutionKind, error) {
	switch ResolutionKind(s) {
	case FeeStandard, CharterAmendment, ElectionResult, ExpulsionDecision, CreditDecision, OtherDecision:
		return ResolutionKind(s), nil
	}
	return "", errs.Field("kind", "invalid")
}

// Special reports whether the kind needs the special majority.
func (k ResolutionKind) Special() bool { return k == FeeStandard || k == CharterAmendment }

// Outcome of a vote.
type Outcome string

// Outcomes.
const (
	Passed Outcome = "passed"
	Failed Outcome = "failed"
)

// Resolution is a recorded decision. Once recorded it never changes; a
// correction is a new resolution that supersedes it.
type Resolution struct {
	ID           int64
	MeetingID    int64
	BodyID       int64
	BodyKind     BodyKind
	HeldOn       time.Time
	Title        string
	Text         string
	Kind         ResolutionKind
	VotesFor     int
	VotesAgainst int
	VotesAbstain int
	Outcome      Outcome
	Supersedes   *int64
	SupersededBy *int64
}

// Decide validates the votes and computes the outcome under the body's
// rules: a meeting without a quorum cannot resolve anything; votes cannot
// exceed those attending; fee standards and charter amendments need the
// special majority of those attending, others a majority of them.
func Decide(b Body, m Meeting, r Resolution) (Resolution, error) {
	fields := map[string]string{}
	r.Title = strings.TrimSpace(r.Title)
	if r.Title == "" {
		fields["title"] = "required"
	}
	if r.VotesFor < 0 || r.VotesAgainst < 0 || r.VotesAbstain < 0 {
		fields["votes_for"] = "min"
	}
	if r.VotesFor+r.VotesAgainst+r.VotesAbstain > m.Attending {
		fields["votes_for"] = "votes_exceed_attendance"
	}
	if len(fields) > 0 {
		return Resolution{}, errs.Invalid("request.invalid_fields", fields).With("attending", m.Attending)
	}
	if !m.Quorate(b.Rules) {
		return Resolution{}, errs.Rule("resolution.inquorate", "").
			With("attending", m.Attending).With("seats", m.Seats)
	}
	threshold := b.Rules.Majority
	passed := threshold.Exceeded(r.VotesFor, m.Attending)
	if r.Kind.Special() {
		threshold = b.Rules.Special
		passed = threshold.Reached(r.VotesFor, m.Attending)
	}
	r.Outcome = Failed
	if passed {
		r.Outcome = Passed
	}
	r.MeetingID, r.BodyID, r.BodyKind, r.HeldOn = m.ID, b.ID, b.Kind, m.HeldOn
	return r, nil
}
