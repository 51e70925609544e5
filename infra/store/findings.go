package store

import (
	"context"
	"time"

	"huiguan/app"
	appfinding "huiguan/app/finding"
	"huiguan/domain/finding"
)

type findingRecord struct {
	ID          int64 `gorm:"primaryKey"`
	RuleID      string
	Clause      string
	Module      string
	ObjectType  string
	ObjectID    string
	ObjectLabel string
	Severity    string
	Message     string
	OpenKey     *string
	OpenedAt    time.Time
	ClosedAt    *time.Time
}

func (findingRecord) TableName() string { return "findings" }

// Findings stores compliance findings.
type Findings struct{ s *Store }

// NewFindings returns the findings repository.
func NewFindings(s *Store) *Findings { return &Findings{s: s} }

var _ appfinding.Store = (*Findings)(nil)

func openKey(f finding.Finding) *string {
	k := f.RuleID + "/" + f.ObjectType + "/" + f.ObjectID
	if len(k) > 191 {
		k = k[:191]
	}
	return &k
}

// OpenFor returns the open findings of one rule.
func (r *Findings) OpenFor(ctx context.Context, ruleID string) ([]finding.Finding, error) {
	var recs []findingRecord
	if err := r.s.conn(ctx).Where("rule_id = ? AND closed_at IS NULL", ruleID).Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]finding.Finding, len(recs))
	for i, rec := range recs {
		out[i] = rec.toDomain()
	}
	return out, nil
}

// OpenForObject returns the open findings of one rule on one object.
func (r *Findings) OpenForObject(ctx context.Context, ruleID, objectType, objectID string) ([]finding.Finding, error) {
	var recs []findingRecord
	err := r.s.conn(ctx).Where("rule_id = ? AND object_type = ? AND object_id = ? AND closed_at IS NULL", ruleID, objectType, objectID).
		Find(&recs).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make([]finding.Finding, len(recs))
	for i, rec := range recs {
		out[i] = rec.toDomain()
	}
	return out, nil
}

// Insert opens a finding; the unique open key refuses a duplicate.
func (r *Findings) Insert(ctx context.Context, f *finding.Finding) error {
	rec := findingRecord{
		RuleID: f.RuleID, Clause: f.Clause, Module: f.Module, ObjectType: f.ObjectType, ObjectID: f.ObjectID,
		ObjectLabel: f.ObjectLabel, Severity: string(f.Severity), Message: f.Message, OpenKey: openKey(*f), OpenedAt: f.OpenedAt,
	}
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	f.ID = rec.ID
	return nil
}

// Close closes a finding and frees its open key.
func (r *Findings) Close(ctx context.Context, f finding.Finding) error {
	return translate(r.s.conn(ctx).Model(&findingRecord{}).Where("id = ?", f.ID).
		Updates(map[string]any{"closed_at": f.ClosedAt, "open_key": nil}).Error)
}

// Update rewrites the label, severity and message of an open finding.
func (r *Findings) Update(ctx context.Context, f finding.Finding) error {
	return translate(r.s.conn(ctx).Model(&findingRecord{}).Where("id = ?", f.ID).
		Updates(map[string]any{"object_label": f.ObjectLabel, "severity": string(f.Severity), "message": f.Message}).Error)
}

// List returns a filtered page: open first, then newest.
func (r *Findings) List(ctx context.Context, f appfinding.Filter, p app.Page) (app.List[finding.Finding], error) {
	q := r.s.conn(ctx).Model(&findingRecord{})
	if f.Clause != "" {
		q = q.Where("clause = ?", f.Clause)
	}
	if f.Module != "" {
		q = q.Where("module = ?", f.Module)
	}
	if f.RuleID != "" {
		q = q.Where("rule_id = ?", f.RuleID)
	}
	switch f.Status {
	case "open":
		q = q.Where("closed_at IS NULL")
	case "closed":
		q = q.Where("closed_at IS NOT NULL")
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[finding.Finding]{}, translate(err)
	}
	var recs []findingRecord
	if err := q.Order("CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, id DESC").
		Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[finding.Finding]{}, translate(err)
	}
	out := app.List[finding.Finding]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]finding.Finding, len(recs))}
	for i, rec := range recs {
		out.Items[i] = rec.toDomain()
	}
	return out, nil
}

// Summary counts open findings by module, severity and clause.
func (r *Findings) Summary(ctx context.Context) (appfinding.Summary, error) {
	var s appfinding.Summary
	open := r.s.conn(ctx).Model(&findingRecord{}).Where("closed_at IS NULL")
	if err := open.Count(&s.Open).Error; err != nil {
		return s, translate(err)
	}
	group := func(col string) ([]appfinding.Count, error) {
		var rows []struct {
			K string
			N int64
		}
		err := r.s.conn(ctx).Model(&findingRecord{}).Select(col + " AS k, COUNT(*) AS n").
			Where("closed_at IS NULL").Group(col).Order("n DESC, k").Scan(&rows).Error
		out := make([]appfinding.Count, len(rows))
		for i, row := range rows {
			out[i] = appfinding.Count{Key: row.K, Open: row.N}
		}
		return out, translate(err)
	}
	var err error
	if s.ByModule, err = group("module"); err != nil {
		return s, err
	}
	if s.BySeverity, err = group("severity"); err != nil {
		return s, err
	}
	s.ByClause, err = group("clause")
	return s, err
}

func (rec findingRecord) toDomain() finding.Finding {
	return finding.Finding{
		ID: rec.ID, RuleID: rec.RuleID, Clause: rec.Clause, Module: rec.Module, ObjectType: rec.ObjectType,
		ObjectID: rec.ObjectID, ObjectLabel: rec.ObjectLabel, Severity: finding.Severity(rec.Severity),
		Message: rec.Message, OpenedAt: rec.OpenedAt.UTC(), ClosedAt: utcPtr(rec.ClosedAt),
	}
}
