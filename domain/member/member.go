package member

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// Status is where a member unit is in its lifecycle. The zero value is invalid.
type Status string

// Lifecycle states (8.1.2.2).
const (
	Applicant Status = "applicant"
	Active    Status = "active"
	Suspended Status = "suspended"
	Withdrawn Status = "withdrawn"
	Expelled  Status = "expelled"
)

// ParseStatus accepts the five states.
func ParseStatus(s string) (Status, error) {
	switch Status(s) {
	case Applicant, Active, Suspended, Withdrawn, Expelled:
		return Status(s), nil
	}
	return "", errs.Field("status", "invalid")
}

// Terminal reports whether the unit has left the association.
func (s Status) Terminal() bool { return s == Withdrawn || s == Expelled }

// Channel is how an application reached the association; joining is the
// unit's own act (8.1.2.2), so every application records its channel.
type Channel string

// Application channels.
const (
	ChannelPortal Channel = "portal" // the public application form
	ChannelPaper  Channel = "paper"  // a signed paper form, recorded by staff
	ChannelEmail  Channel = "email"
	ChannelImport Channel = "import" // a roster import: creates applicants only
)

// ParseChannel accepts the channels.
func ParseChannel(s string) (Channel, error) {
	switch Channel(s) {
	case ChannelPortal, ChannelPaper, ChannelEmail, ChannelImport:
		return Channel(s), nil
	}
	return "", errs.Field("channel", "invalid")
}

// Person is a named representative with a phone.
type Person struct {
	Name  string
	Phone string
}

// Contact is a liaison person (联络人).
type Contact struct {
	Name  string
	Title string
	Phone string
	Email string
}

// Profile is the basic situation 8.1.2.3 asks the roster to keep.
type Profile struct {
	Legal      string // 法律状况
	Business   string // 经营状况
	Credit     string // 信用状况
	Brand      string // 品牌状况
	Capability string // 能力状况
}

// Warning is a risk warning (异常和风险预警) on a unit.
type Warning struct {
	Text      string
	Level     string // low, medium, high
	Date      time.Time
	Source    string
	ClearedOn *time.Time
}

// Member is a member unit (会员单位).
type Member struct {
	ID             int64
	MemberNo       string // assigned at approval, sequential per year
	Name           string
	USCC           USCC
	UnitType       UnitType
	TierID         int64
	Status         Status
	CouncilUnit    bool // 理事单位: needs a council representative
	Address        string
	LegalRep       Person
	CouncilRep     *Person
	MemberRep      Person
	Contacts       []Contact
	Industry       string
	ChainSegment   string
	Region         string
	Channel        Channel
	ApplicationRef string // reference of the signed application form, when there is one
	AppliedOn      time.Time
	JoinedOn       *time.Time
	LeftOn         *time.Time
	LeaveReason    string
	Profile        Profile
	Warnings       []Warning
	LastReviewedAt time.Time
}

var phonePattern = regexp.MustCompile(`^[0-9+\-() ]{5,20}$`)

// Application is what a unit submits to join.
type Application struct {
	Name            string
	USCC            string
	UnitType        UnitType
	TierID          int64
	CharterAccepted bool
	Overseas        bool
	CouncilUnit     bool
	Channel         Channel
	ApplicationRef  string
	AppliedOn       time.Time
	Roster          Roster
	Industry        string
	ChainSegment    string
	Region          string
}

// Roster is the roster information 8.1.2.3 requires before activation.
type Roster struct {
	Address    string
	LegalRep   Person
	CouncilRep *Person
	MemberRep  Person
	Contacts   []Contact
}

// Apply validates an application and returns an applicant (never an active
// member: activation is the approval's act).
func Apply(a Application, now time.Time) (*Member, error) {
	fields := map[string]string{}
	name := strings.TrimSpace(a.Name)
	if name == "" {
		fields["name"] = "required"
	} else if utf8.RuneCountInString(name) > 128 {
		fields["name"] = "too_long"
	}
	if a.TierID <= 0 {
		fields["tier_id"] = "required"
	}
	checkRoster(a.Roster, fields, false)
	for k, v := range map[string]string{"industry": a.Industry, "chain_segment": a.ChainSegment, "region": a.Region} {
		if utf8.RuneCountInString(v) > 64 {
			fields[k] = "too_long"
		}
	}
	code, err := ParseUSCC(a.USCC)
	if err != nil && len(fields) == 0 {
		return nil, err // the code alone is wrong: say so with its own error code
	}
	if e, ok := errs.As(err); ok {
		for k, v := range e.Fields {
			fields[k] = v
		}
	}
	if len(fields) > 0 {
		return nil, errs.Invalid("request.invalid_fields", fields)
	}
	if err := CheckEligibility(a.UnitType, code, a.Overseas, a.CharterAccepted); err != nil {
		return nil, err
	}
	applied := a.AppliedOn
	if applied.IsZero() {
		applied = now
	}
	return &Member{
		Name: name, USCC: code, UnitType: a.UnitType, TierID: a.TierID, Status: Applicant, CouncilUnit: a.CouncilUnit,
		Address: strings.TrimSpace(a.Roster.Address), LegalRep: a.Roster.LegalRep, CouncilRep: a.Roster.CouncilRep,
		MemberRep: a.Roster.MemberRep, Contacts: a.Roster.Contacts, Industry: strings.TrimSpace(a.Industry),
		ChainSegment: strings.TrimSpace(a.ChainSegment), Region: strings.TrimSpace(a.Region), Channel: a.Channel,
		ApplicationRef: strings.TrimSpace(a.ApplicationRef), AppliedOn: applied, LastReviewedAt: now,
	}, nil
}

// checkRoster validates the formats of what is given; with complete set it
// also requires what activation needs.
func checkRoster(r Roster, fields map[string]string, complete bool) {
	person := func(prefix string, p *Person, required bool) {
		if p == nil {
			if required {
				fields[prefix] = "required"
			}
			return
		}
		if required && strings.TrimSpace(p.Name) == "" {
			fields[prefix+".name"] = "required"
		}
		if required && strings.TrimSpace(p.Phone) == "" {
			fields[prefix+".phone"] = "required"
		}
		if p.Phone != "" && !phonePattern.MatchString(p.Phone) {
			fields[prefix+".phone"] = "phone"
		}
	}
	if complete && strings.TrimSpace(r.Address) == "" {
		fields["address"] = "required"
	}
	person("legal_representative", &r.LegalRep, complete)
	person("member_representative", &r.MemberRep, complete)
	person("council_representative", r.CouncilRep, false)
	if complete && len(r.Contacts) == 0 {
		fields["contacts"] = "required"
	}
	for _, c := range r.Contacts {
		if strings.TrimSpace(c.Name) == "" {
			fields["contacts"] = "contact_name"
		}
		if c.Phone != "" && !phonePattern.MatchString(c.Phone) {
			fields["contacts"] = "phone"
		}
		if c.Email != "" {
			if _, err := mail.ParseAddress(c.Email); err != nil {
				fields["contacts"] = "email"
			}
		}
		if complete && c.Phone == "" && c.Email == "" {
			fields["contacts"] = "contact_reach"
		}
	}
}

// ClauseRoster is the clause on the roster's content.
const ClauseRoster = "8.1.2.3"

// ClauseLifecycle is the clause on joining and leaving.
const ClauseLifecycle = "8.1.2.2"

func (m *Member) roster() Roster {
	return Roster{Address: m.Address, LegalRep: m.LegalRep, CouncilRep: m.CouncilRep, MemberRep: m.MemberRep, Contacts: m.Contacts}
}

// Approve activates an applicant whose roster entry is complete (8.1.2.3):
// address, legal representative, member representative, one reachable
// liaison contact, and a council representative for a council unit.
func (m *Member) Approve(memberNo string, now time.Time) error {
	if m.Status != Applicant {
		return errs.Rule("member.not_applicant", ClauseLifecycle).With("status", string(m.Status))
	}
	fields := map[string]string{}
	checkRoster(m.roster(), fields, true)
	if m.CouncilUnit && (m.CouncilRep == nil || strings.TrimSpace(m.CouncilRep.Name) == "") {
		fields["council_representative"] = "required"
	}
	if len(fields) > 0 {
		return &errs.Error{Kind: errs.ErrRule, Code: "member.roster_incomplete", Clause: ClauseRoster, Fields: fields}
	}
	m.Status = Active
	m.MemberNo = memberNo
	day := now
	m.JoinedOn = &day
	m.LastReviewedAt = now
	return nil
}

// Suspend pauses an active membership.
func (m *Member) Suspend(reason string) error {
	if m.Status != Active {
		return errs.Rule("member.not_active", "").With("status", string(m.Status))
	}
	if strings.TrimSpace(reason) == "" {
		return errs.Field("reason", "required")
	}
	m.Status = Suspended
	return nil
}

// Reinstate ends a suspension.
func (m *Member) Reinstate() error {
	if m.Status != Suspended {
		return errs.Rule("member.not_suspended", "").With("status", string(m.Status))
	}
	m.Status = Active
	return nil
}

// Withdraw records a withdrawal. Withdrawal is free (8.1.2.2): it is never
// refused for arrears or anything else, only for a unit that already left.
func (m *Member) Withdraw(reason string, on time.Time) error {
	if m.Status.Terminal() {
		return errs.Rule("member.already_left", ClauseLifecycle).With("status", string(m.Status))
	}
	m.Status = Withdrawn
	m.LeftOn = &on
	m.LeaveReason = strings.TrimSpace(reason)
	return nil
}

// Expel removes a member for cause: it needs a reason, an approver and the
// council resolution that decided it.
func (m *Member) Expel(reason, approver, resolutionRef string, on time.Time) error {
	if m.Status != Active && m.Status != Suspended {
		return errs.Rule("member.not_a_member", ClauseLifecycle).With("status", string(m.Status))
	}
	fields := map[string]string{}
	if strings.TrimSpace(reason) == "" {
		fields["reason"] = "required"
	}
	if strings.TrimSpace(approver) == "" {
		fields["approver"] = "required"
	}
	if strings.TrimSpace(resolutionRef) == "" {
		fields["resolution_ref"] = "required"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	m.Status = Expelled
	m.LeftOn = &on
	m.LeaveReason = strings.TrimSpace(reason)
	return nil
}

// Billable reports whether the unit is billed for dues; withdrawal and
// expulsion end future billing.
func (m *Member) Billable() bool { return m.Status == Active || m.Status == Suspended }

// RiskLevel is the highest level among uncleared warnings, or "".
func (m *Member) RiskLevel() string {
	rank := map[string]int{"low": 1, "medium": 2, "high": 3}
	best := ""
	for _, w := range m.Warnings {
		if w.ClearedOn == nil && rank[w.Level] > rank[best] {
			best = w.Level
		}
	}
	return best
}
