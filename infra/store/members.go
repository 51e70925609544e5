package store

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"huiguan/app"
	appmember "huiguan/app/member"
	"huiguan/domain/errs"
	"huiguan/domain/member"
	infradb "huiguan/infra/db"
)

// FieldCipher encrypts confidential columns and indexes them blindly.
type FieldCipher interface {
	Encrypt(plain string) (string, error)
	Decrypt(stored string) (string, error)
	BlindIndex(value string) string
}

type tierRecord struct {
	ID           int64 `gorm:"primaryKey"`
	Name         string
	Rank         int
	AnnualFeeFen int64
	Services     string
	Rights       string
	Obligations  string
	Active       bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (tierRecord) TableName() string { return "member_tiers" }

// Tiers stores membership tiers.
type Tiers struct{ s *Store }

// NewTiers returns the tier repository.
func NewTiers(s *Store) *Tiers { return &Tiers{s: s} }

var _ appmember.Tiers = (*Tiers)(nil)

func fromTier(t member.Tier) (tierRecord, error) {
	services, err := json.Marshal(t.Services)
	return tierRecord{ID: t.ID, Name: t.Name, Rank: t.Rank, AnnualFeeFen: t.AnnualFeeFen, Services: string(services),
		Rights: t.Rights, Obligations: t.Obligations, Active: t.Active}, err
}

func (r tierRecord) toDomain() member.Tier {
	var services []string
	_ = json.Unmarshal([]byte(r.Services), &services) // written by fromTier only
	return member.Tier{ID: r.ID, Name: r.Name, Rank: r.Rank, AnnualFeeFen: r.AnnualFeeFen, Services: services,
		Rights: r.Rights, Obligations: r.Obligations, Active: r.Active}
}

// Create inserts a tier.
func (t *Tiers) Create(ctx context.Context, tier *member.Tier) error {
	rec, err := fromTier(*tier)
	if err != nil {
		return err
	}
	if err := t.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	tier.ID = rec.ID
	return nil
}

// Update replaces a tier.
func (t *Tiers) Update(ctx context.Context, tier member.Tier) error {
	rec, err := fromTier(tier)
	if err != nil {
		return err
	}
	rec.UpdatedAt = time.Now().UTC()
	return translate(t.s.conn(ctx).Model(&tierRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

// Get loads a tier.
func (t *Tiers) Get(ctx context.Context, id int64) (member.Tier, error) {
	var rec tierRecord
	if err := t.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return member.Tier{}, translate(err)
	}
	return rec.toDomain(), nil
}

// List returns tiers by rank.
func (t *Tiers) List(ctx context.Context, activeOnly bool) ([]member.Tier, error) {
	q := t.s.conn(ctx).Order("rank, id")
	if activeOnly {
		q = q.Where("active = ?", true)
	}
	var recs []tierRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]member.Tier, len(recs))
	for i, r := range recs {
		out[i] = r.toDomain()
	}
	return out, nil
}

// CountActive counts active tiers other than exceptID.
func (t *Tiers) CountActive(ctx context.Context, exceptID int64) (int, error) {
	var n int64
	err := t.s.conn(ctx).Model(&tierRecord{}).Where("active = ? AND id <> ?", true, exceptID).Count(&n).Error
	return int(n), translate(err)
}

// Locks implements named locks and sequences on their tables.
type Locks struct{ s *Store }

// NewLocks returns the locks repository.
func NewLocks(s *Store) *Locks { return &Locks{s: s} }

// Lock holds the named row until the transaction in ctx ends.
func (l *Locks) Lock(ctx context.Context, name string) error {
	var got struct{ Name string }
	err := l.s.forUpdate(l.s.conn(ctx).Table("app_locks")).Where("name = ?", name).Take(&got).Error
	if err != nil {
		return translate(err)
	}
	// SQLite has no row locks: a write takes the database's write lock now,
	// which an IMMEDIATE transaction already holds; this keeps both paths alike.
	return translate(l.s.conn(ctx).Table("app_locks").Where("name = ?", name).Update("name", name).Error)
}

type sequenceRecord struct {
	Name  string `gorm:"primaryKey"`
	Value int64
}

func (sequenceRecord) TableName() string { return "sequences" }

// Next returns the next value of a sequence, starting at 1.
func (l *Locks) Next(ctx context.Context, name string) (int64, error) {
	var v int64
	err := l.s.Do(ctx, func(ctx context.Context) error {
		db := l.s.conn(ctx)
		if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&sequenceRecord{Name: name}).Error; err != nil {
			return translate(err)
		}
		var row struct{ Value int64 }
		if err := l.s.forUpdate(db.Table("sequences")).Where("name = ?", name).Take(&row).Error; err != nil {
			return translate(err)
		}
		v = row.Value + 1
		return translate(db.Table("sequences").Where("name = ?", name).Update("value", v).Error)
	})
	return v, err
}

type memberRecord struct {
	ID                 int64 `gorm:"primaryKey"`
	MemberNo           *string
	Name               string
	USCC               string `gorm:"column:uscc"`
	UnitType           string
	TierID             int64
	Status             string
	CouncilUnit        bool
	Address            string
	LegalRepName       string
	LegalRepPhoneEnc   string
	LegalRepPhoneBidx  string
	MemberRepName      string
	MemberRepPhoneEnc  string
	MemberRepPhoneBidx string
	CouncilRepName     *string
	CouncilRepPhoneEnc string
	ContactsEnc        string
	Industry           string
	ChainSegment       string
	Region             string
	Channel            string
	ApplicationRefEnc  string
	AppliedOn          time.Time
	JoinedOn           *time.Time
	LeftOn             *time.Time
	LeaveReason        string
	ProfileEnc         string
	WarningsEnc        string
	RiskLevel          string
	LastReviewedAt     time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

func (memberRecord) TableName() string { return "members" }

type memberEventRecord struct {
	ID         int64 `gorm:"primaryKey"`
	MemberID   int64
	At         time.Time
	FromStatus string
	ToStatus   string
	Reason     string
	Ref        string
	ActorName  string
}

func (memberEventRecord) TableName() string { return "member_events" }

// Members stores the roster, encrypting fields at 内部 level and above.
type Members struct {
	s      *Store
	cipher FieldCipher
}

// NewMembers returns the roster repository.
func NewMembers(s *Store, c FieldCipher) *Members { return &Members{s: s, cipher: c} }

var _ appmember.Members = (*Members)(nil)

func (r *Members) encode(m *member.Member) (memberRecord, error) {
	rec := memberRecord{
		ID: m.ID, Name: m.Name, USCC: string(m.USCC), UnitType: string(m.UnitType), TierID: m.TierID,
		Status: string(m.Status), CouncilUnit: m.CouncilUnit, Address: m.Address, LegalRepName: m.LegalRep.Name,
		LegalRepPhoneBidx: r.cipher.BlindIndex(m.LegalRep.Phone), MemberRepName: m.MemberRep.Name,
		MemberRepPhoneBidx: r.cipher.BlindIndex(m.MemberRep.Phone), Industry: m.Industry, ChainSegment: m.ChainSegment,
		Region: m.Region, Channel: string(m.Channel), AppliedOn: m.AppliedOn, JoinedOn: m.JoinedOn, LeftOn: m.LeftOn,
		LeaveReason: m.LeaveReason, RiskLevel: m.RiskLevel(), LastReviewedAt: m.LastReviewedAt,
	}
	if m.MemberNo != "" {
		no := m.MemberNo
		rec.MemberNo = &no
	}
	councilPhone := ""
	if m.CouncilRep != nil {
		name := m.CouncilRep.Name
		rec.CouncilRepName, councilPhone = &name, m.CouncilRep.Phone
	}
	contacts, _ := json.Marshal(m.Contacts)
	profile, _ := json.Marshal(m.Profile)
	warnings, _ := json.Marshal(m.Warnings)
	var err error
	for _, f := range []struct {
		dst   *string
		plain string
	}{
		{&rec.LegalRepPhoneEnc, m.LegalRep.Phone}, {&rec.MemberRepPhoneEnc, m.MemberRep.Phone},
		{&rec.CouncilRepPhoneEnc, councilPhone}, {&rec.ContactsEnc, string(contacts)},
		{&rec.ApplicationRefEnc, m.ApplicationRef}, {&rec.ProfileEnc, string(profile)}, {&rec.WarningsEnc, string(warnings)},
	} {
		if *f.dst, err = r.cipher.Encrypt(f.plain); err != nil {
			return rec, err
		}
	}
	return rec, nil
}

func (r *Members) decode(rec memberRecord) (*member.Member, error) {
	m := &member.Member{
		ID: rec.ID, Name: rec.Name, USCC: member.USCC(rec.USCC), UnitType: member.UnitType(rec.UnitType),
		TierID: rec.TierID, Status: member.Status(rec.Status), CouncilUnit: rec.CouncilUnit, Address: rec.Address,
		LegalRep: member.Person{Name: rec.LegalRepName}, MemberRep: member.Person{Name: rec.MemberRepName},
		Industry: rec.Industry, ChainSegment: rec.ChainSegment, Region: rec.Region, Channel: member.Channel(rec.Channel),
		AppliedOn: rec.AppliedOn.UTC(), JoinedOn: utcPtr(rec.JoinedOn), LeftOn: utcPtr(rec.LeftOn),
		LeaveReason: rec.LeaveReason, LastReviewedAt: rec.LastReviewedAt.UTC(),
	}
	if rec.MemberNo != nil {
		m.MemberNo = *rec.MemberNo
	}
	var contacts, profile, warnings, councilPhone string
	var err error
	for _, f := range []struct {
		dst    *string
		stored string
	}{
		{&m.LegalRep.Phone, rec.LegalRepPhoneEnc}, {&m.MemberRep.Phone, rec.MemberRepPhoneEnc},
		{&councilPhone, rec.CouncilRepPhoneEnc}, {&contacts, rec.ContactsEnc}, {&m.ApplicationRef, rec.ApplicationRefEnc},
		{&profile, rec.ProfileEnc}, {&warnings, rec.WarningsEnc},
	} {
		if *f.dst, err = r.cipher.Decrypt(f.stored); err != nil {
			return nil, err
		}
	}
	if rec.CouncilRepName != nil {
		m.CouncilRep = &member.Person{Name: *rec.CouncilRepName, Phone: councilPhone}
	}
	for _, j := range []struct {
		text string
		dst  any
	}{{contacts, &m.Contacts}, {profile, &m.Profile}, {warnings, &m.Warnings}} {
		if j.text != "" && j.text != "null" {
			if err := json.Unmarshal([]byte(j.text), j.dst); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// Create inserts a unit; the unique USCC index refuses a second registration.
func (r *Members) Create(ctx context.Context, m *member.Member) error {
	rec, err := r.encode(m)
	if err != nil {
		return err
	}
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	m.ID = rec.ID
	return nil
}

// Update rewrites a unit.
func (r *Members) Update(ctx context.Context, m *member.Member) error {
	rec, err := r.encode(m)
	if err != nil {
		return err
	}
	rec.UpdatedAt = time.Now().UTC()
	return translate(r.s.conn(ctx).Model(&memberRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

// Get loads a unit.
func (r *Members) Get(ctx context.Context, id int64) (*member.Member, error) {
	return r.one(r.s.conn(ctx).Where("id = ?", id))
}

// GetForUpdate loads and locks a unit.
func (r *Members) GetForUpdate(ctx context.Context, id int64) (*member.Member, error) {
	return r.one(r.s.forUpdate(r.s.conn(ctx)).Where("id = ?", id))
}

func (r *Members) one(q *gorm.DB) (*member.Member, error) {
	var rec memberRecord
	if err := q.Take(&rec).Error; err != nil {
		return nil, translate(err)
	}
	return r.decode(rec)
}

var memberSorts = map[string]string{
	"name": "name, id", "-name": "name DESC, id DESC", "joined_on": "joined_on, id", "-joined_on": "joined_on DESC, id DESC",
	"member_no": "member_no, id", "-member_no": "member_no DESC, id DESC", "applied_on": "applied_on, id", "-applied_on": "applied_on DESC, id DESC",
}

// filtered applies a roster filter.
func (r *Members) filtered(ctx context.Context, f appmember.Filter) *gorm.DB {
	q := r.s.conn(ctx).Model(&memberRecord{})
	if f.DirectoryOnly {
		q = q.Where("status IN ?", []string{string(member.Active), string(member.Suspended)})
	}
	if qs := strings.TrimSpace(f.Query); qs != "" {
		if code, err := member.ParseUSCC(qs); err == nil && !f.DirectoryOnly {
			q = q.Where("uscc = ?", string(code))
		} else {
			q = q.Where("name LIKE ?", "%"+escapeLike(qs)+"%")
		}
	}
	if f.Phone != "" {
		b := r.cipher.BlindIndex(f.Phone)
		q = q.Where("(legal_rep_phone_bidx = ? OR member_rep_phone_bidx = ?)", b, b)
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.TierID != 0 {
		q = q.Where("tier_id = ?", f.TierID)
	}
	for col, v := range map[string]string{"region": f.Region, "industry": f.Industry, "chain_segment": f.ChainSegment} {
		if v != "" {
			q = q.Where(col+" = ?", v)
		}
	}
	if f.JoinYear != 0 {
		from := time.Date(f.JoinYear, 1, 1, 0, 0, 0, 0, time.UTC)
		q = q.Where("joined_on >= ? AND joined_on < ?", from, from.AddDate(1, 0, 0))
	}
	switch f.Risk {
	case "":
	case "any":
		q = q.Where("risk_level <> ''")
	default:
		q = q.Where("risk_level = ?", f.Risk)
	}
	return q
}

// List returns a filtered page of the roster.
func (r *Members) List(ctx context.Context, f appmember.Filter, p app.Page) (app.List[*member.Member], error) {
	q := r.filtered(ctx, f)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[*member.Member]{}, translate(err)
	}
	order, ok := memberSorts[f.Sort]
	if !ok && f.Sort != "" {
		return app.List[*member.Member]{}, errs.Invalid("request.invalid_query", map[string]string{"sort": "sort"})
	}
	if !ok {
		order = "id DESC"
	}
	var recs []memberRecord
	if err := q.Order(order).Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[*member.Member]{}, translate(err)
	}
	out := app.List[*member.Member]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]*member.Member, len(recs))}
	for i, rec := range recs {
		m, err := r.decode(rec)
		if err != nil {
			return app.List[*member.Member]{}, err
		}
		out.Items[i] = m
	}
	return out, nil
}

// AddEvent records a lifecycle change.
func (r *Members) AddEvent(ctx context.Context, e appmember.Event) error {
	rec := memberEventRecord{MemberID: e.MemberID, At: e.At, FromStatus: string(e.FromStatus), ToStatus: string(e.ToStatus),
		Reason: e.Reason, Ref: e.Ref, ActorName: e.ActorName}
	return translate(r.s.conn(ctx).Create(&rec).Error)
}

// Events lists a unit's lifecycle changes, oldest first.
func (r *Members) Events(ctx context.Context, memberID int64) ([]appmember.Event, error) {
	var recs []memberEventRecord
	if err := r.s.conn(ctx).Where("member_id = ?", memberID).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]appmember.Event, len(recs))
	for i, rec := range recs {
		out[i] = appmember.Event{MemberID: rec.MemberID, At: rec.At.UTC(), FromStatus: member.Status(rec.FromStatus),
			ToStatus: member.Status(rec.ToStatus), Reason: rec.Reason, Ref: rec.Ref, ActorName: rec.ActorName}
	}
	return out, nil
}

// Exists reports whether a unit exists.
func (r *Members) Exists(ctx context.Context, id int64) (bool, error) {
	var n int64
	err := r.s.conn(ctx).Model(&memberRecord{}).Where("id = ?", id).Count(&n).Error
	return n > 0, translate(err)
}

// Names maps ids to unit names.
func (r *Members) Names(ctx context.Context, ids []int64) (map[int64]string, error) {
	var rows []struct {
		ID   int64
		Name string
	}
	if err := r.s.conn(ctx).Model(&memberRecord{}).Select("id, name").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make(map[int64]string, len(rows))
	for _, row := range rows {
		out[row.ID] = row.Name
	}
	return out, nil
}

var currentStatuses = []string{string(member.Active), string(member.Suspended)}

// Stats counts current units by dimension, and joins and departures per year.
func (r *Members) Stats(ctx context.Context, reviewedBefore time.Time) (appmember.Stats, error) {
	var st appmember.Stats
	db := r.s.conn(ctx)
	group := func(col string, current bool) ([]appmember.Count, error) {
		var rows []struct {
			K string
			N int64
		}
		q := db.Model(&memberRecord{}).Select(col + " AS k, COUNT(*) AS n")
		if current {
			q = q.Where("status IN ?", currentStatuses)
		}
		err := q.Group(col).Order("n DESC, k").Scan(&rows).Error
		out := make([]appmember.Count, len(rows))
		for i, row := range rows {
			out[i] = appmember.Count{Key: row.K, Count: row.N}
		}
		return out, translate(err)
	}
	var err error
	if st.ByStatus, err = group("status", false); err != nil {
		return st, err
	}
	if st.ByTier, err = group("tier_id", true); err != nil {
		return st, err
	}
	if st.ByRegion, err = group("region", true); err != nil {
		return st, err
	}
	if st.ByIndustry, err = group("industry", true); err != nil {
		return st, err
	}
	if st.ByChainSegment, err = group("chain_segment", true); err != nil {
		return st, err
	}
	// Joins and departures by year; the year function differs by dialect.
	year := func(col string) string {
		if r.s.dialect == infradb.MySQL {
			return "YEAR(" + col + ")"
		}
		return "CAST(strftime('%Y', " + col + ") AS INTEGER)"
	}
	years := map[int]*appmember.YearCount{}
	for _, col := range []string{"joined_on", "left_on"} {
		var rows []struct {
			Y int
			N int64
		}
		err := db.Model(&memberRecord{}).Select(year(col) + " AS y, COUNT(*) AS n").
			Where(col + " IS NOT NULL").Group("y").Scan(&rows).Error
		if err != nil {
			return st, translate(err)
		}
		for _, row := range rows {
			if years[row.Y] == nil {
				years[row.Y] = &appmember.YearCount{Year: row.Y}
			}
			if col == "joined_on" {
				years[row.Y].Joined = row.N
			} else {
				years[row.Y].Left = row.N
			}
		}
	}
	for _, y := range years {
		st.Trend = append(st.Trend, *y)
	}
	slices.SortFunc(st.Trend, func(a, b appmember.YearCount) int { return a.Year - b.Year })
	if err := db.Model(&memberRecord{}).Where("status IN ? AND last_reviewed_at < ?", currentStatuses, reviewedBefore).
		Count(&st.ReviewDue).Error; err != nil {
		return st, translate(err)
	}
	err = db.Model(&memberRecord{}).Where("status IN ? AND risk_level <> ''", currentStatuses).Count(&st.WithRisk).Error
	return st, translate(err)
}

// ReviewDue lists current units not reviewed since reviewedBefore.
func (r *Members) ReviewDue(ctx context.Context, reviewedBefore time.Time) ([]*member.Member, error) {
	var out []*member.Member
	err := r.each(ctx, r.s.conn(ctx).Model(&memberRecord{}).
		Where("status IN ? AND last_reviewed_at < ?", currentStatuses, reviewedBefore), func(m *member.Member) error {
		out = append(out, m)
		return nil
	})
	return out, err
}

// Each streams the units matching f in id order, a batch at a time, so an
// export of the whole roster holds one batch in memory.
func (r *Members) Each(ctx context.Context, f appmember.Filter, fn func(*member.Member) error) error {
	return r.each(ctx, r.filtered(ctx, f), fn)
}

func (r *Members) each(ctx context.Context, q *gorm.DB, fn func(*member.Member) error) error {
	var last int64
	for {
		var recs []memberRecord
		if err := q.Session(&gorm.Session{}).Where("id > ?", last).Order("id").Limit(1000).Find(&recs).Error; err != nil {
			return translate(err)
		}
		for _, rec := range recs {
			m, err := r.decode(rec)
			if err != nil {
				return err
			}
			if err := fn(m); err != nil {
				return err
			}
			last = rec.ID
		}
		if len(recs) < 1000 {
			return nil
		}
	}
}

// CreateMany inserts units in batches, filling their ids.
func (r *Members) CreateMany(ctx context.Context, ms []*member.Member) error {
	recs := make([]memberRecord, len(ms))
	for i, m := range ms {
		rec, err := r.encode(m)
		if err != nil {
			return err
		}
		recs[i] = rec
	}
	if err := r.s.conn(ctx).CreateInBatches(&recs, 500).Error; err != nil {
		return translate(err)
	}
	for i := range ms {
		ms[i].ID = recs[i].ID
	}
	return nil
}

// ExistingUSCCs returns which codes are registered already.
func (r *Members) ExistingUSCCs(ctx context.Context, codes []string) (map[string]bool, error) {
	out := map[string]bool{}
	for start := 0; start < len(codes); start += 1000 {
		batch := codes[start:min(start+1000, len(codes))]
		var found []string
		if err := r.s.conn(ctx).Model(&memberRecord{}).Where("uscc IN ?", batch).Pluck("uscc", &found).Error; err != nil {
			return nil, translate(err)
		}
		for _, c := range found {
			out[c] = true
		}
	}
	return out, nil
}

// AddEvents records lifecycle changes in batches.
func (r *Members) AddEvents(ctx context.Context, es []appmember.Event) error {
	recs := make([]memberEventRecord, len(es))
	for i, e := range es {
		recs[i] = memberEventRecord{MemberID: e.MemberID, At: e.At, FromStatus: string(e.FromStatus), ToStatus: string(e.ToStatus),
			Reason: e.Reason, Ref: e.Ref, ActorName: e.ActorName}
	}
	return translate(r.s.conn(ctx).CreateInBatches(&recs, 500).Error)
}

// CountCurrent counts active and suspended units.
func (r *Members) CountCurrent(ctx context.Context) (int64, error) {
	var n int64
	err := r.s.conn(ctx).Model(&memberRecord{}).Where("status IN ?", currentStatuses).Count(&n).Error
	return n, translate(err)
}

// NextN reserves n consecutive values of a sequence and returns the first.
func (l *Locks) NextN(ctx context.Context, name string, n int64) (int64, error) {
	var first int64
	err := l.s.Do(ctx, func(ctx context.Context) error {
		db := l.s.conn(ctx)
		if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&sequenceRecord{Name: name}).Error; err != nil {
			return translate(err)
		}
		var row sequenceRecord
		if err := l.s.forUpdate(db).Where("name = ?", name).Take(&row).Error; err != nil {
			return translate(err)
		}
		first = row.Value + 1
		return translate(db.Model(&sequenceRecord{}).Where("name = ?", name).Update("value", row.Value+n).Error)
	})
	return first, err
}

// EachCurrent calls fn with the id and tier of every current unit, in
// batches of ids only (no decryption): bill runs at 100k units stay cheap.
func (r *Members) EachCurrent(ctx context.Context, fn func(id, tierID int64) error) error {
	var last int64
	for {
		var rows []struct {
			ID     int64
			TierID int64
		}
		err := r.s.conn(ctx).Model(&memberRecord{}).Select("id, tier_id").Where("status IN ? AND id > ?", currentStatuses, last).
			Order("id").Limit(5000).Scan(&rows).Error
		if err != nil {
			return translate(err)
		}
		for _, row := range rows {
			if err := fn(row.ID, row.TierID); err != nil {
				return err
			}
			last = row.ID
		}
		if len(rows) < 5000 {
			return nil
		}
	}
}

// Codes maps unit ids to their USCCs.
func (r *Members) Codes(ctx context.Context, ids []int64) (map[int64]string, error) {
	var rows []struct {
		ID   int64
		USCC string `gorm:"column:uscc"`
	}
	if err := r.s.conn(ctx).Model(&memberRecord{}).Select("id, uscc").Where("id IN ?", append(ids, 0)).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make(map[int64]string, len(rows))
	for _, row := range rows {
		out[row.ID] = row.USCC
	}
	return out, nil
}

// SearchNames returns ids of units whose name contains q.
func (r *Members) SearchNames(ctx context.Context, q string, limit int) ([]int64, error) {
	var ids []int64
	err := r.s.conn(ctx).Model(&memberRecord{}).Where("name LIKE ?", "%"+escapeLike(q)+"%").Limit(limit).Pluck("id", &ids).Error
	return ids, translate(err)
}
