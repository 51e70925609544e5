package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"huiguan/app"
	appaudit "huiguan/app/audit"
	"huiguan/domain/audit"
)

type auditRecord struct {
	ID        int64 `gorm:"primaryKey"`
	Seq       int64
	At        time.Time
	ActorID   int64
	ActorName string
	Action    string
	Entity    string
	EntityID  string
	Before    string
	After     string
	RequestID string
	IP        string
	PrevHash  string
	Hash      string
}

func (auditRecord) TableName() string { return "audit_entries" }

type auditHead struct {
	ID   int `gorm:"primaryKey"`
	Seq  int64
	Hash string
}

func (auditHead) TableName() string { return "audit_head" }

// Audit stores the hash-chained audit trail.
type Audit struct{ s *Store }

// NewAudit returns the audit repository.
func NewAudit(s *Store) *Audit { return &Audit{s: s} }

var _ appaudit.Store = (*Audit)(nil)

// Append locks the head row, seals the entry after it and stores both.
func (a *Audit) Append(ctx context.Context, e *audit.Entry) error {
	return a.AppendMany(ctx, []*audit.Entry{e})
}

// AppendMany locks the head once, seals the entries in order and stores
// them in batches: an import of thousands of rows extends the chain in one go.
func (a *Audit) AppendMany(ctx context.Context, es []*audit.Entry) error {
	if len(es) == 0 {
		return nil
	}
	return a.s.Do(ctx, func(ctx context.Context) error {
		tx := a.s.conn(ctx)
		var head auditHead
		if err := a.s.forUpdate(tx).Where("id = ?", 1).Take(&head).Error; err != nil {
			return translate(err)
		}
		seq, hash := head.Seq, head.Hash
		recs := make([]auditRecord, len(es))
		for i, e := range es {
			e.Seal(seq, hash)
			seq, hash = e.Seq, e.Hash
			recs[i] = auditRecord{
				Seq: e.Seq, At: e.At, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action,
				Entity: e.Entity, EntityID: e.EntityID, Before: e.Before, After: e.After,
				RequestID: e.RequestID, IP: e.IP, PrevHash: e.PrevHash, Hash: e.Hash,
			}
		}
		if err := tx.CreateInBatches(&recs, 500).Error; err != nil {
			return translate(err)
		}
		for i := range es {
			es[i].ID = recs[i].ID
		}
		return translate(tx.Model(&auditHead{}).Where("id = ? AND seq = ?", 1, head.Seq).
			Updates(map[string]any{"seq": seq, "hash": hash}).Error)
	})
}

// Head returns the chain's head.
func (a *Audit) Head(ctx context.Context) (int64, string, error) {
	var head auditHead
	if err := a.s.conn(ctx).Where("id = ?", 1).Take(&head).Error; err != nil {
		return 0, "", translate(err)
	}
	return head.Seq, head.Hash, nil
}

// Walk reads the chain in sequence order, in batches, so memory stays flat
// however long the trail grows.
func (a *Audit) Walk(ctx context.Context, fn func(audit.Entry) error) error {
	var last int64
	for {
		var batch []auditRecord
		if err := a.s.conn(ctx).Where("seq > ?", last).Order("seq").Limit(1000).Find(&batch).Error; err != nil {
			return translate(err)
		}
		for _, r := range batch {
			if err := fn(r.toDomain()); err != nil {
				return err
			}
			last = r.Seq
		}
		if len(batch) < 1000 {
			return nil
		}
	}
}

// List returns a filtered page, newest first.
func (a *Audit) List(ctx context.Context, f appaudit.Filter, p app.Page) (app.List[audit.Entry], error) {
	q := a.s.conn(ctx).Model(&auditRecord{})
	q = applyAuditFilter(q, f)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[audit.Entry]{}, translate(err)
	}
	var rows []auditRecord
	if err := q.Order("seq DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&rows).Error; err != nil {
		return app.List[audit.Entry]{}, translate(err)
	}
	out := app.List[audit.Entry]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]audit.Entry, len(rows))}
	for i, r := range rows {
		out.Items[i] = r.toDomain()
	}
	return out, nil
}

func applyAuditFilter(q *gorm.DB, f appaudit.Filter) *gorm.DB {
	if f.Actor != "" {
		q = q.Where("actor_name = ?", f.Actor)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.EntityID != "" {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.From != nil {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("at < ?", f.To.UTC())
	}
	return q
}

func (r auditRecord) toDomain() audit.Entry {
	return audit.Entry{
		ID: r.ID, Seq: r.Seq, At: r.At.UTC(), ActorID: r.ActorID, ActorName: r.ActorName,
		Action: r.Action, Entity: r.Entity, EntityID: r.EntityID, Before: r.Before, After: r.After,
		RequestID: r.RequestID, IP: r.IP, PrevHash: r.PrevHash, Hash: r.Hash,
	}
}
