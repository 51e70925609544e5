package event

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// RegStatus is a registration's state.
type RegStatus string

// Registration statuses.
const (
	Registered RegStatus = "registered"
	Waitlisted RegStatus = "waitlisted"
	Withdrawn  RegStatus = "cancelled"
)

// Registration is one person registered for an event. Personal data is
// kept only as the form collects it, with the consent and its purpose
// (8.2.1.3), and is erased after the retention period, keeping counts.
type Registration struct {
	ID          int64
	EventID     int64
	MemberID    *int64
	Name        string
	Phone       string
	Email       string
	Company     string
	Title       string
	IDNumber    string
	Consent     bool
	Purpose     string
	ConsentAt   time.Time
	Status      RegStatus
	Code        string // check-in code
	CheckedInAt *time.Time
	Score       *int // satisfaction 1–5
	Comment     string
	CreatedAt   time.Time
	Anonymised  bool
}

var (
	phonePattern    = regexp.MustCompile(`^[0-9+\-() ]{5,20}$`)
	idNumberPattern = regexp.MustCompile(`^[0-9]{17}[0-9Xx]$`)
)

// NewRegistration validates a form against what the event collects: a
// field the form does not collect is refused, not stored (8.2.1.3).
func NewRegistration(e Event, r Registration, now time.Time) (Registration, error) {
	fields := map[string]string{}
	r.Name, r.Phone = strings.TrimSpace(r.Name), strings.TrimSpace(r.Phone)
	if r.Name == "" || utf8.RuneCountInString(r.Name) > 64 {
		fields["name"] = "required"
	}
	if !phonePattern.MatchString(r.Phone) {
		fields["phone"] = "phone"
	}
	optional := map[string]string{"email": r.Email, "company": r.Company, "title": r.Title, "id_number": r.IDNumber}
	for name, v := range optional {
		if strings.TrimSpace(v) != "" && !e.Collects(name) {
			fields[name] = "not_collected"
		}
	}
	if r.Email != "" {
		if _, err := mail.ParseAddress(r.Email); err != nil {
			fields["email"] = "email"
		}
	}
	if r.IDNumber != "" && !idNumberPattern.MatchString(r.IDNumber) {
		fields["id_number"] = "invalid"
	}
	if !r.Consent {
		fields["consent"] = "consent_required"
	}
	if len(fields) > 0 {
		return Registration{}, errs.Invalid("request.invalid_fields", fields)
	}
	if e.Status != Published && e.Status != Held {
		return Registration{}, errs.Rule("event.registration_closed", "").With("status", string(e.Status))
	}
	r.EventID, r.Purpose, r.ConsentAt, r.CreatedAt = e.ID, e.ConsentPurpose, now, now
	return r, nil
}

// Place decides registered or waitlisted from the count already registered:
// never over capacity.
func (r *Registration) Place(registered, capacity int) {
	r.Status = Registered
	if registered >= capacity {
		r.Status = Waitlisted
	}
}

// CheckIn admits a registered attendee once, while the event is held.
func (r *Registration) CheckIn(e Event, at time.Time) error {
	switch {
	case e.Status != Held:
		return errs.Rule("checkin.not_open", "").With("status", string(e.Status))
	case r.Status != Registered:
		return errs.Rule("checkin.not_registered", "")
	case r.CheckedInAt != nil:
		return errs.Conflict("checkin.already")
	}
	r.CheckedInAt = &at
	return nil
}

// Anonymise erases personal data, keeping the record for counts.
func (r *Registration) Anonymise() {
	r.Name, r.Phone, r.Email, r.Company, r.Title, r.IDNumber, r.Comment = "（已匿名）", "", "", "", "", "", ""
	r.Anonymised = true
}

// Task is one item of the work breakdown (任务拆分).
type Task struct {
	ID      int64
	EventID int64
	Title   string
	Owner   string
	DueOn   time.Time
	Status  string // todo, doing, done
}

// ValidateTask checks a task.
func ValidateTask(t Task) error {
	fields := map[string]string{}
	if strings.TrimSpace(t.Title) == "" {
		fields["title"] = "required"
	}
	if strings.TrimSpace(t.Owner) == "" {
		fields["owner"] = "required"
	}
	switch t.Status {
	case "todo", "doing", "done":
	default:
		fields["status"] = "invalid"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	return nil
}

// Provider is a service provider of an event (8.2.1.2).
type Provider struct {
	ID             int64
	EventID        int64
	Name           string
	Service        string // venue, catering, security, streaming, translation …
	Qualifications []string
	ContractRef    string
	ContractTerms  string
	Quality        string // quality guarantee and standard
	Engaged        bool
}

// Engage marks a provider engaged: only under a contract that records its
// terms and quality guarantee (8.2.1.2).
func (p *Provider) Engage() error {
	if strings.TrimSpace(p.ContractRef) == "" || strings.TrimSpace(p.ContractTerms) == "" || strings.TrimSpace(p.Quality) == "" {
		return errs.Rule("provider.no_contract", ClauseVendors)
	}
	p.Engaged = true
	return nil
}
