// Package event holds the rules of 8.2.1 for events and exhibitions: a
// lead before anything leaves planning, vendors under contract, the safety
// gate of a large event (filing, fire inspection, emergency plan) before it
// may be held, and registration with capacity, waitlist and consent.
package event

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// Kind is the type of event (8.2.1).
type Kind string

// Event kinds.
const (
	Forum          Kind = "forum"           // 专业论坛
	Exhibition     Kind = "exhibition"      // 展览交易
	PolicyBriefing Kind = "policy_briefing" // 政策宣讲
	Exchange       Kind = "exchange"        // 业务交流
	Matchmaking    Kind = "matchmaking"     // 需求对接
	Release        Kind = "release"         // 成果发布
	Training       Kind = "training"        // 培训讲座
	International  Kind = "international"   // 国际交流
	OtherKind      Kind = "other"
)

// ParseKind accepts the kinds.
func ParseKind(s string) (Kind, error) {
	switch Kind(s) {
	case Forum, Exhibition, PolicyBriefing, Exchange, Matchmaking, Release, Training, International, OtherKind:
		return Kind(s), nil
	}
	return "", errs.Field("kind", "invalid")
}

// Status is the event's lifecycle.
type Status string

// Statuses: planning → registration open → under way (check-in) → closed;
// or cancelled before it closes.
const (
	Draft     Status = "draft"
	Published Status = "published"
	Held      Status = "held"
	Closed    Status = "closed"
	Cancelled Status = "cancelled"
)

// TeamMember is a member of the execution team with a responsibility.
type TeamMember struct {
	Name           string
	Role           string
	Responsibility string
}

// Risk is one entry of the risk list with its control.
type Risk struct {
	Risk    string
	Control string
}

// SafetyFiling is the 活动安全报备 of a large event.
type SafetyFiling struct {
	Authority string
	FilingNo  string
	FiledOn   time.Time
	Document  string
}

// Check is one checked item of an inspection.
type Check struct {
	OK        bool
	CheckedBy string
	CheckedAt time.Time
	Note      string
}

// FireInspection is the fire-safety checklist of 8.2.1.4.
type FireInspection struct {
	EvacuationSigns Check // 疏散标志准确、完备、醒目
	ExitsClear      Check // 消防通道和安全出口畅通
	EquipmentValid  Check // 消防设施到位有效
}

// Complete reports whether every item passed.
func (f FireInspection) Complete() bool {
	return f.EvacuationSigns.OK && f.ExitsClear.OK && f.EquipmentValid.OK
}

// EmergencyPlan is the plan of 8.2.1.6: four risk domains, a procedure and
// named responsibilities, agreed with the venue.
type EmergencyPlan struct {
	PublicSafety  string
	FoodSafety    string
	Medical       string
	OnlineOpinion string // 网络舆情
	Procedure     string
	Roles         []TeamMember
	VenueAgreed   bool
	VendorsAgreed bool
}

// Missing lists what the plan lacks.
func (p EmergencyPlan) Missing() []string {
	var out []string
	for name, v := range map[string]string{"public_safety": p.PublicSafety, "food_safety": p.FoodSafety, "medical": p.Medical,
		"online_opinion": p.OnlineOpinion, "procedure": p.Procedure} {
		if strings.TrimSpace(v) == "" {
			out = append(out, "emergency_plan."+name)
		}
	}
	if len(p.Roles) == 0 {
		out = append(out, "emergency_plan.roles")
	}
	if !p.VenueAgreed {
		out = append(out, "emergency_plan.venue_agreed")
	}
	sort.Strings(out)
	return out
}

// Fields an event's registration form may collect beyond name and phone.
var OptionalFields = []string{"company", "title", "email", "id_number"}

// Event is an event or exhibition.
type Event struct {
	ID                 int64
	Title              string
	Kind               Kind
	StartsAt, EndsAt   time.Time
	Venue              string
	Capacity           int
	ExpectedAttendance int
	BudgetFen          int64
	Lead               string
	Team               []TeamMember
	Goals              string
	Plan               string
	Risks              []Risk
	IsExhibition       bool
	ManualLarge        bool
	Status             Status
	Filing             *SafetyFiling
	Inspection         FireInspection
	Emergency          EmergencyPlan
	Green              []string // green-design items done (8.2.1.5, optional)
	Fields             []string // optional registration fields collected
	ConsentPurpose     string   // shown on the form; consent is recorded against it
	Summary            string
	ClosedAt           *time.Time
	AnonymisedAt       *time.Time
}

// Validate checks an event's own fields.
func (e Event) Validate() error {
	fields := map[string]string{}
	if t := strings.TrimSpace(e.Title); t == "" {
		fields["title"] = "required"
	} else if utf8.RuneCountInString(t) > 200 {
		fields["title"] = "too_long"
	}
	if e.StartsAt.IsZero() {
		fields["starts_at"] = "required"
	}
	if e.EndsAt.IsZero() || !e.EndsAt.After(e.StartsAt) {
		fields["ends_at"] = "after_start"
	}
	if strings.TrimSpace(e.Venue) == "" {
		fields["venue"] = "required"
	}
	if e.Capacity < 1 {
		fields["capacity"] = "min"
	}
	if e.ExpectedAttendance < 0 {
		fields["expected_attendance"] = "min"
	}
	if e.BudgetFen < 0 {
		fields["budget_fen"] = "positive_fen"
	}
	for _, f := range e.Fields {
		if !contains(OptionalFields, f) {
			fields["registration_fields"] = "invalid"
		}
	}
	if strings.TrimSpace(e.ConsentPurpose) == "" {
		fields["consent_purpose"] = "required"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields).With("min", 1)
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

// Collects reports whether the form collects an optional field.
func (e Event) Collects(field string) bool { return contains(e.Fields, field) }

// Large reports whether the safety gate applies: an exhibition, a manual
// switch, or expected attendance at the threshold (8.2.1.4).
func (e Event) Large(threshold int) bool {
	return e.IsExhibition || e.Kind == Exhibition || e.ManualLarge || e.ExpectedAttendance >= threshold
}

// Clauses of 8.2.1.
const (
	ClauseLead      = "8.2.1.1"
	ClauseVendors   = "8.2.1.2"
	ClausePrivacy   = "8.2.1.3"
	ClauseSafety    = "8.2.1.4"
	ClauseEmergency = "8.2.1.6"
)

// GateMissing lists what a large event still lacks before it may be held:
// the safety filing, each failed or unchecked fire-inspection item, and the
// emergency plan's gaps.
func (e Event) GateMissing() []string {
	var out []string
	if e.Filing == nil || strings.TrimSpace(e.Filing.FilingNo) == "" {
		out = append(out, "safety_filing")
	}
	for name, c := range map[string]Check{"fire_inspection.evacuation_signs": e.Inspection.EvacuationSigns,
		"fire_inspection.exits_clear": e.Inspection.ExitsClear, "fire_inspection.equipment_valid": e.Inspection.EquipmentValid} {
		if !c.OK {
			out = append(out, name)
		}
	}
	out = append(out, e.Emergency.Missing()...)
	sort.Strings(out)
	return out
}

// Publish opens registration. An event without its overall lead cannot
// leave planning (8.2.1.1). A large event may be published with its gate
// incomplete; the gaps are returned as warnings.
func (e *Event) Publish(threshold int) ([]string, error) {
	if e.Status != Draft {
		return nil, errs.Rule("event.not_draft", "").With("status", string(e.Status))
	}
	if strings.TrimSpace(e.Lead) == "" {
		return nil, errs.Rule("event.no_lead", ClauseLead)
	}
	e.Status = Published
	if e.Large(threshold) {
		return e.GateMissing(), nil
	}
	return nil, nil
}

// Hold starts the event (check-in opens). A large event's gate must be
// complete: filing, fire inspection and emergency plan (8.2.1.4, 8.2.1.6).
func (e *Event) Hold(threshold int) error {
	if e.Status != Published {
		return errs.Rule("event.not_published", "").With("status", string(e.Status))
	}
	if e.Large(threshold) {
		if missing := e.GateMissing(); len(missing) > 0 {
			return (&errs.Error{Kind: errs.ErrRule, Code: "event.gate_incomplete", Clause: ClauseSafety}).With("missing", strings.Join(missing, ", "))
		}
	}
	e.Status = Held
	return nil
}

// Close ends a held event.
func (e *Event) Close(at time.Time) error {
	if e.Status != Held {
		return errs.Rule("event.not_held", "").With("status", string(e.Status))
	}
	e.Status, e.ClosedAt = Closed, &at
	return nil
}

// Cancel calls off an event that has not closed.
func (e *Event) Cancel() error {
	if e.Status == Closed || e.Status == Cancelled {
		return errs.Rule("event.not_cancellable", "").With("status", string(e.Status))
	}
	e.Status = Cancelled
	return nil
}

// Editable reports whether planning data may still change.
func (e Event) Editable() error {
	if e.Status == Closed || e.Status == Cancelled {
		return errs.Rule("event.finished", "").With("status", string(e.Status))
	}
	return nil
}
