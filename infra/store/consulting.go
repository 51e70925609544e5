package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"huiguan/app"
	appconsult "huiguan/app/consult"
	"huiguan/domain/consult"
)

// Consulting stores the consulting catalogue, clients and contracts.
type Consulting struct{ s *Store }

// NewConsulting returns the consulting repository.
func NewConsulting(s *Store) *Consulting { return &Consulting{s: s} }

var _ appconsult.Store = (*Consulting)(nil)

type consultingServiceRecord struct {
	ID          int64 `gorm:"primaryKey"`
	Name        string
	Category    string
	ScopeItem   string
	Description string
	FeeBasis    string
	Active      bool
}

func (consultingServiceRecord) TableName() string { return "consulting_services" }

// SaveService inserts or updates a catalogue entry.
func (r *Consulting) SaveService(ctx context.Context, s *consult.Service) error {
	rec := consultingServiceRecord(*s)
	if err := r.s.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, UpdateAll: true}).Create(&rec).Error; err != nil {
		return translate(err)
	}
	s.ID = rec.ID
	return nil
}

// Services lists the catalogue.
func (r *Consulting) Services(ctx context.Context) ([]consult.Service, error) {
	var recs []consultingServiceRecord
	if err := r.s.conn(ctx).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]consult.Service, len(recs))
	for i, rec := range recs {
		out[i] = consult.Service(rec)
	}
	return out, nil
}

// Service loads a catalogue entry.
func (r *Consulting) Service(ctx context.Context, id int64) (consult.Service, error) {
	var rec consultingServiceRecord
	if err := r.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return consult.Service{}, translate(err)
	}
	return consult.Service(rec), nil
}

type consultingClientRecord struct {
	ID       int64 `gorm:"primaryKey"`
	Name     string
	Kind     string
	Foreign  bool `gorm:"column:is_foreign"`
	MemberID *int64
}

func (consultingClientRecord) TableName() string { return "consulting_clients" }

// SaveClient inserts or updates a client.
func (r *Consulting) SaveClient(ctx context.Context, c *consult.Client) error {
	rec := consultingClientRecord{ID: c.ID, Name: c.Name, Kind: string(c.Kind), Foreign: c.Foreign, MemberID: c.MemberID}
	if err := r.s.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, UpdateAll: true}).Create(&rec).Error; err != nil {
		return translate(err)
	}
	c.ID = rec.ID
	return nil
}

func (rec consultingClientRecord) toDomain() consult.Client {
	return consult.Client{ID: rec.ID, Name: rec.Name, Kind: consult.ClientKind(rec.Kind), Foreign: rec.Foreign, MemberID: rec.MemberID}
}

// Clients lists clients.
func (r *Consulting) Clients(ctx context.Context) ([]consult.Client, error) {
	var recs []consultingClientRecord
	if err := r.s.conn(ctx).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]consult.Client, len(recs))
	for i, rec := range recs {
		out[i] = rec.toDomain()
	}
	return out, nil
}

// Client loads a client.
func (r *Consulting) Client(ctx context.Context, id int64) (consult.Client, error) {
	var rec consultingClientRecord
	if err := r.s.conn(ctx).Where("id = ?", id).Take(&rec).Error; err != nil {
		return consult.Client{}, translate(err)
	}
	return rec.toDomain(), nil
}

type consultingContractRecord struct {
	ID               int64 `gorm:"primaryKey"`
	ContractNo       string
	ClientID         int64
	ServiceID        int64
	Title            string
	Scope            string
	Team             string
	FeeFen           int64
	Plan             string
	Deliverables     string
	Confidentiality  string
	IPTerms          string `gorm:"column:ip_terms"`
	DataProtection   string
	Declarations     string
	ApplicableLaws   string
	StartsOn         time.Time
	EndsOn           time.Time
	Foreign          bool `gorm:"column:is_foreign"`
	SpecialFund      bool
	SignedOn         *time.Time
	SignedDocument   string
	ComplianceReview string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (consultingContractRecord) TableName() string { return "consulting_contracts" }

func fromContract(c consult.Contract) consultingContractRecord {
	rec := consultingContractRecord{ID: c.ID, ContractNo: c.ContractNo, ClientID: c.ClientID, ServiceID: c.ServiceID, Title: c.Title,
		Scope: c.Scope, Team: toJSON(nonNil(c.Team)), FeeFen: c.FeeFen, Plan: toJSON(nonNil(c.Plan)), Deliverables: toJSON(nonNil(c.Deliverables)),
		Confidentiality: c.Confidentiality, IPTerms: c.IPTerms, DataProtection: c.DataProtection, Declarations: toJSON(nonNil(c.Declarations)),
		ApplicableLaws: c.ApplicableLaws, StartsOn: c.StartsOn, EndsOn: c.EndsOn, Foreign: c.Foreign, SpecialFund: c.SpecialFund,
		SignedOn: c.SignedOn, SignedDocument: c.SignedDocument, UpdatedAt: time.Now().UTC()}
	if c.ComplianceReview != nil {
		rec.ComplianceReview = toJSON(c.ComplianceReview)
	}
	return rec
}

func (rec consultingContractRecord) toDomain() (consult.Contract, error) {
	c := consult.Contract{ID: rec.ID, ContractNo: rec.ContractNo, ClientID: rec.ClientID, ServiceID: rec.ServiceID, Title: rec.Title,
		Scope: rec.Scope, FeeFen: rec.FeeFen, Confidentiality: rec.Confidentiality, IPTerms: rec.IPTerms, DataProtection: rec.DataProtection,
		ApplicableLaws: rec.ApplicableLaws, StartsOn: rec.StartsOn.UTC(), EndsOn: rec.EndsOn.UTC(), Foreign: rec.Foreign, SpecialFund: rec.SpecialFund,
		SignedOn: utcPtr(rec.SignedOn), SignedDocument: rec.SignedDocument}
	for _, j := range []struct {
		s string
		v any
	}{{rec.Team, &c.Team}, {rec.Plan, &c.Plan}, {rec.Deliverables, &c.Deliverables}, {rec.Declarations, &c.Declarations}} {
		if err := fromJSON(j.s, j.v); err != nil {
			return c, err
		}
	}
	if rec.ComplianceReview != "" {
		c.ComplianceReview = &consult.Review{}
		if err := fromJSON(rec.ComplianceReview, c.ComplianceReview); err != nil {
			return c, err
		}
	}
	return c, nil
}

// CreateContract inserts a contract.
func (r *Consulting) CreateContract(ctx context.Context, c *consult.Contract) error {
	rec := fromContract(*c)
	rec.CreatedAt = rec.UpdatedAt
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	c.ID = rec.ID
	return nil
}

// UpdateContract rewrites a contract.
func (r *Consulting) UpdateContract(ctx context.Context, c consult.Contract) error {
	rec := fromContract(c)
	return translate(r.s.conn(ctx).Model(&consultingContractRecord{ID: rec.ID}).Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

func (r *Consulting) oneContract(q *gorm.DB) (consult.Contract, error) {
	var rec consultingContractRecord
	if err := q.Take(&rec).Error; err != nil {
		return consult.Contract{}, translate(err)
	}
	return rec.toDomain()
}

// Contract loads a contract.
func (r *Consulting) Contract(ctx context.Context, id int64) (consult.Contract, error) {
	return r.oneContract(r.s.conn(ctx).Where("id = ?", id))
}

// ContractForUpdate loads and locks a contract.
func (r *Consulting) ContractForUpdate(ctx context.Context, id int64) (consult.Contract, error) {
	return r.oneContract(r.s.forUpdate(r.s.conn(ctx)).Where("id = ?", id))
}

func (r *Consulting) contracts(q *gorm.DB) ([]consult.Contract, error) {
	var recs []consultingContractRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]consult.Contract, 0, len(recs))
	for _, rec := range recs {
		c, err := rec.toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Contracts lists contracts, newest first.
func (r *Consulting) Contracts(ctx context.Context, p app.Page) (app.List[consult.Contract], error) {
	var total int64
	if err := r.s.conn(ctx).Model(&consultingContractRecord{}).Count(&total).Error; err != nil {
		return app.List[consult.Contract]{}, translate(err)
	}
	items, err := r.contracts(r.s.conn(ctx).Order("id DESC").Offset(p.Offset()).Limit(p.PageSize))
	return app.List[consult.Contract]{Items: items, Total: total, Page: p.Page, PageSize: p.PageSize}, err
}

// AllContracts lists every contract (checks).
func (r *Consulting) AllContracts(ctx context.Context) ([]consult.Contract, error) {
	return r.contracts(r.s.conn(ctx).Order("id"))
}

type consultingStageRecord struct {
	ID         int64 `gorm:"primaryKey"`
	ContractID int64
	Stage      string
	Summary    string
	SkipReason string
	Documents  string
	By         string `gorm:"column:by_user"`
	At         time.Time
}

func (consultingStageRecord) TableName() string { return "consulting_stages" }

// Stages lists a contract's stage records in order.
func (r *Consulting) Stages(ctx context.Context, contractID int64) ([]consult.StageRecord, error) {
	var recs []consultingStageRecord
	if err := r.s.conn(ctx).Where("contract_id = ?", contractID).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]consult.StageRecord, len(recs))
	for i, rec := range recs {
		out[i] = consult.StageRecord{ID: rec.ID, ContractID: rec.ContractID, Stage: consult.Stage(rec.Stage), Summary: rec.Summary,
			SkipReason: rec.SkipReason, By: rec.By, At: rec.At.UTC()}
		_ = fromJSON(rec.Documents, &out[i].Documents)
	}
	return out, nil
}

// AddStages appends stage records; a stage is recorded once per contract.
func (r *Consulting) AddStages(ctx context.Context, rs []consult.StageRecord) error {
	for _, s := range rs {
		rec := consultingStageRecord{ContractID: s.ContractID, Stage: string(s.Stage), Summary: s.Summary, SkipReason: s.SkipReason,
			Documents: toJSON(nonNil(s.Documents)), By: s.By, At: s.At}
		if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
			return translate(err)
		}
	}
	return nil
}

type consultingLineRecord struct {
	ID         int64 `gorm:"primaryKey"`
	ContractID int64
	Name       string
	AmountFen  int64
	SpentFen   int64
}

func (consultingLineRecord) TableName() string { return "consulting_budget_lines" }

// Lines lists a contract's budget lines.
func (r *Consulting) Lines(ctx context.Context, contractID int64) ([]consult.BudgetLine, error) {
	var recs []consultingLineRecord
	if err := r.s.conn(ctx).Where("contract_id = ?", contractID).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]consult.BudgetLine, len(recs))
	for i, rec := range recs {
		out[i] = consult.BudgetLine(rec)
	}
	return out, nil
}

// AddLine inserts a budget line.
func (r *Consulting) AddLine(ctx context.Context, l *consult.BudgetLine) error {
	rec := consultingLineRecord(*l)
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	l.ID = rec.ID
	return nil
}

// LineForUpdate loads and locks a budget line.
func (r *Consulting) LineForUpdate(ctx context.Context, contractID, lineID int64) (consult.BudgetLine, error) {
	var rec consultingLineRecord
	if err := r.s.forUpdate(r.s.conn(ctx)).Where("contract_id = ? AND id = ?", contractID, lineID).Take(&rec).Error; err != nil {
		return consult.BudgetLine{}, translate(err)
	}
	return consult.BudgetLine(rec), nil
}

// SaveLineSpent writes a line's spent total.
func (r *Consulting) SaveLineSpent(ctx context.Context, l consult.BudgetLine) error {
	return translate(r.s.conn(ctx).Model(&consultingLineRecord{}).Where("id = ?", l.ID).Update("spent_fen", l.SpentFen).Error)
}

type consultingExpenseRecord struct {
	ID          int64 `gorm:"primaryKey"`
	ContractID  int64
	LineID      int64
	AmountFen   int64
	SpentOn     time.Time
	Description string
	By          string `gorm:"column:by_user"`
	CreatedAt   time.Time
}

func (consultingExpenseRecord) TableName() string { return "consulting_expenses" }

// AddExpense appends an expense.
func (r *Consulting) AddExpense(ctx context.Context, e *appconsult.Expense) error {
	rec := consultingExpenseRecord{ContractID: e.ContractID, LineID: e.LineID, AmountFen: e.AmountFen, SpentOn: e.SpentOn,
		Description: e.Description, By: e.By, CreatedAt: time.Now().UTC()}
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	e.ID = rec.ID
	return nil
}

// Expenses lists a contract's expenses.
func (r *Consulting) Expenses(ctx context.Context, contractID int64) ([]appconsult.Expense, error) {
	var recs []consultingExpenseRecord
	if err := r.s.conn(ctx).Where("contract_id = ?", contractID).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]appconsult.Expense, len(recs))
	for i, rec := range recs {
		out[i] = appconsult.Expense{ID: rec.ID, ContractID: rec.ContractID, LineID: rec.LineID, AmountFen: rec.AmountFen,
			SpentOn: rec.SpentOn.UTC(), Description: rec.Description, By: rec.By}
	}
	return out, nil
}

type consultingReceiptRecord struct {
	ID         int64 `gorm:"primaryKey"`
	ContractID int64
	AmountFen  int64
	ReceivedOn time.Time
	Reference  string
	By         string `gorm:"column:by_user"`
	CreatedAt  time.Time
}

func (consultingReceiptRecord) TableName() string { return "consulting_receipts" }

// AddReceipt appends a consulting receipt.
func (r *Consulting) AddReceipt(ctx context.Context, x *appconsult.Receipt) error {
	rec := consultingReceiptRecord{ContractID: x.ContractID, AmountFen: x.AmountFen, ReceivedOn: x.ReceivedOn, Reference: x.Reference, By: x.By, CreatedAt: time.Now().UTC()}
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	x.ID = rec.ID
	return nil
}

// Receipts lists a contract's receipts.
func (r *Consulting) Receipts(ctx context.Context, contractID int64) ([]appconsult.Receipt, error) {
	var recs []consultingReceiptRecord
	if err := r.s.conn(ctx).Where("contract_id = ?", contractID).Order("id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]appconsult.Receipt, len(recs))
	for i, rec := range recs {
		out[i] = appconsult.Receipt{ID: rec.ID, ContractID: rec.ContractID, AmountFen: rec.AmountFen, ReceivedOn: rec.ReceivedOn.UTC(), Reference: rec.Reference, By: rec.By}
	}
	return out, nil
}
