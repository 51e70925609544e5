// Package credit holds the industry credit mechanism of 8.4.1.5: records
// of positive and negative conduct, list decisions (诚信红白名单, 失信黑名单)
// taken by the 会长办公会 on evidence, notice and appeal, expiry and repair.
package credit

import (
	"strings"
	"time"

	"huiguan/domain/errs"
)

// Clause is the clause of the credit mechanism.
const Clause = "8.4.1.5"

// Polarity is whether a record speaks for or against a unit.
type Polarity string

// Polarities.
const (
	Positive Polarity = "positive"
	Negative Polarity = "negative"
)

// Categories of records.
var (
	PositiveCategories = []string{"award", "integrity_commitment", "good_conduct"}
	NegativeCategories = []string{"dishonest_conduct", "court_judgment", "admin_penalty", "verified_complaint"}
)

// Record is one piece of credit evidence about a member unit.
type Record struct {
	ID         int64
	MemberID   int64
	Polarity   Polarity
	Category   string
	OccurredOn time.Time
	Source     string
	Severity   string // low, medium, high
	Summary    string
	Evidence   []string // document references
	RecordedBy string
	CreatedAt  time.Time
}

// Validate checks a record.
func (r Record) Validate() error {
	fields := map[string]string{}
	if r.MemberID <= 0 {
		fields["member_id"] = "required"
	}
	switch r.Polarity {
	case Positive:
		if !contains(PositiveCategories, r.Category) {
			fields["category"] = "invalid"
		}
	case Negative:
		if !contains(NegativeCategories, r.Category) {
			fields["category"] = "invalid"
		}
	default:
		fields["polarity"] = "invalid"
	}
	if r.OccurredOn.IsZero() {
		fields["occurred_on"] = "required"
	}
	if strings.TrimSpace(r.Source) == "" {
		fields["source"] = "required"
	}
	if strings.TrimSpace(r.Summary) == "" {
		fields["summary"] = "required"
	}
	switch r.Severity {
	case "low", "medium", "high":
	default:
		fields["severity"] = "invalid"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// List is one of the three lists.
type List string

// Lists.
const (
	Red   List = "red"   // 诚信红名单
	White List = "white" // 诚信白名单
	Black List = "black" // 失信黑名单
)

// ParseList accepts the lists.
func ParseList(s string) (List, error) {
	switch List(s) {
	case Red, White, Black:
		return List(s), nil
	}
	return "", errs.Field("list", "invalid")
}

// Rule is the association's rule for one list (criteria, deciding body,
// validity, publication, appeal window), which the standard leaves open
// (rules.md A13): configuration, published, cited by every decision.
type Rule struct {
	List           List
	Criteria       string
	DecidingBody   string
	ValidityMonths int
	Public         bool
	AppealDays     int
}

// Proposal is the secretariat's draft of a list decision.
type Proposal struct {
	ID             int64
	MemberID       int64
	List           List
	Action         string // add, remove
	ReasonCategory string
	PublicSummary  string
	RecordIDs      []int64
	ValidUntil     time.Time
	ProposedBy     string
	ProposedAt     time.Time
	Status         string // pending, approved, rejected
	DecidedBy      string
	DecisionRef    string
	DecidedAt      *time.Time
	Note           string
	EntryID        *int64
}

// CheckEvidence applies R-8.4.1.5-a: an addition rests on records of the
// unit, negative ones for the black list and positive ones for red or white.
func (p Proposal) CheckEvidence(records []Record) error {
	if p.Action == "remove" {
		return nil
	}
	if len(records) == 0 {
		return errs.Rule("credit.no_evidence", Clause)
	}
	want := Positive
	if p.List == Black {
		want = Negative
	}
	for _, r := range records {
		if r.MemberID != p.MemberID {
			return errs.Field("record_ids", "record_other_unit")
		}
		if r.Polarity != want {
			return errs.Rule("credit.evidence_polarity", Clause).With("list", string(p.List))
		}
	}
	return nil
}

// Validate checks a proposal's own fields.
func (p Proposal) Validate(now time.Time) error {
	fields := map[string]string{}
	if p.MemberID <= 0 {
		fields["member_id"] = "required"
	}
	if p.Action != "add" && p.Action != "remove" {
		fields["action"] = "invalid"
	}
	if strings.TrimSpace(p.ReasonCategory) == "" {
		fields["reason_category"] = "required"
	}
	if strings.TrimSpace(p.PublicSummary) == "" {
		fields["public_summary"] = "required"
	}
	if p.Action == "add" && !p.ValidUntil.After(now) {
		fields["valid_until"] = "future"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	return nil
}

// Entry is a unit's place on a list.
type Entry struct {
	ID             int64
	MemberID       int64
	List           List
	ReasonCategory string
	PublicSummary  string
	ValidFrom      time.Time
	ValidUntil     time.Time
	ProposalID     int64
	DecisionRef    string
	Status         string // active, expired, lifted
	EndedAt        *time.Time
	EndReason      string
}

// Active reports whether the entry is in force.
func (e Entry) Active() bool { return e.Status == "active" }

// End closes an entry with a reason.
func (e *Entry) End(status, reason string, at time.Time) {
	e.Status, e.EndReason, e.EndedAt = status, reason, &at
}

// CheckExclusive applies R-8.4.1.5-b when adding to list l: a unit on the
// black list cannot be put on the red or white list. (Adding to the black
// list closes any red or white entry in the same transaction instead.)
func CheckExclusive(l List, active []Entry) error {
	for _, e := range active {
		if e.List == l {
			return errs.Conflict("credit.already_listed")
		}
		if l != Black && e.List == Black {
			return errs.Rule("credit.black_excludes", Clause)
		}
	}
	return nil
}

// Appeal is a unit's objection to a decision, within the list's window.
type Appeal struct {
	ID         int64
	EntryID    int64
	MemberID   int64
	Text       string
	Evidence   []string
	FiledBy    string
	FiledAt    time.Time
	Status     string // pending, upheld, overturned
	Reviewer   string
	ReviewedAt *time.Time
	Reasons    string
}

// CheckAppealWindow refuses an appeal filed after the window.
func CheckAppealWindow(decidedAt, now time.Time, days int) error {
	if now.After(decidedAt.AddDate(0, 0, days)) {
		return errs.Rule("credit.appeal_window_closed", Clause).With("days", days)
	}
	return nil
}

// Review decides an appeal; the proposer of the decision may not review it.
func (a *Appeal) Review(reviewer, proposer string, overturn bool, reasons string, at time.Time) error {
	if a.Status != "pending" {
		return errs.Conflict("credit.appeal_decided")
	}
	if reviewer == proposer {
		return errs.Rule("credit.reviewer_is_proposer", Clause)
	}
	if strings.TrimSpace(reasons) == "" {
		return errs.Field("reasons", "required")
	}
	a.Status, a.Reviewer, a.ReviewedAt, a.Reasons = "upheld", reviewer, &at, strings.TrimSpace(reasons)
	if overturn {
		a.Status = "overturned"
	}
	return nil
}

// Repair is a unit's application to be lifted from the black list after
// putting things right (信用修复).
type Repair struct {
	ID         int64
	EntryID    int64
	MemberID   int64
	Text       string
	Evidence   []string
	FiledBy    string
	FiledAt    time.Time
	Status     string // pending, approved, rejected
	Reviewer   string
	ReviewedAt *time.Time
	Reasons    string
}
