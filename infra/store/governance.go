package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm/clause"

	"huiguan/app"
	appgov "huiguan/app/governance"
	"huiguan/domain/errs"
	gov "huiguan/domain/governance"
	"huiguan/domain/member"
)

// Governance stores the governance register.
type Governance struct{ s *Store }

// NewGovernance returns the governance repository.
func NewGovernance(s *Store) *Governance { return &Governance{s: s} }

var _ appgov.Store = (*Governance)(nil)

type associationRecord struct {
	ID                    int `gorm:"primaryKey"`
	FullName              string
	ShortName             string
	USCC                  string `gorm:"column:uscc"`
	BusinessScope         string
	RegistrationAuthority string
	RegisteredOn          time.Time
	UpdatedAt             time.Time
}

func (associationRecord) TableName() string { return "association" }

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain data structures are encoded here
	}
	return string(b)
}

func fromJSON(s string, v any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

// Association returns the profile, if set.
func (g *Governance) Association(ctx context.Context) (gov.Association, bool, error) {
	var rec associationRecord
	err := translate(g.s.conn(ctx).Where("id = 1").Take(&rec).Error)
	if isNotFound(err) {
		return gov.Association{}, false, nil
	}
	if err != nil {
		return gov.Association{}, false, err
	}
	a := gov.Association{FullName: rec.FullName, ShortName: rec.ShortName, USCC: member.USCC(rec.USCC),
		RegistrationAuthority: rec.RegistrationAuthority, RegisteredOn: rec.RegisteredOn.UTC()}
	return a, true, fromJSON(rec.BusinessScope, &a.BusinessScope)
}

// SaveAssociation writes the profile.
func (g *Governance) SaveAssociation(ctx context.Context, a gov.Association) error {
	rec := associationRecord{ID: 1, FullName: a.FullName, ShortName: a.ShortName, USCC: string(a.USCC), BusinessScope: toJSON(a.BusinessScope),
		RegistrationAuthority: a.RegistrationAuthority, RegisteredOn: a.RegisteredOn, UpdatedAt: time.Now().UTC()}
	return translate(g.s.conn(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&rec).Error)
}

type bodyRecord struct {
	ID              int64 `gorm:"primaryKey"`
	Kind            string
	Name            string
	TermNo          int
	TermStart       time.Time
	TermEnd         time.Time
	Seats           string
	QuorumNum       int
	QuorumDen       int
	MajorityNum     int
	MajorityDen     int
	SpecialNum      int
	SpecialDen      int
	Powers          string
	FormationMethod string
	RemovalMethod   string
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (bodyRecord) TableName() string { return "bodies" }

type seatJSON struct {
	MemberID   *int64 `json:"member_id,omitempty"`
	PersonName string `json:"person_name,omitempty"`
}

func fromBody(b gov.Body) bodyRecord {
	seats := make([]seatJSON, len(b.Seats))
	for i, s := range b.Seats {
		seats[i] = seatJSON(s)
	}
	r := b.Rules
	return bodyRecord{ID: b.ID, Kind: string(b.Kind), Name: b.Name, TermNo: b.TermNo, TermStart: b.TermStart, TermEnd: b.TermEnd,
		Seats: toJSON(seats), QuorumNum: r.Quorum.Num, QuorumDen: r.Quorum.Den, MajorityNum: r.Majority.Num, MajorityDen: r.Majority.Den,
		SpecialNum: r.Special.Num, SpecialDen: r.Special.Den, Powers: b.Powers, FormationMethod: b.FormationMethod, RemovalMethod: b.RemovalMethod}
}

func (r bodyRecord) toDomain() (gov.Body, error) {
	var seats []seatJSON
	if err := fromJSON(r.Seats, &seats); err != nil {
		return gov.Body{}, err
	}
	b := gov.Body{ID: r.ID, Kind: gov.BodyKind(r.Kind), Name: r.Name, TermNo: r.TermNo, TermStart: r.TermStart.UTC(), TermEnd: r.TermEnd.UTC(),
		Rules: gov.Rules{Quorum: gov.Ratio{Num: r.QuorumNum, Den: r.QuorumDen}, Majority: gov.Ratio{Num: r.MajorityNum, Den: r.MajorityDen},
			Special: gov.Ratio{Num: r.SpecialNum, Den: r.SpecialDen}},
		Powers: r.Powers, FormationMethod: r.FormationMethod, RemovalMethod: r.RemovalMethod}
	for _, s := range seats {
		b.Seats = append(b.Seats, gov.Seat(s))
	}
	return b, nil
}

// CreateBody inserts a body.
func (g *Governance) CreateBody(ctx context.Context, b *gov.Body) error {
	rec := fromBody(*b)
	if err := g.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	b.ID = rec.ID
	return nil
}

// UpdateBody replaces a body.
func (g *Governance) UpdateBody(ctx context.Context, b gov.Body) error {
	rec := fromBody(b)
	rec.UpdatedAt = time.Now().UTC()
	return translate(g.s.conn(ctx).Model(&bodyRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

// Body loads a body.
func (g *Governance) Body(ctx context.Context, id int64) (gov.Body, error) {
	var rec bodyRecord
	if err := g.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return gov.Body{}, translate(err)
	}
	return rec.toDomain()
}

// Bodies lists bodies by kind order and id.
func (g *Governance) Bodies(ctx context.Context) ([]gov.Body, error) {
	var recs []bodyRecord
	if err := g.s.conn(ctx).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]gov.Body, 0, len(recs))
	for _, r := range recs {
		b, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

type meetingRecord struct {
	ID         int64 `gorm:"primaryKey"`
	BodyID     int64
	Kind       string
	Title      string
	HeldOn     time.Time
	Place      string
	Agenda     string
	Minutes    string
	Attendance string
	Seats      int
	Attending  int
	CreatedAt  time.Time
}

func (meetingRecord) TableName() string { return "meetings" }

type attendanceJSON struct {
	MemberID   *int64 `json:"member_id,omitempty"`
	PersonName string `json:"person_name,omitempty"`
	Status     string `json:"status"`
}

func (r meetingRecord) toDomain() (gov.Meeting, error) {
	var att []attendanceJSON
	if err := fromJSON(r.Attendance, &att); err != nil {
		return gov.Meeting{}, err
	}
	m := gov.Meeting{ID: r.ID, BodyID: r.BodyID, Kind: gov.MeetingKind(r.Kind), Title: r.Title, HeldOn: r.HeldOn.UTC(), Place: r.Place,
		Agenda: r.Agenda, Minutes: r.Minutes, Seats: r.Seats, Attending: r.Attending}
	for _, a := range att {
		m.Attended = append(m.Attended, gov.Attendance{Seat: gov.Seat{MemberID: a.MemberID, PersonName: a.PersonName}, Status: gov.Presence(a.Status)})
	}
	return m, nil
}

// CreateMeeting inserts a meeting.
func (g *Governance) CreateMeeting(ctx context.Context, m *gov.Meeting) error {
	att := make([]attendanceJSON, len(m.Attended))
	for i, a := range m.Attended {
		att[i] = attendanceJSON{MemberID: a.Seat.MemberID, PersonName: a.Seat.PersonName, Status: string(a.Status)}
	}
	rec := meetingRecord{BodyID: m.BodyID, Kind: string(m.Kind), Title: m.Title, HeldOn: m.HeldOn, Place: m.Place, Agenda: m.Agenda,
		Minutes: m.Minutes, Attendance: toJSON(att), Seats: m.Seats, Attending: m.Attending}
	if err := g.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	m.ID = rec.ID
	return nil
}

// Meeting loads a meeting.
func (g *Governance) Meeting(ctx context.Context, id int64) (gov.Meeting, error) {
	var rec meetingRecord
	if err := g.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return gov.Meeting{}, translate(err)
	}
	return rec.toDomain()
}

// Meetings lists meetings, newest first.
func (g *Governance) Meetings(ctx context.Context, f appgov.MeetingFilter, p app.Page) (app.List[gov.Meeting], error) {
	q := g.s.conn(ctx).Model(&meetingRecord{})
	if f.BodyID != 0 {
		q = q.Where("body_id = ?", f.BodyID)
	}
	if f.From != nil {
		q = q.Where("held_on >= ?", *f.From)
	}
	if f.To != nil {
		q = q.Where("held_on < ?", *f.To)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[gov.Meeting]{}, translate(err)
	}
	var recs []meetingRecord
	if err := q.Order("held_on DESC, id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[gov.Meeting]{}, translate(err)
	}
	out := app.List[gov.Meeting]{Total: total, Page: p.Page, PageSize: p.PageSize}
	for _, r := range recs {
		m, err := r.toDomain()
		if err != nil {
			return app.List[gov.Meeting]{}, err
		}
		out.Items = append(out.Items, m)
	}
	return out, nil
}

// ElectionSince reports whether the body held an election on or after since.
func (g *Governance) ElectionSince(ctx context.Context, bodyID int64, since time.Time) (bool, error) {
	var n int64
	err := g.s.conn(ctx).Model(&meetingRecord{}).Where("body_id = ? AND kind = ? AND held_on >= ?", bodyID, string(gov.Election), since).Count(&n).Error
	return n > 0, translate(err)
}

type resolutionRecord struct {
	ID           int64 `gorm:"primaryKey"`
	MeetingID    int64
	BodyID       int64
	BodyKind     string
	HeldOn       time.Time
	Title        string
	Text         string
	Kind         string
	VotesFor     int
	VotesAgainst int
	VotesAbstain int
	Outcome      string
	SupersedesID *int64
	SupersededBy *int64
	CreatedAt    time.Time
}

func (resolutionRecord) TableName() string { return "resolutions" }

func (r resolutionRecord) toDomain() gov.Resolution {
	return gov.Resolution{ID: r.ID, MeetingID: r.MeetingID, BodyID: r.BodyID, BodyKind: gov.BodyKind(r.BodyKind), HeldOn: r.HeldOn.UTC(),
		Title: r.Title, Text: r.Text, Kind: gov.ResolutionKind(r.Kind), VotesFor: r.VotesFor, VotesAgainst: r.VotesAgainst,
		VotesAbstain: r.VotesAbstain, Outcome: gov.Outcome(r.Outcome), Supersedes: r.SupersedesID, SupersededBy: r.SupersededBy}
}

// CreateResolution inserts a resolution; resolutions are never updated
// except to record the one that supersedes them.
func (g *Governance) CreateResolution(ctx context.Context, r *gov.Resolution) error {
	rec := resolutionRecord{MeetingID: r.MeetingID, BodyID: r.BodyID, BodyKind: string(r.BodyKind), HeldOn: r.HeldOn, Title: r.Title,
		Text: r.Text, Kind: string(r.Kind), VotesFor: r.VotesFor, VotesAgainst: r.VotesAgainst, VotesAbstain: r.VotesAbstain,
		Outcome: string(r.Outcome), SupersedesID: r.Supersedes}
	if err := g.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	r.ID = rec.ID
	return nil
}

// Supersede records that newID corrects oldID.
func (g *Governance) Supersede(ctx context.Context, oldID, newID int64) error {
	res := g.s.conn(ctx).Model(&resolutionRecord{}).Where("id = ? AND superseded_by IS NULL", oldID).Update("superseded_by", newID)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected != 1 {
		return errs.Conflict("resolution.already_superseded")
	}
	return nil
}

// Resolution loads a resolution.
func (g *Governance) Resolution(ctx context.Context, id int64) (gov.Resolution, error) {
	var rec resolutionRecord
	if err := g.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return gov.Resolution{}, translate(err)
	}
	return rec.toDomain(), nil
}

// ResolutionForUpdate loads and locks a resolution.
func (g *Governance) ResolutionForUpdate(ctx context.Context, id int64) (gov.Resolution, error) {
	var rec resolutionRecord
	if err := g.s.forUpdate(g.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return gov.Resolution{}, translate(err)
	}
	return rec.toDomain(), nil
}

// Resolutions lists resolutions, newest first.
func (g *Governance) Resolutions(ctx context.Context, f appgov.ResolutionFilter, p app.Page) (app.List[gov.Resolution], error) {
	q := g.s.conn(ctx).Model(&resolutionRecord{})
	if f.Kind != "" {
		q = q.Where("kind = ?", string(f.Kind))
	}
	if f.BodyKind != "" {
		q = q.Where("body_kind = ?", string(f.BodyKind))
	}
	if f.Outcome != "" {
		q = q.Where("outcome = ?", string(f.Outcome))
	}
	if f.MeetingID != 0 {
		q = q.Where("meeting_id = ?", f.MeetingID)
	}
	if f.Current {
		q = q.Where("superseded_by IS NULL")
	}
	if f.Query != "" {
		q = q.Where("title LIKE ?", "%"+escapeLike(f.Query)+"%")
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[gov.Resolution]{}, translate(err)
	}
	var recs []resolutionRecord
	if err := q.Order("held_on DESC, id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[gov.Resolution]{}, translate(err)
	}
	out := app.List[gov.Resolution]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]gov.Resolution, len(recs))}
	for i, r := range recs {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

type positionTypeRecord struct {
	Title             string `gorm:"primaryKey"`
	Powers            string
	AppointmentMethod string
	RemovalMethod     string
	TermYears         int
	UpdatedAt         time.Time
}

func (positionTypeRecord) TableName() string { return "position_types" }

// SavePositionType inserts or replaces a position's definition.
func (g *Governance) SavePositionType(ctx context.Context, p gov.PositionType) error {
	rec := positionTypeRecord{Title: string(p.Title), Powers: p.Powers, AppointmentMethod: p.AppointmentMethod,
		RemovalMethod: p.RemovalMethod, TermYears: p.TermYears, UpdatedAt: time.Now().UTC()}
	return translate(g.s.conn(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&rec).Error)
}

// PositionTypes lists the defined positions.
func (g *Governance) PositionTypes(ctx context.Context) ([]gov.PositionType, error) {
	var recs []positionTypeRecord
	if err := g.s.conn(ctx).Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]gov.PositionType, len(recs))
	for i, r := range recs {
		out[i] = gov.PositionType{Title: gov.Title(r.Title), Powers: r.Powers, AppointmentMethod: r.AppointmentMethod,
			RemovalMethod: r.RemovalMethod, TermYears: r.TermYears}
	}
	return out, nil
}

type tenureRecord struct {
	ID           int64 `gorm:"primaryKey"`
	Title        string
	PersonName   string
	MemberID     *int64
	FullTime     bool
	TermNo       int
	TermStart    time.Time
	TermEnd      time.Time
	ResolutionID *int64
	CreatedAt    time.Time
}

func (tenureRecord) TableName() string { return "tenures" }

// CreateTenure inserts a tenure.
func (g *Governance) CreateTenure(ctx context.Context, t *gov.Tenure) error {
	rec := tenureRecord{Title: string(t.Title), PersonName: t.PersonName, MemberID: t.MemberID, FullTime: t.FullTime, TermNo: t.TermNo,
		TermStart: t.TermStart, TermEnd: t.TermEnd, ResolutionID: t.ResolutionID}
	if err := g.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	t.ID = rec.ID
	return nil
}

// Tenures lists tenures, newest term first.
func (g *Governance) Tenures(ctx context.Context, f appgov.TenureFilter) ([]gov.Tenure, error) {
	q := g.s.conn(ctx).Model(&tenureRecord{})
	if f.Title != "" {
		q = q.Where("title = ?", string(f.Title))
	}
	if f.PersonName != "" {
		q = q.Where("person_name = ?", f.PersonName)
	}
	if f.MemberID != 0 {
		q = q.Where("member_id = ?", f.MemberID)
	}
	if f.On != nil {
		q = q.Where("term_start <= ? AND term_end >= ?", *f.On, *f.On)
	}
	var recs []tenureRecord
	if err := q.Order("term_no DESC, id DESC").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]gov.Tenure, len(recs))
	for i, r := range recs {
		out[i] = gov.Tenure{ID: r.ID, Title: gov.Title(r.Title), PersonName: r.PersonName, MemberID: r.MemberID, FullTime: r.FullTime,
			TermNo: r.TermNo, TermStart: r.TermStart.UTC(), TermEnd: r.TermEnd.UTC(), ResolutionID: r.ResolutionID}
	}
	return out, nil
}

type branchRecord struct {
	ID           int64 `gorm:"primaryKey"`
	Kind         string
	Name         string
	Scope        string
	Head         string
	ResolutionID *int64
	Status       string
	SuffixReview string
	PlaceReview  string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (branchRecord) TableName() string { return "branches" }

func fromBranch(b gov.Branch) branchRecord {
	rec := branchRecord{ID: b.ID, Kind: string(b.Kind), Name: b.Name, Scope: toJSON(b.Scope), Head: b.Head, ResolutionID: b.ResolutionID, Status: string(b.Status)}
	if b.SuffixReview != nil {
		rec.SuffixReview = toJSON(b.SuffixReview)
	}
	if b.PlaceReview != nil {
		rec.PlaceReview = toJSON(b.PlaceReview)
	}
	return rec
}

func (r branchRecord) toDomain() (gov.Branch, error) {
	b := gov.Branch{ID: r.ID, Kind: gov.BranchKind(r.Kind), Name: r.Name, Head: r.Head, ResolutionID: r.ResolutionID, Status: gov.BranchStatus(r.Status)}
	if err := fromJSON(r.Scope, &b.Scope); err != nil {
		return b, err
	}
	if r.SuffixReview != "" {
		b.SuffixReview = &gov.Review{}
		if err := fromJSON(r.SuffixReview, b.SuffixReview); err != nil {
			return b, err
		}
	}
	if r.PlaceReview != "" {
		b.PlaceReview = &gov.Review{}
		if err := fromJSON(r.PlaceReview, b.PlaceReview); err != nil {
			return b, err
		}
	}
	return b, nil
}

// CreateBranch inserts a branch; the unique name refuses a duplicate.
func (g *Governance) CreateBranch(ctx context.Context, b *gov.Branch) error {
	rec := fromBranch(*b)
	if err := g.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	b.ID = rec.ID
	return nil
}

// UpdateBranch writes a branch's status and reviews.
func (g *Governance) UpdateBranch(ctx context.Context, b gov.Branch) error {
	rec := fromBranch(b)
	rec.UpdatedAt = time.Now().UTC()
	return translate(g.s.conn(ctx).Model(&branchRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

// BranchForUpdate loads and locks a branch.
func (g *Governance) BranchForUpdate(ctx context.Context, id int64) (gov.Branch, error) {
	var rec branchRecord
	if err := g.s.forUpdate(g.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return gov.Branch{}, translate(err)
	}
	return rec.toDomain()
}

// Branches lists every branch and office.
func (g *Governance) Branches(ctx context.Context) ([]gov.Branch, error) {
	var recs []branchRecord
	if err := g.s.conn(ctx).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]gov.Branch, 0, len(recs))
	for _, r := range recs {
		b, err := r.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
