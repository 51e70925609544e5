package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"huiguan/app"
	appevent "huiguan/app/event"
	"huiguan/domain/event"
)

// Events stores events, their plans and registrations; attendees' personal
// fields are encrypted.
type Events struct {
	s      *Store
	cipher FieldCipher
}

// NewEvents returns the events repository.
func NewEvents(s *Store, c FieldCipher) *Events { return &Events{s: s, cipher: c} }

var _ appevent.Store = (*Events)(nil)

type eventRecord struct {
	ID                 int64 `gorm:"primaryKey"`
	Title              string
	Kind               string
	StartsAt           time.Time
	EndsAt             time.Time
	Venue              string
	Capacity           int
	ExpectedAttendance int
	BudgetFen          int64
	Lead               string
	Team               string
	Goals              string
	Plan               string
	Risks              string
	IsExhibition       bool
	ManualLarge        bool
	Status             string
	Filing             string
	Inspection         string
	Emergency          string
	Green              string
	Fields             string
	ConsentPurpose     string
	Summary            string
	ClosedAt           *time.Time
	AnonymisedAt       *time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

func (eventRecord) TableName() string { return "events" }

func fromEvent(e event.Event) eventRecord {
	rec := eventRecord{ID: e.ID, Title: e.Title, Kind: string(e.Kind), StartsAt: e.StartsAt, EndsAt: e.EndsAt, Venue: e.Venue,
		Capacity: e.Capacity, ExpectedAttendance: e.ExpectedAttendance, BudgetFen: e.BudgetFen, Lead: e.Lead, Team: toJSON(nonNil(e.Team)),
		Goals: e.Goals, Plan: e.Plan, Risks: toJSON(nonNil(e.Risks)), IsExhibition: e.IsExhibition, ManualLarge: e.ManualLarge,
		Status: string(e.Status), Inspection: toJSON(e.Inspection), Emergency: toJSON(e.Emergency), Green: toJSON(nonNil(e.Green)),
		Fields: toJSON(nonNil(e.Fields)), ConsentPurpose: e.ConsentPurpose, Summary: e.Summary, ClosedAt: e.ClosedAt, AnonymisedAt: e.AnonymisedAt}
	if e.Filing != nil {
		rec.Filing = toJSON(e.Filing)
	}
	return rec
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (r eventRecord) toDomain() (event.Event, error) {
	e := event.Event{ID: r.ID, Title: r.Title, Kind: event.Kind(r.Kind), StartsAt: r.StartsAt.UTC(), EndsAt: r.EndsAt.UTC(), Venue: r.Venue,
		Capacity: r.Capacity, ExpectedAttendance: r.ExpectedAttendance, BudgetFen: r.BudgetFen, Lead: r.Lead, Goals: r.Goals, Plan: r.Plan,
		IsExhibition: r.IsExhibition, ManualLarge: r.ManualLarge, Status: event.Status(r.Status), ConsentPurpose: r.ConsentPurpose,
		Summary: r.Summary, ClosedAt: utcPtr(r.ClosedAt), AnonymisedAt: utcPtr(r.AnonymisedAt)}
	for _, j := range []struct {
		s string
		v any
	}{{r.Team, &e.Team}, {r.Risks, &e.Risks}, {r.Inspection, &e.Inspection}, {r.Emergency, &e.Emergency}, {r.Green, &e.Green}, {r.Fields, &e.Fields}} {
		if err := fromJSON(j.s, j.v); err != nil {
			return e, err
		}
	}
	if r.Filing != "" {
		e.Filing = &event.SafetyFiling{}
		if err := fromJSON(r.Filing, e.Filing); err != nil {
			return e, err
		}
	}
	return e, nil
}

// CreateEvent inserts an event.
func (r *Events) CreateEvent(ctx context.Context, e *event.Event) error {
	rec := fromEvent(*e)
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	e.ID = rec.ID
	return nil
}

// UpdateEvent rewrites an event.
func (r *Events) UpdateEvent(ctx context.Context, e event.Event) error {
	rec := fromEvent(e)
	rec.UpdatedAt = time.Now().UTC()
	return translate(r.s.conn(ctx).Model(&eventRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

func (r *Events) oneEvent(q *gorm.DB) (event.Event, error) {
	var rec eventRecord
	if err := q.Take(&rec).Error; err != nil {
		return event.Event{}, translate(err)
	}
	return rec.toDomain()
}

// Event loads an event.
func (r *Events) Event(ctx context.Context, id int64) (event.Event, error) {
	return r.oneEvent(r.s.conn(ctx).Where("id = ?", id))
}

// EventForUpdate loads and locks an event.
func (r *Events) EventForUpdate(ctx context.Context, id int64) (event.Event, error) {
	return r.oneEvent(r.s.forUpdate(r.s.conn(ctx)).Where("id = ?", id))
}

// Events lists events by start, newest first (upcoming: soonest first).
func (r *Events) Events(ctx context.Context, f appevent.Filter, p app.Page) (app.List[event.Event], error) {
	q := r.s.conn(ctx).Model(&eventRecord{})
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", string(f.Kind))
	}
	if f.From != nil {
		q = q.Where("starts_at >= ?", *f.From)
	}
	if f.To != nil {
		q = q.Where("starts_at < ?", *f.To)
	}
	if f.Query != "" {
		q = q.Where("title LIKE ?", "%"+escapeLike(f.Query)+"%")
	}
	order := "starts_at DESC, id DESC"
	if f.Upcoming {
		q = q.Where("status IN ? AND ends_at > ?", []string{string(event.Published), string(event.Held)}, f.Now)
		order = "starts_at, id"
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[event.Event]{}, translate(err)
	}
	var recs []eventRecord
	if err := q.Order(order).Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[event.Event]{}, translate(err)
	}
	out := app.List[event.Event]{Total: total, Page: p.Page, PageSize: p.PageSize}
	for _, rec := range recs {
		e, err := rec.toDomain()
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, e)
	}
	return out, nil
}

type taskRecord struct {
	ID      int64 `gorm:"primaryKey"`
	EventID int64
	Title   string
	Owner   string
	DueOn   time.Time
	Status  string
}

func (taskRecord) TableName() string { return "event_tasks" }

// CreateTask inserts a task.
func (r *Events) CreateTask(ctx context.Context, t *event.Task) error {
	rec := taskRecord(*t)
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	t.ID = rec.ID
	return nil
}

// UpdateTask rewrites a task.
func (r *Events) UpdateTask(ctx context.Context, t event.Task) error {
	rec := taskRecord(t)
	return translate(r.s.conn(ctx).Model(&taskRecord{ID: rec.ID}).Select("*").Omit("id", "event_id").Updates(&rec).Error)
}

// Task loads an event's task.
func (r *Events) Task(ctx context.Context, eventID, id int64) (event.Task, error) {
	var rec taskRecord
	if err := r.s.conn(ctx).Where("event_id = ? AND id = ?", eventID, id).Take(&rec).Error; err != nil {
		return event.Task{}, translate(err)
	}
	return event.Task(rec), nil
}

// Tasks lists an event's tasks by due date.
func (r *Events) Tasks(ctx context.Context, eventID int64) ([]event.Task, error) {
	var recs []taskRecord
	if err := r.s.conn(ctx).Where("event_id = ?", eventID).Order("due_on, id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]event.Task, len(recs))
	for i, rec := range recs {
		out[i] = event.Task(rec)
		out[i].DueOn = out[i].DueOn.UTC()
	}
	return out, nil
}

type providerRecord struct {
	ID             int64 `gorm:"primaryKey"`
	EventID        int64
	Name           string
	Service        string
	Qualifications string
	ContractRef    string
	ContractTerms  string
	Quality        string
	Engaged        bool
}

func (providerRecord) TableName() string { return "event_providers" }

func fromProvider(p event.Provider) providerRecord {
	return providerRecord{ID: p.ID, EventID: p.EventID, Name: p.Name, Service: p.Service, Qualifications: toJSON(nonNil(p.Qualifications)),
		ContractRef: p.ContractRef, ContractTerms: p.ContractTerms, Quality: p.Quality, Engaged: p.Engaged}
}

func (rec providerRecord) toDomain() (event.Provider, error) {
	p := event.Provider{ID: rec.ID, EventID: rec.EventID, Name: rec.Name, Service: rec.Service, ContractRef: rec.ContractRef,
		ContractTerms: rec.ContractTerms, Quality: rec.Quality, Engaged: rec.Engaged}
	return p, fromJSON(rec.Qualifications, &p.Qualifications)
}

// CreateProvider inserts a provider.
func (r *Events) CreateProvider(ctx context.Context, p *event.Provider) error {
	rec := fromProvider(*p)
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	p.ID = rec.ID
	return nil
}

// UpdateProvider rewrites a provider.
func (r *Events) UpdateProvider(ctx context.Context, p event.Provider) error {
	rec := fromProvider(p)
	return translate(r.s.conn(ctx).Model(&providerRecord{ID: rec.ID}).Select("*").Omit("id", "event_id").Updates(&rec).Error)
}

// Provider loads an event's provider.
func (r *Events) Provider(ctx context.Context, eventID, id int64) (event.Provider, error) {
	var rec providerRecord
	if err := r.s.conn(ctx).Where("event_id = ? AND id = ?", eventID, id).Take(&rec).Error; err != nil {
		return event.Provider{}, translate(err)
	}
	return rec.toDomain()
}

func (r *Events) providers(q *gorm.DB) ([]event.Provider, error) {
	var recs []providerRecord
	if err := q.Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]event.Provider, 0, len(recs))
	for _, rec := range recs {
		p, err := rec.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Providers lists an event's providers.
func (r *Events) Providers(ctx context.Context, eventID int64) ([]event.Provider, error) {
	return r.providers(r.s.conn(ctx).Where("event_id = ?", eventID))
}

// AllProviders lists every provider.
func (r *Events) AllProviders(ctx context.Context) ([]event.Provider, error) {
	return r.providers(r.s.conn(ctx))
}

type registrationRecord struct {
	ID          int64 `gorm:"primaryKey"`
	EventID     int64
	MemberID    *int64
	NameEnc     string
	PhoneEnc    string
	EmailEnc    string
	CompanyEnc  string
	TitleEnc    string
	IDNumberEnc string
	PersonKey   *string
	Consent     bool
	Purpose     string
	ConsentAt   time.Time
	Status      string
	Code        string
	CheckedInAt *time.Time
	Score       *int
	Comment     string
	Anonymised  bool
	CreatedAt   time.Time
}

func (registrationRecord) TableName() string { return "registrations" }

func (r *Events) encodeReg(g event.Registration) (registrationRecord, error) {
	rec := registrationRecord{ID: g.ID, EventID: g.EventID, MemberID: g.MemberID, Consent: g.Consent, Purpose: g.Purpose,
		ConsentAt: g.ConsentAt, Status: string(g.Status), Code: g.Code, CheckedInAt: g.CheckedInAt, Score: g.Score,
		Comment: g.Comment, Anonymised: g.Anonymised, CreatedAt: g.CreatedAt}
	if g.Status != event.Withdrawn && !g.Anonymised {
		key := r.cipher.BlindIndex(g.Phone)
		rec.PersonKey = &key
	}
	var err error
	for _, f := range []struct {
		dst   *string
		plain string
	}{{&rec.NameEnc, g.Name}, {&rec.PhoneEnc, g.Phone}, {&rec.EmailEnc, g.Email}, {&rec.CompanyEnc, g.Company},
		{&rec.TitleEnc, g.Title}, {&rec.IDNumberEnc, g.IDNumber}} {
		if *f.dst, err = r.cipher.Encrypt(f.plain); err != nil {
			return rec, err
		}
	}
	return rec, nil
}

func (r *Events) decodeReg(rec registrationRecord) (event.Registration, error) {
	g := event.Registration{ID: rec.ID, EventID: rec.EventID, MemberID: rec.MemberID, Consent: rec.Consent, Purpose: rec.Purpose,
		ConsentAt: rec.ConsentAt.UTC(), Status: event.RegStatus(rec.Status), Code: rec.Code, CheckedInAt: utcPtr(rec.CheckedInAt),
		Score: rec.Score, Comment: rec.Comment, Anonymised: rec.Anonymised, CreatedAt: rec.CreatedAt.UTC()}
	var err error
	for _, f := range []struct {
		dst    *string
		stored string
	}{{&g.Name, rec.NameEnc}, {&g.Phone, rec.PhoneEnc}, {&g.Email, rec.EmailEnc}, {&g.Company, rec.CompanyEnc},
		{&g.Title, rec.TitleEnc}, {&g.IDNumber, rec.IDNumberEnc}} {
		if *f.dst, err = r.cipher.Decrypt(f.stored); err != nil {
			return g, err
		}
	}
	return g, nil
}

// CreateRegistration inserts a registration.
func (r *Events) CreateRegistration(ctx context.Context, g *event.Registration) error {
	rec, err := r.encodeReg(*g)
	if err != nil {
		return err
	}
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	g.ID = rec.ID
	return nil
}

// UpdateRegistration rewrites a registration.
func (r *Events) UpdateRegistration(ctx context.Context, g event.Registration) error {
	rec, err := r.encodeReg(g)
	if err != nil {
		return err
	}
	return translate(r.s.conn(ctx).Model(&registrationRecord{ID: rec.ID}).Select("*").Omit("id", "event_id", "created_at").Updates(&rec).Error)
}

func (r *Events) oneReg(q *gorm.DB) (event.Registration, error) {
	var rec registrationRecord
	if err := q.Take(&rec).Error; err != nil {
		return event.Registration{}, translate(err)
	}
	return r.decodeReg(rec)
}

// Registration loads an event's registration.
func (r *Events) Registration(ctx context.Context, eventID, id int64) (event.Registration, error) {
	return r.oneReg(r.s.conn(ctx).Where("event_id = ? AND id = ?", eventID, id))
}

// RegistrationByCode loads a registration by its check-in code.
func (r *Events) RegistrationByCode(ctx context.Context, eventID int64, code string) (event.Registration, error) {
	return r.oneReg(r.s.conn(ctx).Where("event_id = ? AND code = ?", eventID, code))
}

func (r *Events) regs(q *gorm.DB) ([]event.Registration, error) {
	var recs []registrationRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]event.Registration, 0, len(recs))
	for _, rec := range recs {
		g, err := r.decodeReg(rec)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// Registrations lists an event's registrations in order of registration.
func (r *Events) Registrations(ctx context.Context, eventID int64, f appevent.RegFilter, p app.Page) (app.List[event.Registration], error) {
	q := r.s.conn(ctx).Model(&registrationRecord{}).Where("event_id = ?", eventID)
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.CheckedIn != nil {
		if *f.CheckedIn {
			q = q.Where("checked_in_at IS NOT NULL")
		} else {
			q = q.Where("checked_in_at IS NULL")
		}
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[event.Registration]{}, translate(err)
	}
	items, err := r.regs(q.Order("id").Offset(p.Offset()).Limit(p.PageSize))
	return app.List[event.Registration]{Items: items, Total: total, Page: p.Page, PageSize: p.PageSize}, err
}

// MemberRegistrations lists a unit's registrations, newest first.
func (r *Events) MemberRegistrations(ctx context.Context, memberID int64) ([]event.Registration, error) {
	return r.regs(r.s.conn(ctx).Where("member_id = ?", memberID).Order("id DESC").Limit(200))
}

// CountRegistered counts the taken places.
func (r *Events) CountRegistered(ctx context.Context, eventID int64) (int, error) {
	var n int64
	err := r.s.conn(ctx).Model(&registrationRecord{}).Where("event_id = ? AND status = ?", eventID, string(event.Registered)).Count(&n).Error
	return int(n), translate(err)
}

// FirstWaitlisted returns the earliest waitlisted registration, or nil.
func (r *Events) FirstWaitlisted(ctx context.Context, eventID int64) (*event.Registration, error) {
	list, err := r.regs(r.s.conn(ctx).Where("event_id = ? AND status = ?", eventID, string(event.Waitlisted)).Order("id").Limit(1))
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// EachRegistration streams an event's registrations in batches.
func (r *Events) EachRegistration(ctx context.Context, eventID int64, fn func(event.Registration) error) error {
	var last int64
	for {
		list, err := r.regs(r.s.conn(ctx).Where("event_id = ? AND id > ?", eventID, last).Order("id").Limit(1000))
		if err != nil {
			return err
		}
		for _, g := range list {
			if err := fn(g); err != nil {
				return err
			}
			last = g.ID
		}
		if len(list) < 1000 {
			return nil
		}
	}
}

// Stats counts an event's registrations.
func (r *Events) Stats(ctx context.Context, eventID int64) (appevent.Stats, error) {
	var rows []struct {
		Status    string
		N         int
		CheckedIn int
		Scores    int
		ScoreSum  int
	}
	err := r.s.conn(ctx).Model(&registrationRecord{}).
		Select("status, COUNT(*) AS n, COUNT(checked_in_at) AS checked_in, COUNT(score) AS scores, COALESCE(SUM(score), 0) AS score_sum").
		Where("event_id = ?", eventID).Group("status").Scan(&rows).Error
	var st appevent.Stats
	for _, row := range rows {
		switch event.RegStatus(row.Status) {
		case event.Registered:
			st.Registered = row.N
		case event.Waitlisted:
			st.Waitlisted = row.N
		case event.Withdrawn:
			st.Cancelled = row.N
		}
		st.CheckedIn += row.CheckedIn
		st.Scores += row.Scores
		st.ScoreSum += row.ScoreSum
	}
	return st, translate(err)
}

// AnonymiseEvent erases personal data, keeping statuses, check-ins and scores.
func (r *Events) AnonymiseEvent(ctx context.Context, eventID int64, at time.Time) (int, error) {
	name, err := r.cipher.Encrypt("（已匿名）")
	if err != nil {
		return 0, err
	}
	res := r.s.conn(ctx).Model(&registrationRecord{}).Where("event_id = ? AND anonymised = ?", eventID, false).Updates(map[string]any{
		"name_enc": name, "phone_enc": "", "email_enc": "", "company_enc": "", "title_enc": "", "id_number_enc": "",
		"comment": "", "person_key": nil, "anonymised": true})
	if res.Error != nil {
		return 0, translate(res.Error)
	}
	return int(res.RowsAffected), translate(r.s.conn(ctx).Model(&eventRecord{}).Where("id = ?", eventID).Update("anonymised_at", at).Error)
}
