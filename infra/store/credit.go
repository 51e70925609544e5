package store

import (
	"context"
	"strconv"
	"time"

	"gorm.io/gorm"

	"huiguan/app"
	appcredit "huiguan/app/credit"
	"huiguan/domain/credit"
)

// Credit stores credit records, proposals, list entries and appeals.
type Credit struct{ s *Store }

// NewCredit returns the credit repository.
func NewCredit(s *Store) *Credit { return &Credit{s: s} }

var _ appcredit.Store = (*Credit)(nil)

type creditRecordRecord struct {
	ID         int64 `gorm:"primaryKey"`
	MemberID   int64
	Polarity   string
	Category   string
	OccurredOn time.Time
	Source     string
	Severity   string
	Summary    string
	Evidence   string
	RecordedBy string
	CreatedAt  time.Time
}

func (creditRecordRecord) TableName() string { return "credit_records" }

func (r creditRecordRecord) toDomain() credit.Record {
	rec := credit.Record{ID: r.ID, MemberID: r.MemberID, Polarity: credit.Polarity(r.Polarity), Category: r.Category,
		OccurredOn: r.OccurredOn.UTC(), Source: r.Source, Severity: r.Severity, Summary: r.Summary, RecordedBy: r.RecordedBy, CreatedAt: r.CreatedAt.UTC()}
	_ = fromJSON(r.Evidence, &rec.Evidence) // written by CreateRecord only
	return rec
}

// CreateRecord inserts a record.
func (c *Credit) CreateRecord(ctx context.Context, r *credit.Record) error {
	rec := creditRecordRecord{MemberID: r.MemberID, Polarity: string(r.Polarity), Category: r.Category, OccurredOn: r.OccurredOn,
		Source: r.Source, Severity: r.Severity, Summary: r.Summary, Evidence: toJSON(nonNil(r.Evidence)), RecordedBy: r.RecordedBy, CreatedAt: r.CreatedAt}
	if err := c.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	r.ID = rec.ID
	return nil
}

// Records lists records, newest first.
func (c *Credit) Records(ctx context.Context, memberID int64, p app.Page) (app.List[credit.Record], error) {
	q := c.s.conn(ctx).Model(&creditRecordRecord{})
	if memberID != 0 {
		q = q.Where("member_id = ?", memberID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[credit.Record]{}, translate(err)
	}
	var recs []creditRecordRecord
	if err := q.Order("occurred_on DESC, id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[credit.Record]{}, translate(err)
	}
	out := app.List[credit.Record]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]credit.Record, len(recs))}
	for i, r := range recs {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

// RecordsByID loads records by id.
func (c *Credit) RecordsByID(ctx context.Context, ids []int64) ([]credit.Record, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var recs []creditRecordRecord
	if err := c.s.conn(ctx).Where("id IN ?", ids).Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]credit.Record, len(recs))
	for i, r := range recs {
		out[i] = r.toDomain()
	}
	return out, nil
}

type creditProposalRecord struct {
	ID             int64 `gorm:"primaryKey"`
	MemberID       int64
	List           string
	Action         string
	ReasonCategory string
	PublicSummary  string
	RecordIDs      string `gorm:"column:record_ids"`
	ValidUntil     time.Time
	ProposedBy     string
	ProposedAt     time.Time
	Status         string
	DecidedBy      string
	DecisionRef    string
	DecidedAt      *time.Time
	Note           string
	EntryID        *int64
}

func (creditProposalRecord) TableName() string { return "credit_proposals" }

func fromProposal(p credit.Proposal) creditProposalRecord {
	return creditProposalRecord{ID: p.ID, MemberID: p.MemberID, List: string(p.List), Action: p.Action, ReasonCategory: p.ReasonCategory,
		PublicSummary: p.PublicSummary, RecordIDs: toJSON(nonNil(p.RecordIDs)), ValidUntil: p.ValidUntil, ProposedBy: p.ProposedBy,
		ProposedAt: p.ProposedAt, Status: p.Status, DecidedBy: p.DecidedBy, DecisionRef: p.DecisionRef, DecidedAt: p.DecidedAt, Note: p.Note, EntryID: p.EntryID}
}

func (r creditProposalRecord) toDomain() credit.Proposal {
	p := credit.Proposal{ID: r.ID, MemberID: r.MemberID, List: credit.List(r.List), Action: r.Action, ReasonCategory: r.ReasonCategory,
		PublicSummary: r.PublicSummary, ValidUntil: r.ValidUntil.UTC(), ProposedBy: r.ProposedBy, ProposedAt: r.ProposedAt.UTC(),
		Status: r.Status, DecidedBy: r.DecidedBy, DecisionRef: r.DecisionRef, DecidedAt: utcPtr(r.DecidedAt), Note: r.Note, EntryID: r.EntryID}
	_ = fromJSON(r.RecordIDs, &p.RecordIDs)
	return p
}

// CreateProposal inserts a proposal.
func (c *Credit) CreateProposal(ctx context.Context, p *credit.Proposal) error {
	rec := fromProposal(*p)
	if err := c.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	p.ID = rec.ID
	return nil
}

// ProposalForUpdate loads and locks a proposal.
func (c *Credit) ProposalForUpdate(ctx context.Context, id int64) (credit.Proposal, error) {
	var rec creditProposalRecord
	if err := c.s.forUpdate(c.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return credit.Proposal{}, translate(err)
	}
	return rec.toDomain(), nil
}

// UpdateProposal records a decision.
func (c *Credit) UpdateProposal(ctx context.Context, p credit.Proposal) error {
	rec := fromProposal(p)
	return translate(c.s.conn(ctx).Model(&creditProposalRecord{ID: rec.ID}).Select("*").Omit("id").Updates(&rec).Error)
}

// Proposals lists proposals, newest first.
func (c *Credit) Proposals(ctx context.Context, status string, p app.Page) (app.List[credit.Proposal], error) {
	q := c.s.conn(ctx).Model(&creditProposalRecord{})
	if status != "" {
		q = q.Where("status = ?", status)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[credit.Proposal]{}, translate(err)
	}
	var recs []creditProposalRecord
	if err := q.Order("id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[credit.Proposal]{}, translate(err)
	}
	out := app.List[credit.Proposal]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]credit.Proposal, len(recs))}
	for i, r := range recs {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

type creditEntryRecord struct {
	ID             int64 `gorm:"primaryKey"`
	MemberID       int64
	List           string
	ReasonCategory string
	PublicSummary  string
	ValidFrom      time.Time
	ValidUntil     time.Time
	ProposalID     int64
	DecisionRef    string
	Status         string
	OpenKey        *string
	EndedAt        *time.Time
	EndReason      string
	UpdatedAt      time.Time
}

func (creditEntryRecord) TableName() string { return "credit_entries" }

func fromEntry(e credit.Entry) creditEntryRecord {
	rec := creditEntryRecord{ID: e.ID, MemberID: e.MemberID, List: string(e.List), ReasonCategory: e.ReasonCategory, PublicSummary: e.PublicSummary,
		ValidFrom: e.ValidFrom, ValidUntil: e.ValidUntil, ProposalID: e.ProposalID, DecisionRef: e.DecisionRef, Status: e.Status,
		EndedAt: e.EndedAt, EndReason: e.EndReason, UpdatedAt: time.Now().UTC()}
	if e.Active() {
		k := strconv.FormatInt(e.MemberID, 10) + "/" + string(e.List)
		rec.OpenKey = &k
	}
	return rec
}

func (r creditEntryRecord) toDomain() credit.Entry {
	return credit.Entry{ID: r.ID, MemberID: r.MemberID, List: credit.List(r.List), ReasonCategory: r.ReasonCategory, PublicSummary: r.PublicSummary,
		ValidFrom: r.ValidFrom.UTC(), ValidUntil: r.ValidUntil.UTC(), ProposalID: r.ProposalID, DecisionRef: r.DecisionRef, Status: r.Status,
		EndedAt: utcPtr(r.EndedAt), EndReason: r.EndReason}
}

// CreateEntry inserts an entry; the open key refuses a second active entry
// of one unit on one list.
func (c *Credit) CreateEntry(ctx context.Context, e *credit.Entry) error {
	rec := fromEntry(*e)
	if err := c.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	e.ID = rec.ID
	return nil
}

// UpdateEntry rewrites an entry (its end).
func (c *Credit) UpdateEntry(ctx context.Context, e credit.Entry) error {
	rec := fromEntry(e)
	return translate(c.s.conn(ctx).Model(&creditEntryRecord{ID: rec.ID}).Select("*").Omit("id").Updates(&rec).Error)
}

// EntryForUpdate loads and locks an entry.
func (c *Credit) EntryForUpdate(ctx context.Context, id int64) (credit.Entry, error) {
	var rec creditEntryRecord
	if err := c.s.forUpdate(c.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return credit.Entry{}, translate(err)
	}
	return rec.toDomain(), nil
}

func (c *Credit) entries(q *gorm.DB) ([]credit.Entry, error) {
	var recs []creditEntryRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]credit.Entry, len(recs))
	for i, r := range recs {
		out[i] = r.toDomain()
	}
	return out, nil
}

// ActiveEntries lists a unit's entries in force.
func (c *Credit) ActiveEntries(ctx context.Context, memberID int64) ([]credit.Entry, error) {
	return c.entries(c.s.conn(ctx).Where("member_id = ? AND status = ?", memberID, "active").Order("id"))
}

// Entries lists entries, newest first.
func (c *Credit) Entries(ctx context.Context, f appcredit.EntryFilter, p app.Page) (app.List[credit.Entry], error) {
	q := c.s.conn(ctx).Model(&creditEntryRecord{})
	if f.List != "" {
		q = q.Where("list = ?", string(f.List))
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.MemberID != 0 {
		q = q.Where("member_id = ?", f.MemberID)
	}
	if f.MemberIDs != nil {
		q = q.Where("member_id IN ?", append(f.MemberIDs, 0))
	}
	if f.Since != nil {
		q = q.Where("updated_at >= ?", *f.Since)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[credit.Entry]{}, translate(err)
	}
	items, err := c.entries(q.Order("id DESC").Offset(p.Offset()).Limit(p.PageSize))
	return app.List[credit.Entry]{Items: items, Total: total, Page: p.Page, PageSize: p.PageSize}, err
}

// ExpireBefore lists active entries whose validity ended before day.
func (c *Credit) ExpireBefore(ctx context.Context, day time.Time) ([]credit.Entry, error) {
	return c.entries(c.s.forUpdate(c.s.conn(ctx)).Where("status = ? AND valid_until < ?", "active", day).Order("id"))
}

type creditAppealRecord struct {
	ID         int64 `gorm:"primaryKey"`
	Kind       string
	EntryID    int64
	MemberID   int64
	Text       string
	Evidence   string
	FiledBy    string
	FiledAt    time.Time
	Status     string
	Reviewer   string
	ReviewedAt *time.Time
	Reasons    string
}

func (creditAppealRecord) TableName() string { return "credit_appeals" }

func (r creditAppealRecord) toDomain() credit.Appeal {
	a := credit.Appeal{ID: r.ID, EntryID: r.EntryID, MemberID: r.MemberID, Text: r.Text, FiledBy: r.FiledBy, FiledAt: r.FiledAt.UTC(),
		Status: r.Status, Reviewer: r.Reviewer, ReviewedAt: utcPtr(r.ReviewedAt), Reasons: r.Reasons}
	_ = fromJSON(r.Evidence, &a.Evidence)
	return a
}

// CreateAppeal inserts an appeal or a repair.
func (c *Credit) CreateAppeal(ctx context.Context, kind string, a *credit.Appeal) error {
	rec := creditAppealRecord{Kind: kind, EntryID: a.EntryID, MemberID: a.MemberID, Text: a.Text, Evidence: toJSON(nonNil(a.Evidence)),
		FiledBy: a.FiledBy, FiledAt: a.FiledAt, Status: a.Status}
	if err := c.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	a.ID = rec.ID
	return nil
}

// AppealForUpdate loads and locks an appeal or repair.
func (c *Credit) AppealForUpdate(ctx context.Context, kind string, id int64) (credit.Appeal, error) {
	var rec creditAppealRecord
	if err := c.s.forUpdate(c.s.conn(ctx)).Where("id = ? AND kind = ?", id, kind).Take(&rec).Error; err != nil {
		return credit.Appeal{}, translate(err)
	}
	return rec.toDomain(), nil
}

// UpdateAppeal records a review.
func (c *Credit) UpdateAppeal(ctx context.Context, a credit.Appeal) error {
	return translate(c.s.conn(ctx).Model(&creditAppealRecord{}).Where("id = ?", a.ID).
		Updates(map[string]any{"status": a.Status, "reviewer": a.Reviewer, "reviewed_at": a.ReviewedAt, "reasons": a.Reasons}).Error)
}

// Appeals lists appeals or repairs, newest first.
func (c *Credit) Appeals(ctx context.Context, kind, status string, memberID int64) ([]credit.Appeal, error) {
	q := c.s.conn(ctx).Where("kind = ?", kind)
	if status != "" {
		q = q.Where("status = ?", status)
	}
	if memberID != 0 {
		q = q.Where("member_id = ?", memberID)
	}
	var recs []creditAppealRecord
	if err := q.Order("id DESC").Limit(500).Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]credit.Appeal, len(recs))
	for i, r := range recs {
		out[i] = r.toDomain()
	}
	return out, nil
}
