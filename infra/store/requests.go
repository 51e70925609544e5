package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm/clause"

	"huiguan/app"
	appmember "huiguan/app/member"
	"huiguan/domain/member"
)

type changeRequestRecord struct {
	ID           int64 `gorm:"primaryKey"`
	MemberID     int64
	PayloadEnc   string
	Note         string
	Status       string
	RequestedBy  string
	RequestedAt  time.Time
	DecidedBy    string
	DecidedAt    *time.Time
	DecisionNote string
}

func (changeRequestRecord) TableName() string { return "member_change_requests" }

// ChangeRequests stores units' change requests, their values encrypted.
type ChangeRequests struct {
	s      *Store
	cipher FieldCipher
}

// NewChangeRequests returns the change-request repository.
func NewChangeRequests(s *Store, c FieldCipher) *ChangeRequests {
	return &ChangeRequests{s: s, cipher: c}
}

var _ appmember.ChangeRequests = (*ChangeRequests)(nil)

func (r *ChangeRequests) encode(cr appmember.ChangeRequest) (changeRequestRecord, error) {
	payload, err := json.Marshal(cr.Edit)
	if err != nil {
		return changeRequestRecord{}, err
	}
	enc, err := r.cipher.Encrypt(string(payload))
	return changeRequestRecord{ID: cr.ID, MemberID: cr.MemberID, PayloadEnc: enc, Note: cr.Note, Status: cr.Status,
		RequestedBy: cr.RequestedBy, RequestedAt: cr.RequestedAt, DecidedBy: cr.DecidedBy, DecidedAt: cr.DecidedAt,
		DecisionNote: cr.DecisionNote}, err
}

func (r *ChangeRequests) decode(rec changeRequestRecord, name string) (appmember.ChangeRequest, error) {
	plain, err := r.cipher.Decrypt(rec.PayloadEnc)
	if err != nil {
		return appmember.ChangeRequest{}, err
	}
	var e member.Edit
	if err := json.Unmarshal([]byte(plain), &e); err != nil {
		return appmember.ChangeRequest{}, err
	}
	return appmember.ChangeRequest{ID: rec.ID, MemberID: rec.MemberID, MemberName: name, Edit: e, Note: rec.Note,
		Status: rec.Status, RequestedBy: rec.RequestedBy, RequestedAt: rec.RequestedAt.UTC(), DecidedBy: rec.DecidedBy,
		DecidedAt: utcPtr(rec.DecidedAt), DecisionNote: rec.DecisionNote}, nil
}

// Create stores a new request.
func (r *ChangeRequests) Create(ctx context.Context, cr *appmember.ChangeRequest) error {
	rec, err := r.encode(*cr)
	if err != nil {
		return err
	}
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	cr.ID = rec.ID
	return nil
}

// GetForUpdate loads and locks a request.
func (r *ChangeRequests) GetForUpdate(ctx context.Context, id int64) (appmember.ChangeRequest, error) {
	var rec changeRequestRecord
	if err := r.s.forUpdate(r.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return appmember.ChangeRequest{}, translate(err)
	}
	return r.decode(rec, "")
}

// Update records a decision.
func (r *ChangeRequests) Update(ctx context.Context, cr appmember.ChangeRequest) error {
	return translate(r.s.conn(ctx).Model(&changeRequestRecord{}).Where("id = ?", cr.ID).Updates(map[string]any{
		"status": cr.Status, "decided_by": cr.DecidedBy, "decided_at": cr.DecidedAt, "decision_note": cr.DecisionNote,
	}).Error)
}

// List returns requests, newest first; memberID 0 means every unit.
func (r *ChangeRequests) List(ctx context.Context, status string, memberID int64, p app.Page) (app.List[appmember.ChangeRequest], error) {
	q := r.s.conn(ctx).Model(&changeRequestRecord{})
	if status != "" {
		q = q.Where("status = ?", status)
	}
	if memberID != 0 {
		q = q.Where("member_id = ?", memberID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return app.List[appmember.ChangeRequest]{}, translate(err)
	}
	var recs []changeRequestRecord
	if err := q.Order("id DESC").Offset(p.Offset()).Limit(p.PageSize).Find(&recs).Error; err != nil {
		return app.List[appmember.ChangeRequest]{}, translate(err)
	}
	ids := make([]int64, len(recs))
	for i, rec := range recs {
		ids[i] = rec.MemberID
	}
	names, err := NewMembers(r.s, r.cipher).Names(ctx, ids)
	if err != nil {
		return app.List[appmember.ChangeRequest]{}, err
	}
	out := app.List[appmember.ChangeRequest]{Total: total, Page: p.Page, PageSize: p.PageSize, Items: make([]appmember.ChangeRequest, len(recs))}
	for i, rec := range recs {
		if out.Items[i], err = r.decode(rec, names[rec.MemberID]); err != nil {
			return app.List[appmember.ChangeRequest]{}, err
		}
	}
	return out, nil
}

type settingRecord struct {
	Key       string `gorm:"primaryKey"`
	Value     string
	UpdatedAt time.Time
}

func (settingRecord) TableName() string { return "settings" }

// Settings stores association-level values.
type Settings struct{ s *Store }

// NewSettings returns the settings repository.
func NewSettings(s *Store) *Settings { return &Settings{s: s} }

// Get reads a value.
func (r *Settings) Get(ctx context.Context, key string) (string, bool, error) {
	var rec settingRecord
	err := translate(r.s.conn(ctx).Where("`key` = ?", key).Take(&rec).Error)
	if isNotFound(err) {
		return "", false, nil
	}
	return rec.Value, err == nil, err
}

// Set writes a value.
func (r *Settings) Set(ctx context.Context, key, value string) error {
	rec := settingRecord{Key: key, Value: value, UpdatedAt: time.Now().UTC()}
	return translate(r.s.conn(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "key"}}, DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at"}),
	}).Create(&rec).Error)
}
